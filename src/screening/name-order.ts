// The order a batch is screened in: queries with the same names side by side (one name with other
// birth dates or countries is common in a customer file), so the matcher reuses the first one's name
// scores (compare.ts, prepareQuery). Sorted within windows, so a caller writing results in input
// order holds at most a window's results, however large the file.
import { queryNamesKey } from './compare.ts';
import type { QueryEntity } from './query.ts';

/** Distinct queries whose results a caller may hold back at once, waiting for the window's first. */
export const NAME_ORDER_WINDOW = 50_000;

/**
 * A permutation of `queries`' indexes: window by window, each window's queries by their names. A query
 * given as its JSON text (a store's: ScreeningPool's texts) is ordered by the text, which puts queries of
 * one schema and one first property (the name, as records are written) side by side.
 */
export function nameOrder(queries: readonly (QueryEntity | string)[], window = NAME_ORDER_WINDOW): number[] {
  const order: number[] = [];
  for (let start = 0; start < queries.length; start += window) {
    const end = Math.min(queries.length, start + window);
    const keys: string[] = [];
    const part: number[] = [];
    for (let i = start; i < end; i++) {
      const q = queries[i];
      keys.push(typeof q === 'string' ? q : queryNamesKey(q));
      part.push(i);
    }
    // Equal names keep their input order.
    part.sort((a, b) => {
      const ka = keys[a - start];
      const kb = keys[b - start];
      return ka < kb ? -1 : ka > kb ? 1 : a - b;
    });
    order.push(...part);
  }
  return order;
}
