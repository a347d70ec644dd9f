// One line of `interdict compare` (cli/commands/compare.ts): a pair of entities read, prepared and scored.
import { ValidationError } from '../../model/errors.ts';
import type { MatchEngine } from '../../screening/engine.ts';
import { isPlainObject, parseQuery } from '../../screening/query.ts';

export function comparePair(engine: MatchEngine, pair: unknown, threshold: number, algorithm?: string) {
  if (!isPlainObject(pair)) throw new ValidationError('pair', 'must be an object {"schema", "a", "b"}');
  const schema = pair.schema ?? 'LegalEntity';
  const a = parseQuery({ schema, properties: propertiesOf(pair.a, 'a') }, 'a', 'a');
  const b = parseQuery({ schema, properties: propertiesOf(pair.b, 'b') }, 'b', 'b');
  const result = engine.compare(a, engine.prepare(b), { threshold, algorithm });
  return { score: result.score, match: result.score >= threshold, explanations: result.explanations };
}

/** Accepts `{"name": [...]}` or a full `{"properties": {...}}` entity. */
function propertiesOf(side: unknown, field: string): unknown {
  if (!isPlainObject(side)) throw new ValidationError(field, 'must be an object of properties, e.g. {"name": ["..."]}');
  return isPlainObject(side.properties) ? side.properties : side;
}
