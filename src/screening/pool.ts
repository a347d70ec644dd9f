// Worker threads for batch screening: each takes its own copy of one index (handed over serialised in
// shared memory, so it is read, not rebuilt, per worker) or builds its own from the entities given,
// then takes batches of queries as it frees up. Results come back in input order.
// What they say to each other: worker-protocol.ts.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FtmEntity } from '../model/entity.ts';
import type { PackedPrepared } from './candidate-index.ts';
import type { QueryEntity } from './query.ts';
import type { ScreenOptions } from './screener.ts';
import { nameOrder } from './name-order.ts';
import { startWorker } from './threads.ts';
import { BANDS, PooledResult, type WorkerAnswer, type WorkerInput, type WorkerReply, type WorkerRequest } from './worker-protocol.ts';

/** Queries per message: large enough to amortise messaging, small enough to balance the workers. */
const BATCH_SIZE = 256;
const IN_FLIGHT = 2;
/** Towards the end a batch is at most this fraction of what is left per worker, and at least MIN_BATCH_SIZE. */
const TAIL_SPLIT = 4;
const MIN_BATCH_SIZE = 32;

/** A serialised index and the prepared forms saved beside it (index-snapshot.ts), if any. */
export interface IndexBytes {
  snapshot: Uint8Array;
  prepared?: Uint8Array;
}

/** The index in memory every worker can read (a copy: the caller's bytes may be a pooled Buffer). */
function shared(index: Uint8Array): Uint8Array {
  const copy = new Uint8Array(new SharedArrayBuffer(index.byteLength));
  copy.set(index);
  return copy;
}

export interface ScreenAlso {
  /** The pool screens nothing after this: each worker ends as soon as it has nothing left. */
  last?: boolean;
  /**
   * Takes each query's results as they come, in no order, instead of `onBatch` in input order: the
   * caller can use them at once (in name order the first query's results come late, so in input
   * order almost all would come at the end, while the workers have nothing left to do).
   */
  onResult?: (at: number, result: PooledResult) => void;
  /**
   * With `last`: each worker, before it ends, packs its share of the prepared forms it made (every
   * worker prepares what its queries meet, mostly the same entities) and hands them here.
   */
  collectPrepared?: (packed: PackedPrepared) => void;
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

export class ScreeningPool {
  private constructor(
    private readonly workers: Worker[],
    readonly buildMs: number,
    /** Entities in each worker's index. */
    readonly entityCount: number,
  ) {}

  /** Workers ending after the last batch (screen's `last`). */
  private readonly ending: Promise<number>[] = [];

  /**
   * `index` is either the entities (each worker builds its own index: seconds of CPU each) or an
   * index serialised by `indexToBytes` (index-snapshot.ts), which the workers read from one shared copy.
   * Given as a promise, the workers start at once and load their code while the caller gets the index
   * (and reads its input): the index reaches them when it comes.
   */
  static async start(index: FtmEntity[] | Uint8Array | IndexBytes | Promise<Uint8Array | IndexBytes>, size = defaultWorkerCount()): Promise<ScreeningPool> {
    const workers: Worker[] = [];
    const started = performance.now();
    let entityCount = 0;
    const later = index instanceof Promise;
    const sharedInput = (bytes: Uint8Array | IndexBytes) => {
      const { snapshot, prepared } = bytes instanceof Uint8Array ? { snapshot: bytes, prepared: undefined } : bytes;
      return { snapshot: shared(snapshot), prepared: prepared && shared(prepared) };
    };
    const workerData: WorkerInput = later ? { indexFollows: true } : Array.isArray(index) ? { entities: index } : sharedInput(index);
    try {
      const ready = Array.from({ length: size }, () => {
        const worker = startWorker(new URL('./worker.ts', import.meta.url), { workerData });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          const onMessage = (msg: WorkerReply) => {
            worker.off('message', onMessage);
            worker.off('error', reject);
            if (msg.type === 'ready') {
              entityCount = msg.entities;
              resolve();
            }
            else reject(new Error(msg.type === 'error' ? msg.message : 'unexpected worker reply'));
          };
          worker.on('message', onMessage);
          worker.once('error', reject);
        });
      });
      if (later) {
        const input = sharedInput(await index);
        for (const worker of workers) worker.postMessage({ type: 'index', ...input } satisfies WorkerRequest);
      }
      await Promise.all(ready);
    } catch (err) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw err;
    }
    return new ScreeningPool(workers, performance.now() - started, entityCount);
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Screens all queries; `onBatch` receives each run of consecutive results in input order as soon
   * as it is complete (for streaming output and progress). Each query's results come as JSON text in
   * UTF-8 (`bytes`; `json` decodes it): copying result objects or strings between threads cost the
   * main thread more than a worker's screening, and the CLI writes the bytes as they are.
   */
  async screen(queries: QueryEntity[], options: ScreenOptions, onBatch?: (start: number, results: PooledResult[]) => void, { last = false, onResult, collectPrepared }: ScreenAlso = {}): Promise<void> {
    const answers: (PooledResult | undefined)[] = new Array(queries.length);
    let delivered = 0; // next query to deliver in input order
    const deliver = () => {
      const start = delivered;
      while (delivered < queries.length && answers[delivered]) delivered++;
      if (delivered === start) return;
      const run = answers.slice(start, delivered) as PooledResult[];
      answers.fill(undefined, start, delivered);
      onBatch?.(start, run);
    };
    await this.run('screen', queries, options, last ? (collectPrepared ?? true) : false, (msg, at) => {
      if (msg.type !== 'results') return;
      let end = 0;
      msg.ends.forEach((next, k) => {
        const result = new PooledResult(msg.bytes.subarray(end, next), msg.matched[k] === 1, BANDS[msg.bands[k]]);
        if (onResult) onResult(at(k), result);
        else answers[at(k)] = result;
        end = next;
      });
      if (!onResult) deliver();
    });
  }

  /**
   * Whether each query has a result that is not clear (1) or not (0), in input order: what a sieve
   * needs (Screener.sifts), without results to make, copy and parse.
   */
  async sift(queries: QueryEntity[], options: ScreenOptions): Promise<Uint8Array> {
    const flags = new Uint8Array(queries.length);
    await this.run('sift', queries, options, false, (msg, at) => {
      if (msg.type === 'sifted') msg.flags.forEach((flag, k) => (flags[at(k)] = flag));
    });
    return flags;
  }

  /**
   * Hands the queries out in batches, in name order (name-order.ts: a query reuses the name scores of
   * the one before it with the same names); `take(answer, at)` receives each batch's answer, `at(k)`
   * being the input position of its k-th query.
   */
  private async run(type: 'screen' | 'sift', queries: QueryEntity[], options: ScreenOptions, last: boolean | ((packed: PackedPrepared) => void), take: (answer: WorkerAnswer, at: (k: number) => number) => void): Promise<void> {
    const order = nameOrder(queries);
    const starts: number[] = []; // where each batch handed out starts in `order`
    let taken = 0; // queries handed out, in name order
    let answered = 0;
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const cleanups: (() => void)[] = [];
      const finish = (err?: Error) => {
        for (const c of cleanups) c();
        if (err) reject(err);
        else resolve();
      };
      const inFlight = new Map<Worker, number>(this.workers.map((w) => [w, 0]));
      const feed = (worker: Worker) => {
        if (taken === queries.length) {
          // The pool's last batch: a worker with nothing left ends now, its thread freeing its heap
          // while the others finish and the caller writes, instead of after (close() waits for it).
          if (last && inFlight.get(worker) === 0) this.ending.push(last === true ? worker.terminate() : this.packThenEnd(worker, last));
          return;
        }
        inFlight.set(worker, inFlight.get(worker)! + 1);
        // Batches shrink towards the end, so no worker is left with a long one while the others wait.
        const left = queries.length - taken;
        const size = Math.min(BATCH_SIZE, left, Math.max(MIN_BATCH_SIZE, Math.ceil(left / (TAIL_SPLIT * this.workers.length))));
        const batch = starts.push(taken) - 1;
        worker.postMessage({ type, batch, queries: order.slice(taken, taken + size).map((at) => queries[at]), options } satisfies WorkerRequest);
        taken += size;
      };
      for (const worker of this.workers) {
        const onMessage = (msg: WorkerReply) => {
          if (failed) return;
          if (msg.type === 'error') {
            failed = true;
            return finish(new Error(`screening worker failed: ${msg.message}`));
          }
          if (msg.type !== 'results' && msg.type !== 'sifted') return;
          // The worker's next batch first: under load this thread may take a while over the answer.
          inFlight.set(worker, inFlight.get(worker)! - 1);
          feed(worker);
          const from = starts[msg.batch];
          take(msg, (k) => order[from + k]);
          answered += msg.type === 'results' ? msg.ends.length : msg.flags.length;
          if (answered === queries.length) finish();
        };
        const onError = (err: Error) => {
          if (!failed) {
            failed = true;
            finish(err);
          }
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        cleanups.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
        });
      }
      if (queries.length === 0) return finish();
      // Two batches in flight per worker: the next one is already waiting when a worker finishes.
      for (let i = 0; i < IN_FLIGHT; i++) for (const worker of this.workers) feed(worker);
    });
  }

  /** Slots packed so far by this pool's workers (packThenEnd), one worker after the other. */
  private packing: Promise<Int32Array> = Promise.resolve(new Int32Array(0));

  /** Asks `worker` for the prepared forms it made that no worker before packed, hands them to `collect`, then ends it. */
  private packThenEnd(worker: Worker, collect: (packed: PackedPrepared) => void): Promise<number> {
    const before = this.packing;
    const packed = before.then((except) => this.packOf(worker, except));
    this.packing = Promise.all([before, packed]).then(([except, p]) => (p ? Int32Array.from([...except, ...p.slots]) : except));
    return packed.then((p) => {
      if (p) collect(p);
      return worker.terminate();
    });
  }

  private async packOf(worker: Worker, except: Int32Array): Promise<PackedPrepared | undefined> {
    return new Promise<PackedPrepared | undefined>((resolve) => {
      const onMessage = (msg: WorkerReply) => {
        if (msg.type !== 'packed' && msg.type !== 'error') return;
        worker.off('message', onMessage);
        resolve(msg.type === 'packed' ? msg.packed : undefined);
      };
      worker.on('message', onMessage);
      worker.once('exit', () => resolve(undefined));
      if (worker.threadId < 0) return resolve(undefined); // ended already
      worker.postMessage({ type: 'pack', except } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    // Workers still packing what they prepared (packThenEnd) end when they have; then the rest.
    await Promise.all(this.ending);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
