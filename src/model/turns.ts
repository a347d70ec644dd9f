// Long synchronous work in a server (building or updating an index, screening a portfolio in the
// process, finding the names in a long document) lets the event loop turn every few milliseconds, so
// that requests keep being answered meanwhile.
import { setImmediate } from 'node:timers/promises';

/** Lets the event loop run whatever is waiting (I/O, timers, other requests) before going on. */
export const nextTurn = (): Promise<void> => setImmediate();

/** Work cut into slices of `sliceMs`: `due()` says the slice has run its time, `turn()` lets the loop turn and starts the next. */
export class Slices {
  private start = performance.now();

  constructor(private readonly sliceMs = 8) {}

  due(): boolean {
    return performance.now() - this.start > this.sliceMs;
  }

  async turn(): Promise<void> {
    await nextTurn();
    this.start = performance.now();
  }
}
