// Output written in large chunks: `interdict screen` writes ≈ 2.4 KB a row, and a stream write per
// line (each string turned into its own Buffer) cost the main thread more than half a second per
// 60,000 rows, at the end of the run, while the workers had nothing left to do.
const CHUNK = 1 << 20;

export class ChunkedOutput {
  private chunk = Buffer.allocUnsafe(CHUNK);
  private used = 0;

  constructor(private readonly write: (chunk: Buffer) => void) {}

  text(s: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (s.length * 3 > CHUNK - this.used) {
      this.flush();
      if (s.length * 3 > CHUNK) return this.write(Buffer.from(s));
    }
    this.used += this.chunk.write(s, this.used);
  }

  bytes(b: Uint8Array): void {
    if (b.length > CHUNK - this.used) {
      this.flush();
      if (b.length > CHUNK) return this.write(Buffer.from(b));
    }
    this.chunk.set(b, this.used);
    this.used += b.length;
  }

  /** Writes what is held (the stream keeps the chunk: the next one is a fresh buffer). */
  flush(): void {
    if (this.used === 0) return;
    this.write(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
  }
}
