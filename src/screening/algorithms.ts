// Algorithm names a client may ask for. yente clients send nomenklatura's names (`logic-v1`,
// `name-based`, `best`...); they all run Interdict's matcher, so existing integrations work
// unchanged. `name-based` keeps its meaning: only the names of the query are compared.
import { ValidationError } from '../model/errors.ts';

export const DEFAULT_ALGORITHM = 'interdict-v1';
/** The learned combination (learned.ts, weights/interdict-v2.json); interdict-v1 is the hand-set one. */
export const LEARNED_ALGORITHM = 'interdict-v2';

const ALIASES = new Set([
  'interdict-v1',
  LEARNED_ALGORITHM,
  'default',
  'best',
  'logic-v1',
  'logic-v2',
  'name-based',
  'name-qualified',
  'regression-v1',
  'regression-v2',
  'regression-v3',
  'erun-v1',
]);

export const NAMES_ONLY_ALGORITHMS = new Set(['name-based']);

export function algorithmNames(): string[] {
  return [...ALIASES];
}

export function resolveAlgorithm(name: unknown, field = 'algorithm'): string {
  if (name === undefined || name === null || name === '') return DEFAULT_ALGORITHM;
  if (typeof name !== 'string' || !ALIASES.has(name)) {
    throw new ValidationError(field, `unknown algorithm "${String(name).slice(0, 40)}" (use one of ${[...ALIASES].join(', ')})`);
  }
  return name;
}

/** The matcher a requested name runs: interdict-v1 or interdict-v2 by name, the default for every other alias. */
export function matcherOf(algorithm: string | undefined): string {
  return algorithm === 'interdict-v1' || algorithm === LEARNED_ALGORITHM ? algorithm : DEFAULT_ALGORITHM;
}

export function describeMatcher(algorithm: string, threshold: number) {
  const name = matcherOf(algorithm);
  return {
    name,
    requested: algorithm,
    description:
      'Interdict matcher: cross-script, romanization-aware name comparison with rarity weighting, ' +
      'legal-form classes, birth dates, countries and identifiers; every score is explained' +
      (name === LEARNED_ALGORITHM ? ' (a logistic regression over these features, weights in src/screening/weights/interdict-v2.json).' : ' (hand-set weights).'),
    threshold,
    names_only: NAMES_ONLY_ALGORITHMS.has(algorithm),
  };
}
