// Three bands a compliance team can act on: `match` (treat as the listed entity), `review` (a
// possible match a person must look at) and `clear`. A score alone hides the case that matters
// most: an exact name whose birth year differs from the listing is a possible match, not a clear.

export type Band = 'match' | 'review' | 'clear';

/**
 * Scores from here up to the match threshold are `review`. On test/eval/pairs.csv (names only,
 * 6,207 true and 3,952 false pairs) the band 0.55–0.72 holds 104 true matches and 594 non-matches;
 * 0.50 would add 27 true matches for 77 more to review, 0.60 drop 34 for 141 fewer.
 */
export const REVIEW_THRESHOLD = 0.55;
/** A best-name similarity (`features.name`, 0..1) from which the name alone is a strong hit. */
export const STRONG_NAME = 0.9;

export interface BandInput {
  score: number;
  /** compare.ts's features; `name` is the best name similarity 0..1. */
  features?: Record<string, number>;
}

/**
 * match: score ≥ the match threshold. review: a score between REVIEW_THRESHOLD and the match
 * threshold, or a near-exact name (≥ STRONG_NAME) whose score a conflicting or missing secondary
 * detail pulled below the match threshold. clear: anything else.
 */
export function bandOf(result: BandInput, matchThreshold: number, reviewThreshold = Math.min(REVIEW_THRESHOLD, matchThreshold)): Band {
  if (result.score >= matchThreshold) return 'match';
  if (result.score >= reviewThreshold) return 'review';
  if ((result.features?.name ?? 0) >= STRONG_NAME) return 'review';
  return 'clear';
}

/** The band of a whole query: its best result's, or clear without results. */
export function queryBand(bands: Band[]): Band {
  if (bands.includes('match')) return 'match';
  if (bands.includes('review')) return 'review';
  return 'clear';
}

interface ExplanationLike {
  feature?: string;
  weight?: number;
  detail?: string;
}

/** One line for a CSV cell or a table: the best name's explanation and every detail that counted against. */
export function reasonOf(band: Band, score: number, explanations: unknown): string {
  const list = (Array.isArray(explanations) ? explanations : []) as ExplanationLike[];
  const name = list.find((e) => e.feature?.startsWith('name.') && (e.weight ?? 0) >= 0);
  const against = list.filter((e) => (e.weight ?? 0) < 0 && !e.feature?.startsWith('name.'));
  const parts = [name?.detail, ...against.map((e) => `${e.detail} (${(e.weight ?? 0).toFixed(2)})`)].filter(Boolean);
  return `${band} ${score.toFixed(2)}${parts.length ? `: ${parts.join('; ')}` : ''}`;
}
