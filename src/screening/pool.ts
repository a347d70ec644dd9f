// Worker threads for batch screening: each takes its own copy of one index (handed over serialised in
// shared memory, so it is read, not rebuilt, per worker) or builds its own from the entities given,
// then takes batches of queries as it frees up. Results come back in input order.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FtmEntity } from '../model/entity.ts';
import type { QueryEntity } from './query.ts';
import type { ScreenedJson, ScreenOptions } from './screener.ts';
import { nameOrder } from './name-order.ts';
import { startWorker } from './threads.ts';
import type { WorkerAnswer, WorkerInput, WorkerReply, WorkerRequest } from './worker.ts';

/** Queries per message: large enough to amortise messaging, small enough to balance the workers. */
const BATCH_SIZE = 256;
const IN_FLIGHT = 2;

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

  /**
   * `index` is either the entities (each worker builds its own index: seconds of CPU each) or an
   * index serialised by `indexToBytes` (index-snapshot.ts), which the workers read from one shared copy.
   */
  static async start(index: FtmEntity[] | Uint8Array, size = defaultWorkerCount()): Promise<ScreeningPool> {
    const workers: Worker[] = [];
    const started = performance.now();
    let entityCount = 0;
    let workerData: WorkerInput;
    if (index instanceof Uint8Array) {
      const shared = new Uint8Array(new SharedArrayBuffer(index.byteLength));
      shared.set(index);
      workerData = { snapshot: shared };
    } else workerData = { entities: index };
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
   * as it is complete (for streaming output and progress). Each query's results come as JSON text:
   * copying result objects between threads cost the main thread more than a worker's screening,
   * and the CLI writes JSON anyway.
   */
  async screen(queries: QueryEntity[], options: ScreenOptions, onBatch?: (start: number, results: ScreenedJson[]) => void): Promise<void> {
    const answers: (ScreenedJson | undefined)[] = new Array(queries.length);
    let delivered = 0; // next query to deliver in input order
    await this.run('screen', queries, options, (at, k, reply) => {
      if (reply.type !== 'results') return;
      answers[at] = reply.results[k];
      if (k < reply.results.length - 1) return; // a batch's last answer delivers what is complete
      const start = delivered;
      while (delivered < queries.length && answers[delivered]) delivered++;
      if (delivered === start) return;
      const run = answers.slice(start, delivered) as ScreenedJson[];
      answers.fill(undefined, start, delivered);
      onBatch?.(start, run);
    });
  }

  /**
   * Whether each query has a result that is not clear (1) or not (0), in input order: what a sieve
   * needs (Screener.sifts), without results to make, copy and parse.
   */
  async sift(queries: QueryEntity[], options: ScreenOptions): Promise<Uint8Array> {
    const flags = new Uint8Array(queries.length);
    await this.run('sift', queries, options, (at, k, reply) => {
      if (reply.type === 'sifted') flags[at] = reply.flags[k];
    });
    return flags;
  }

  /**
   * Hands the queries out in batches, in name order (name-order.ts: a query reuses the name scores
   * of the one before it with the same names); `answer(at, k, reply)` takes the k-th answer of a
   * reply, the one to the query at input position `at`, its answers in order.
   */
  private async run(type: WorkerRequest['type'], queries: QueryEntity[], options: ScreenOptions, answer: (at: number, k: number, reply: WorkerAnswer) => void): Promise<void> {
    const order = nameOrder(queries);
    const batches: QueryEntity[][] = [];
    for (let i = 0; i < queries.length; i += BATCH_SIZE) batches.push(order.slice(i, i + BATCH_SIZE).map((at) => queries[at]));
    let next = 0; // next batch to hand out
    let finished = 0; // batches answered
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      let active = 0;
      const cleanups: (() => void)[] = [];
      const finish = (err?: Error) => {
        for (const c of cleanups) c();
        if (err) reject(err);
        else resolve();
      };
      const feed = (worker: Worker) => {
        if (next < batches.length) {
          active++;
          worker.postMessage({ type, batch: next, queries: batches[next], options } satisfies WorkerRequest);
          next++;
        }
      };
      for (const worker of this.workers) {
        const onMessage = (msg: WorkerReply) => {
          if (failed) return;
          if (msg.type === 'error') {
            failed = true;
            return finish(new Error(`screening worker failed: ${msg.message}`));
          }
          if (msg.type !== 'results' && msg.type !== 'sifted') return;
          active--;
          const size = batches[msg.batch].length;
          for (let k = 0; k < size; k++) answer(order[msg.batch * BATCH_SIZE + k], k, msg);
          finished++;
          feed(worker);
          if (active === 0 && finished === batches.length) finish();
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
      if (batches.length === 0) return finish();
      // Two batches in flight per worker: the next one is already waiting when a worker finishes.
      for (let i = 0; i < IN_FLIGHT; i++) for (const worker of this.workers) feed(worker);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
