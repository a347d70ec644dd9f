// The seam's shapes: what an index and a screener need from a matcher, without the matcher.
// engine.ts implements them; candidate-index.ts and entity-keys.ts only need the shapes.
import type { FtmEntity } from '../model/entity.ts';
import type { KeyHashes } from '../names/key-hashes.ts';
import type { QueryEntity } from './query.ts';

/** One reason a score is what it is; every engine explains with these (the API sends them as they are). */
export interface Explanation {
  /** e.g. 'name.exact', 'name.transliteration', 'name.token_overlap', 'birthDate.mismatch', 'identifier.imo'. */
  feature: string;
  /** Signed contribution to the score. */
  weight: number;
  /** A sentence a person can read. */
  detail: string;
  query?: string;
  candidate?: string;
}

export interface Comparison {
  score: number;
  match: boolean;
  explanations: Explanation[];
  features?: Record<string, number>;
  /** Orders results of equal score (compare.ts: the contributions before the score is bounded). */
  rank?: number;
}

export interface CompareOptions {
  threshold?: number;
  weights?: Record<string, number>;
  /** interdict-v1 or interdict-v2 (algorithms.ts); other names run the default. */
  algorithm?: string;
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
  /** Packs prepared forms for a saved index (optional: an engine without it prepares again). */
  packer?(): PreparedPacking;
  /** Reads the forms one packer packed, given what they share: the same as `prepare(entity)`. */
  unpacker?(shared: Uint8Array): (bytes: Uint8Array, entity: FtmEntity) => unknown;
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

/** Prepared forms packed one by one as bytes, and what they share (e.g. a table of their words). */
export interface PreparedPacking {
  pack(prepared: unknown): Uint8Array;
  shared(): Uint8Array;
}
