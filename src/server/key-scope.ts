// API keys limited to datasets (issue 13): such a key screens and searches only its datasets. A dataset
// outside them, asked for by name or in a filter, is refused (403); `default` and `all` are narrowed to them.
import type { Principal } from '../access/accounts.ts';
import { ForbiddenError } from '../model/errors.ts';
import { listParam } from '../model/params.ts';
import { ALL_DATASETS, EVERY_DATASET } from '../screening/scopes.ts';

/**
 * The datasets a request may read from, given its path's `{dataset}` and any dataset filter it sent;
 * undefined when the caller is not limited (the filter then stands as sent).
 */
export function keyDatasets(principal: Principal | null, dataset: string, filter: unknown, field: string): string[] | undefined {
  const allowed = principal?.datasets;
  if (!allowed) return undefined;
  const refuse = (name: string) => new ForbiddenError(`this API key may read only ${allowed.join(', ')}; not "${name.slice(0, 60)}"`);
  if (dataset !== ALL_DATASETS && dataset !== EVERY_DATASET && !allowed.includes(dataset)) throw refuse(dataset);
  const asked = listParam(filter, field);
  const outside = asked.find((d) => !allowed.includes(d));
  if (outside !== undefined) throw refuse(outside);
  return asked.length ? asked : [...allowed];
}
