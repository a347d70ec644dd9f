// What the pool (pool.ts) and its worker threads (worker.ts) say to each other. A batch's results
// travel as one buffer of UTF-8 JSON texts, moved rather than copied: strings posted between threads
// are copied, and then copied again by the receiving thread's garbage collector as they age.
import type { FtmEntity } from '../model/entity.ts';
import type { Band } from './bands.ts';
import type { PackedPrepared } from './candidate-index.ts';
import type { PackedSets } from './id-sets.ts';
import type { QueryEntity } from './query.ts';
import type { ScreenedJson, ScreenOptions } from './screener.ts';

/** A serialised index (indexToBytes) and the prepared forms an earlier run saved beside it (preparedToBytes), if any. */
export interface IndexBytes {
  snapshot: Uint8Array;
  prepared?: Uint8Array;
}
/** A worker's index: serialised (in shared memory), or the entities to index. */
export type IndexInput = IndexBytes | { entities: FtmEntity[] };
/** What a worker is started with: its index, or word that an `index` message follows. */
export type WorkerInput = IndexInput | { indexFollows: true };

export type WorkerRequest =
  | ({ type: 'index' } & IndexBytes)
  /** The prepared forms the worker made, but of the slots `except` (packed by another worker). */
  | { type: 'pack'; except?: Int32Array }
  /**
   * `screen`: each query's results (BriefResult); `score`: the same whole, features and rank too
   * (scoredJson), for a caller holding the same index; `sift`: only whether each has one that is not
   * clear (Screener.sifts). `queries`: the objects, or their JSON array as text (pool.ts, QueryTexts).
   */
  | { type: 'screen' | 'score'; batch: number; queries: QueryEntity[] | string; options: ScreenOptions }
  /** `known`: each query's own (Screener's ConsideredTargets); a sift answers each one's `considered`. */
  | { type: 'sift'; batch: number; queries: QueryEntity[] | string; options: ScreenOptions; known?: PackedSets };

export type WorkerReply =
  | { type: 'ready'; buildMs: number; entities: number }
  | { type: 'packed'; packed: PackedPrepared }
  | WorkerAnswer
  | { type: 'error'; batch?: number; message: string };

/** A batch's answers, in the order of its queries. */
export type WorkerAnswer = ({ type: 'results'; batch: number } & EncodedResults) | ({ type: 'sifted'; batch: number; flags: Uint8Array } & PackedSets);

/** A batch's results: query k's JSON text is `bytes[ends[k - 1] ?? 0, ends[k])`. */
export interface EncodedResults {
  bytes: Uint8Array;
  ends: Uint32Array;
  bands: Uint8Array;
  matched: Uint8Array;
}

/** Band codes on the wire. */
export const BANDS: readonly Band[] = ['clear', 'review', 'match'];

const utf8 = new TextEncoder();

export function encodeResults(results: ScreenedJson[]): EncodedResults {
  // Encoded straight into one buffer (a UTF-16 unit is at most 3 bytes), not one array per result:
  // tens of thousands of small buffers cost the worker's garbage collector more than the encoding.
  let room = 0;
  for (const r of results) room += r.json.length * 3;
  const buffer = new Uint8Array(room);
  const ends = new Uint32Array(results.length);
  let length = 0;
  results.forEach((r, k) => (ends[k] = length += utf8.encodeInto(r.json, buffer.subarray(length)).written));
  return {
    bytes: buffer.slice(0, length),
    ends,
    bands: Uint8Array.from(results, (r) => BANDS.indexOf(r.band)),
    matched: Uint8Array.from(results, (r) => (r.matched ? 1 : 0)),
  };
}

/** A query's results from a worker: their JSON text in UTF-8, decoded only when asked for. */
export class PooledResult implements ScreenedJson {
  constructor(
    readonly bytes: Uint8Array,
    readonly matched: boolean,
    readonly band: Band,
  ) {}

  get json(): string {
    return decoder.decode(this.bytes);
  }
}
const decoder = new TextDecoder();
