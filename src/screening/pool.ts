// Worker threads for batch screening: each takes its own copy of one index (handed over serialised in
// shared memory, so it is read, not rebuilt, per worker) or builds its own from the entities given,
// then takes batches of queries as it frees up. Results come back in input order.
// What they say to each other: worker-protocol.ts.
import type { Worker } from 'node:worker_threads';
import type { FtmEntity } from '../model/entity.ts';
import type { PackedPrepared } from './candidate-index.ts';
import type { QueryEntity } from './query.ts';
import type { ScreenOptions } from './screener.ts';
import { nameOrder } from './name-order.ts';
import { defaultWorkerCount, startWorker } from './threads.ts';
import { packSets, unpackSets } from './id-sets.ts';
import { BANDS, PooledResult, type IndexBytes, type IndexInput, type WorkerAnswer, type WorkerInput, type WorkerReply, type WorkerRequest } from './worker-protocol.ts';

/**
 * Queries as JSON texts (a store's, as kept): a batch of them is posted as one JSON array text and parsed
 * by the thread. Posting the parsed objects cost this thread ≈ 2 ms a batch of 256 (their first copy:
 * ≈ 0.5 ms when posted again), 8.8 of the 51.5 s it was busy in a delta at 1,000,000 records (a profile).
 * The threads never read a query's `id`, so a text need not carry one.
 */
export type QueryTexts = string[];
const isTexts = (queries: QueryEntity[] | QueryTexts): queries is QueryTexts => typeof queries[0] === 'string';

/** Queries per message: large enough to amortise messaging, small enough to balance the workers. */
const BATCH_SIZE = 256;
const IN_FLIGHT = 2;
/** Towards the end a batch is at most this fraction of what is left per worker, and at least MIN_BATCH_SIZE. */
const TAIL_SPLIT = 4;
const MIN_BATCH_SIZE = 32;
/** Times a batch may be lost with a thread that died before the run fails (a batch that kills every thread it meets). */
const LOSSES_ALLOWED = 2;

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
   * With `last`: each worker, before it ends, packs the prepared forms it made that no worker before it
   * packed (every worker prepares what its queries meet, mostly the same entities) and hands them here.
   */
  collectPrepared?: (packed: PackedPrepared) => void;
}

/**
 * The ceiling on a worker's old generation (MB) for an index serialised in `bytes`: what the thread
 * keeps is the index read back (≈ 2 × the bytes) and each entity's matcher state, prepared as the
 * queries meet it (all of them: ≈ 8.3 × the bytes on the live OFAC index, 21 MB serialised, and on the
 * bundled lists', 25 MB), plus the batches in flight. Without a ceiling V8 let a worker's heap grow to
 * 4–5 times what it kept on a long upload (docs/BENCHMARKS.md), as its heap limit is the machine's.
 */
export function workerHeapLimitMb(bytes: number): number {
  return Math.ceil(HEAP_LIMIT_BASE_MB + (HEAP_LIMIT_PER_INDEX_MB * bytes) / 2 ** 20);
}
const HEAP_LIMIT_BASE_MB = 64;
const HEAP_LIMIT_PER_INDEX_MB = 10;

/**
 * Starts one thread on `input` (its old generation capped at `heapLimitMb` when given); `ready` gives
 * the entities in its index once it has read or built it.
 */
function startThread(input: WorkerInput, heapLimitMb?: number): { worker: Worker; ready: Promise<number> } {
  const worker = startWorker(new URL('./worker.ts', import.meta.url), { workerData: input, ...(heapLimitMb ? { resourceLimits: { maxOldGenerationSizeMb: heapLimitMb } } : {}) });
  const ready = new Promise<number>((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (msg: WorkerReply) => {
      done();
      if (msg.type === 'ready') resolve(msg.entities);
      else reject(new Error(msg.type === 'error' ? msg.message : 'unexpected worker reply'));
    };
    const onError = (err: Error) => {
      done();
      reject(err);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`the worker ended (exit code ${code}) before its index was ready`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
  return { worker, ready };
}

/** A batch's answer as one result per query, in the batch's order. */
function resultsOf(msg: Extract<WorkerAnswer, { type: 'results' }>): PooledResult[] {
  return Array.from(msg.ends, (end, k) => new PooledResult(msg.bytes.subarray(k === 0 ? 0 : msg.ends[k - 1], end), msg.matched[k] === 1, BANDS[msg.bands[k]]));
}

export type { IndexBytes };

export class ScreeningPool {
  private constructor(
    private readonly workers: Worker[],
    /** What a replacement thread is started with. */
    private readonly input: IndexInput,
    /** Each thread's old generation ceiling (MB; none: V8's own). */
    readonly heapLimitMb: number | undefined,
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
    const given: IndexInput | undefined = later ? undefined : Array.isArray(index) ? { entities: index } : sharedInput(index);
    // Capped only when the bytes are here before the threads start (a thread's limits are set then).
    const heapLimitMb = given && 'snapshot' in given ? workerHeapLimitMb(given.snapshot.byteLength) : undefined;
    try {
      const ready = Array.from({ length: size }, () => {
        const thread = startThread(given ?? { indexFollows: true }, heapLimitMb);
        workers.push(thread.worker);
        return thread.ready.then((entities) => void (entityCount = entities));
      });
      const allReady = Promise.all(ready);
      allReady.catch(() => undefined); // awaited below, after the index comes

      let input = given;
      if (later) {
        const bytes = sharedInput(await index);
        input = bytes;
        for (const worker of workers) worker.postMessage({ type: 'index', ...bytes } satisfies WorkerRequest);
      }
      await allReady;
      return new ScreeningPool(workers, input!, heapLimitMb, performance.now() - started, entityCount);
    } catch (err) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw err;
    }
  }

  /** The threads now screening (one that died is replaced by a new one). */
  get threads(): readonly Worker[] {
    return this.workers;
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
      resultsOf(msg).forEach((result, k) => {
        if (onResult) onResult(at(k), result);
        else answers[at(k)] = result;
      });
      if (!onResult) deliver();
    });
  }

  /** Each query's results whole (Screener.screen's, as scoredJson's text), in input order: `fromScoredJson` reads them. */
  async scored(queries: QueryEntity[], options: ScreenOptions): Promise<string[]> {
    const texts: string[] = new Array(queries.length);
    await this.run('score', queries, options, false, (msg, at) => {
      if (msg.type === 'results') resultsOf(msg).forEach((result, k) => (texts[at(k)] = result.json));
    });
    return texts;
  }

  /**
   * Whether each query has a result that is not clear (1) or not (0), in input order: what a sieve
   * needs (Screener.sifts), without results to make, copy and parse; and what each is scored against.
   * `known`: what each was scored against before (Screener's ConsideredTargets). `queries` may be their
   * JSON texts (QueryTexts).
   */
  async sift(queries: QueryEntity[] | QueryTexts, options: ScreenOptions, known?: Uint32Array[]): Promise<{ flags: Uint8Array; considered: Uint32Array[] }> {
    const flags = new Uint8Array(queries.length);
    const considered: Uint32Array[] = new Array(queries.length);
    await this.run('sift', queries, options, false, (msg, at) => {
      if (msg.type !== 'sifted') return;
      msg.flags.forEach((flag, k) => (flags[at(k)] = flag));
      unpackSets(msg).forEach((set, k) => (considered[at(k)] = set));
    }, known);
    return { flags, considered };
  }

  /**
   * Hands the queries out in batches, in name order (name-order.ts: a query reuses the name scores of
   * the one before it with the same names); `take(answer, at)` receives each batch's answer, `at(k)`
   * being the input position of its k-th query. A thread that dies (out of memory under its heap
   * limit, or ended from outside) is replaced, and the batches it had are handed out again: a batch
   * lost LOSSES_ALLOWED + 1 times fails the run, as does a worker's `error` reply.
   */
  private async run(type: 'screen' | 'score' | 'sift', queries: QueryEntity[] | QueryTexts, options: ScreenOptions, last: boolean | ((packed: PackedPrepared) => void), take: (answer: WorkerAnswer, at: (k: number) => number) => void, known?: Uint32Array[]): Promise<void> {
    const order = nameOrder(queries);
    /** Each batch handed out: where it starts in `order`, its length, whether answered, how often lost. */
    const batches: { from: number; size: number; done: boolean; lost: number }[] = [];
    const again: number[] = []; // batches of a dead thread, handed out before new ones
    let taken = 0; // queries handed out, in name order
    let answered = 0;
    await new Promise<void>((resolve, reject) => {
      let over = false;
      const listeners = new Map<Worker, () => void>();
      const finish = (err?: Error) => {
        if (over) return;
        over = true;
        for (const off of listeners.values()) off();
        if (err) reject(err);
        else resolve();
      };
      const inFlight = new Map<Worker, Set<number>>();
      const ended = new Set<Worker>(); // ended by this run: their exit is no crash
      const post = (worker: Worker, batch: number) => {
        inFlight.get(worker)!.add(batch);
        const { from, size } = batches[batch];
        const ats = order.slice(from, from + size);
        const request = { batch, queries: isTexts(queries) ? `[${ats.map((at) => queries[at]).join(',')}]` : ats.map((at) => queries[at]), options };
        worker.postMessage((type === 'sift' ? { ...request, type, known: known && packSets(ats.map((at) => known[at])) } : { ...request, type }) satisfies WorkerRequest);
      };
      const feed = (worker: Worker) => {
        const lost = again.shift();
        if (lost !== undefined) return post(worker, lost);
        if (taken === queries.length) {
          // The pool's last batch: a worker with nothing left ends now, its thread freeing its heap
          // while the others finish and the caller writes, instead of after (close() waits for it).
          if (last && inFlight.get(worker)!.size === 0) {
            ended.add(worker);
            this.ending.push(last === true ? worker.terminate() : this.packThenEnd(worker, last));
          }
          return;
        }
        // Batches shrink towards the end, so no worker is left with a long one while the others wait.
        const left = queries.length - taken;
        const size = Math.min(BATCH_SIZE, left, Math.max(MIN_BATCH_SIZE, Math.ceil(left / (TAIL_SPLIT * this.workers.length))));
        post(worker, batches.push({ from: taken, size, done: false, lost: 0 }) - 1);
        taken += size;
      };
      const replace = (dead: Worker, why: string) => {
        if (over || ended.has(dead)) return;
        listeners.get(dead)?.();
        listeners.delete(dead);
        for (const batch of inFlight.get(dead) ?? []) {
          if (batches[batch].done) continue;
          if (++batches[batch].lost > LOSSES_ALLOWED) return finish(new Error(`screening worker died ${batches[batch].lost} times on one batch: ${why}`));
          again.push(batch);
        }
        inFlight.delete(dead);
        const thread = startThread(this.input, this.heapLimitMb);
        this.workers[this.workers.indexOf(dead)] = thread.worker;
        thread.ready.then(() => {
          if (over) return;
          listen(thread.worker);
          for (let i = 0; i < IN_FLIGHT; i++) feed(thread.worker);
        }, (err: Error) => finish(new Error(`a screening worker died (${why}) and its replacement failed: ${err.message}`)));
      };
      const listen = (worker: Worker) => {
        inFlight.set(worker, new Set());
        const onMessage = (msg: WorkerReply) => {
          if (over) return;
          if (msg.type === 'error') return finish(new Error(`screening worker failed: ${msg.message}`));
          if (msg.type !== 'results' && msg.type !== 'sifted') return;
          // The worker's next batch first: under load this thread may take a while over the answer.
          inFlight.get(worker)!.delete(msg.batch);
          feed(worker);
          const batch = batches[msg.batch];
          if (batch.done) return;
          batch.done = true;
          take(msg, (k) => order[batch.from + k]);
          answered += batch.size;
          if (answered === queries.length) finish();
        };
        const onError = (err: Error) => replace(worker, err.message);
        const onExit = (code: number) => replace(worker, `exit code ${code}`);
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        listeners.set(worker, () => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        });
      };
      const running = this.workers.filter((w) => w.threadId >= 0);
      for (const worker of running) listen(worker);
      for (const worker of this.workers.filter((w) => w.threadId < 0)) replace(worker, 'it ended between batches');
      if (queries.length === 0) return finish();
      // Two batches in flight per worker: the next one is already waiting when a worker finishes.
      for (let i = 0; i < IN_FLIGHT; i++) for (const worker of running) feed(worker);
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

  /**
   * Ends the pool, each worker first packing the prepared forms it made that no worker before it
   * packed (handed to `collect`): what a later pool over the same index is started with.
   */
  async closePacking(collect: (packed: PackedPrepared) => void): Promise<void> {
    await Promise.all(this.ending);
    await Promise.all(this.workers.map((worker) => this.packThenEnd(worker, collect)));
  }

  async close(): Promise<void> {
    // Workers still packing what they prepared (packThenEnd) end when they have; then the rest.
    await Promise.all(this.ending);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
