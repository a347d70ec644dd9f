// Dense ids for 32-bit key hashes: an open-addressing table in two typed arrays, so an index of
// half a million keys costs the garbage collector nothing.
export class HashIds {
  private hashes: Uint32Array;
  private ids: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 16) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.hashes = new Uint32Array(cap);
    this.ids = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  /** The id of `hash`, or -1. */
  get(hash: number): number {
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const id = this.ids[i];
      if (id < 0 || this.hashes[i] === hash) return id;
    }
  }

  /** The id of `hash`, given the next free id if it has none. */
  intern(hash: number): number {
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const id = this.ids[i];
      if (id >= 0) {
        if (this.hashes[i] === hash) return id;
        continue;
      }
      this.hashes[i] = hash;
      this.ids[i] = this.size;
      if (++this.size * 2 > this.mask) this.grow();
      return this.size - 1;
    }
  }

  private grow(): void {
    const { hashes, ids } = this;
    this.hashes = new Uint32Array(hashes.length * 2);
    this.ids = new Int32Array(ids.length * 2).fill(-1);
    this.mask = this.hashes.length - 1;
    for (let j = 0; j < ids.length; j++) {
      if (ids[j] < 0) continue;
      let i = hashes[j] & this.mask;
      while (this.ids[i] >= 0) i = (i + 1) & this.mask;
      this.hashes[i] = hashes[j];
      this.ids[i] = ids[j];
    }
  }

  /** The table as it is, to be saved (screening/index-snapshot.ts); `fromParts` restores it. */
  parts(): { hashes: Uint32Array; ids: Int32Array; size: number } {
    return { hashes: this.hashes, ids: this.ids, size: this.size };
  }

  static fromParts(p: { hashes: Uint32Array; ids: Int32Array; size: number }): HashIds {
    const table = new HashIds(1);
    table.hashes = p.hashes;
    table.ids = p.ids;
    table.mask = p.hashes.length - 1;
    table.size = p.size;
    return table;
  }

  /** Bytes held. */
  get byteLength(): number {
    return this.hashes.byteLength + this.ids.byteLength;
  }
}
