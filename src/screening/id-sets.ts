// Sets of targets (sorted 32-bit hashes of their ids, CandidateIndex.idHashOf), one per query, kept in
// one buffer: thousands of small typed arrays cost more to allocate, post between threads and collect
// than the screening that makes them.
import { keyHash } from '../names/keys.ts';

/** A target's hash: FNV-1a of its id, the same in every build of the index. */
export function targetHash(id: string): number {
  return keyHash(id);
}

/** Query k's set is `values[ends[k - 1] ?? 0, ends[k])`. */
export interface PackedSets {
  values: Uint32Array;
  ends: Uint32Array;
}

export class PackedSetsBuilder {
  private values = new Uint32Array(4096);
  private length = 0;
  private readonly ends: number[] = [];

  add(set: Uint32Array): void {
    if (this.length + set.length > this.values.length) {
      const grown = new Uint32Array(Math.max(this.values.length * 2, this.length + set.length));
      grown.set(this.values.subarray(0, this.length));
      this.values = grown;
    }
    this.values.set(set, this.length);
    this.ends.push((this.length += set.length));
  }

  build(): PackedSets {
    return { values: this.values.slice(0, this.length), ends: Uint32Array.from(this.ends) };
  }
}

export function packSets(sets: Uint32Array[]): PackedSets {
  const builder = new PackedSetsBuilder();
  for (const set of sets) builder.add(set);
  return builder.build();
}

/** Each query's set: views of the one buffer. */
export function unpackSets({ values, ends }: PackedSets): Uint32Array[] {
  return Array.from(ends, (end, k) => values.subarray(k === 0 ? 0 : ends[k - 1], end));
}

/** Whether the sorted `set` holds `value` (binary search). */
export function setHas(set: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (set[mid] === value) return true;
    if (set[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export function sameSet(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
