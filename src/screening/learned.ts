// interdict-v2: a logistic regression over the matcher's interpretable measurements of a pair
// (features/names.ts NAME_FEATURES, then birth dates, countries, gender, identifiers). The weights
// are data, trained by test/eval/train.ts and versioned in weights/interdict-v2.json.
//
// The score is the calibrated probability s = σ(z), z = b + Σ cᵢ with cᵢ = wᵢ·xᵢ. Its explanation
// lists the baseline σ(b) and every contribution cᵢ's share of the rest, proportional in log-odds:
// shareᵢ = cᵢ · (s − σ(b)) / (z − b). The shares and the baseline add up to s exactly, and a share
// has the sign of its log-odds contribution (a feature that speaks against a match lowers the score).
// The name features' log-odds stop at a cap (σ = 0.97): above it each name contribution is scaled
// down in proportion, and the explanation says so.
import weights from './weights/interdict-v2.json' with { type: 'json' };
import { NAME_FEATURES } from './features/names.ts';

export interface LearnedModel {
  algorithm: string;
  features: string[];
  intercept: number;
  /** The most log-odds the name features may add up to (intercept included); see train.ts NAME_CAP. */
  nameCap: number;
  /** Log-odds per unit of each name feature (NAME_FEATURES order). */
  coefficients: number[];
  /** Log-odds of the secondary details (not learned from name pairs: see the JSON's `fixed_rule`). */
  fixed: Record<string, number>;
}

export const V2: LearnedModel = {
  algorithm: weights.algorithm,
  features: weights.features,
  intercept: weights.intercept,
  nameCap: weights.name_logit_cap,
  coefficients: weights.features.map((f) => (weights.coefficients as Record<string, number>)[f] ?? 0),
  fixed: weights.fixed,
};

if (V2.features.join() !== NAME_FEATURES.join()) {
  // The weights were trained on another feature list: refuse to score with them.
  throw new Error(`src/screening/weights/interdict-v2.json: features ${V2.features.join(',')} differ from the matcher's ${NAME_FEATURES.join(',')}; retrain (test/eval/train.ts)`);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Log-odds of the name features alone (intercept included). */
export function nameLogit(x: Float64Array, model: LearnedModel = V2): number {
  let z = model.intercept;
  for (let i = 0; i < x.length; i++) z += model.coefficients[i] * x[i];
  return z;
}

export interface Contribution {
  feature: string;
  /** Log-odds added. */
  logit: number;
  /** Share of the score (sums with the baseline to the score). */
  share: number;
  value?: number;
}

/** The baseline and each contribution's share of σ(z), in the rule above. */
export function attribute(intercept: number, parts: { feature: string; logit: number; value?: number }[]): { score: number; baseline: number; contributions: Contribution[] } {
  let z = intercept;
  for (const p of parts) z += p.logit;
  const score = sigmoid(z);
  const baseline = sigmoid(intercept);
  const dz = z - intercept;
  // As dz → 0 the ratio tends to σ'(b) = σ(b)(1 − σ(b)).
  const ratio = Math.abs(dz) < 1e-9 ? baseline * (1 - baseline) : (score - baseline) / dz;
  return { score, baseline, contributions: parts.map((p) => ({ ...p, share: p.logit * ratio })) };
}
