// The seam between screening (index, API, batch) and the matcher (compare.ts, src/names/keys.ts).
// Blocking keys follow the matcher's name kinds: a pair is compared as person names when either
// side is a Person, as vessel names for vessels and aircraft, else as organisation names; each side
// is keyed under every kind it can be compared as, so candidate generation never loses a pair the
// matcher could score above its threshold.
import type { FtmEntity } from '../model/entity.ts';
import { kindKeyHashLists, nameKeyHashLists, type KeyHashes } from '../names/keys.ts';
import { keepingNames } from '../names/memo.ts';
import type { NameKind } from '../names/tokens.ts';
import { namesOf } from './candidate-index.ts';
import { compareEntities, DEFAULT_THRESHOLD, prepareCandidate, type PreparedCandidate } from './compare.ts';
import type { QueryEntity } from './query.ts';

export interface Comparison {
  score: number;
  match: boolean;
  explanations: unknown;
  features?: Record<string, number>;
  /** Orders results of equal score (compare.ts: the contributions before the score is bounded). */
  rank?: number;
}

export interface CompareOptions {
  threshold?: number;
  weights?: Record<string, number>;
}

/**
 * A list of blocking keys as hashes with their families (src/names/keys.ts), typically one name
 * token's. An engine hands out the same list object again for the same token, so an index resolves
 * each list to key ids once. A list's deletion-neighbourhood keys (`t:`, `d:` families) are one
 * token's worth of evidence (see candidate-index).
 */
export type KeyList = KeyHashes;

export interface WeightedKeyList {
  keys: KeyList;
  /** How much the list counts (1 = fully). */
  factor: number;
}

export interface MatchEngine {
  readonly defaultThreshold: number;
  /** Precomputed name data of a listed entity, built once per index. */
  prepare(entity: FtmEntity): unknown;
  /** The same for a query about to meet many candidates. */
  prepareQuery(query: QueryEntity): unknown;
  /** Scores a query (as given or from prepareQuery) against a prepared listed entity. */
  compare(query: QueryEntity | unknown, candidate: unknown, options?: CompareOptions): Comparison;
  /** Blocking keys of a listed entity's names (identifiers are keyed by the index itself). */
  candidateKeyLists(entity: FtmEntity): KeyList[];
  /** Blocking keys of a query's names. */
  queryKeyLists(query: QueryEntity, names: string[]): WeightedKeyList[];
  /** Blocking keys of free text (search), any kind of name. */
  textKeyLists(text: string): KeyList[];
}

/** Name kinds a listed entity of this schema can be compared as. */
function candidateKinds(schema: string): NameKind[] {
  if (schema === 'Person') return ['person'];
  if (schema === 'Vessel' || schema === 'Airplane') return ['vessel'];
  if (schema === 'LegalEntity') return ['person', 'org']; // a LegalEntity may meet a Person query
  return ['org'];
}

/** Name kinds a query of this schema is compared as, over all compatible candidates; the first leads. */
function queryKinds(schema: string): NameKind[] {
  return schema === 'LegalEntity' ? ['org', 'person'] : candidateKinds(schema);
}

const SECONDARY_KIND_WEIGHT = 0.3;


export const matcherEngine: MatchEngine = {
  defaultThreshold: DEFAULT_THRESHOLD,
  // A listed entity's names are kept in the name caches; a query's are not (memo.ts).
  prepare: (entity) => keepingNames(() => prepareCandidate(entity)),
  prepareQuery: (query) => prepareCandidate(query),
  compare: (query, candidate, options) => compareEntities(query as QueryEntity | PreparedCandidate, candidate as PreparedCandidate, options),
  candidateKeyLists(entity) {
    return keepingNames(() => {
      const lists: KeyList[] = [];
      const names = namesOf(entity);
      for (const kind of candidateKinds(entity.schema)) for (const name of names) lists.push(...kindKeyHashLists(name, kind));
      return lists;
    });
  },
  queryKeyLists(query, names) {
    // A LegalEntity query may name a person or an organisation: its organisation reading leads; the
    // person reading (where legal words such as JSC or CORPORATION become name words) counts less.
    const lists: WeightedKeyList[] = [];
    const [lead, ...others] = queryKinds(query.schema);
    for (const name of names) for (const keys of kindKeyHashLists(name, lead)) lists.push({ keys, factor: 1 });
    for (const kind of others) for (const name of names) for (const keys of kindKeyHashLists(name, kind)) lists.push({ keys, factor: SECONDARY_KIND_WEIGHT });
    return lists;
  },
  textKeyLists: (text) => nameKeyHashLists(text, ['person', 'org', 'vessel']),
};

/** The matcher (kept async so callers do not care how it is loaded). */
export async function loadEngine(): Promise<MatchEngine> {
  return matcherEngine;
}
