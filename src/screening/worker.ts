// A screening worker thread: reads the serialised index it is given (or builds one from entities),
// then screens batches of queries. Started by pool.ts (threads.ts: from the sources under tsx).
import { parentPort, workerData } from 'node:worker_threads';
import type { FtmEntity } from '../model/entity.ts';
import { CandidateIndex } from './candidate-index.ts';
import { loadEngine } from './engine.ts';
import { indexFromBytes } from './index-snapshot.ts';
import type { QueryEntity } from './query.ts';
import { Screener, screenedJson, type ScreenedJson, type ScreenOptions } from './screener.ts';

/** `screen`: each query's results; `sift`: only whether each has one that is not clear (Screener.sifts). */
export type WorkerRequest = { type: 'screen' | 'sift'; batch: number; queries: QueryEntity[]; options: ScreenOptions };
/** A batch's answers, in the order of its queries. */
export type WorkerAnswer = { type: 'results'; batch: number; results: ScreenedJson[] } | { type: 'sifted'; batch: number; flags: Uint8Array };
export type WorkerReply = { type: 'ready'; buildMs: number; entities: number } | WorkerAnswer | { type: 'error'; batch?: number; message: string };

const port = parentPort!;
/** What a worker is started with: a serialised index (indexToBytes, in shared memory) or the entities to index. */
export type WorkerInput = { snapshot: Uint8Array } | { entities: FtmEntity[] };
const input = workerData as WorkerInput;

try {
  const started = performance.now();
  const engine = await loadEngine();
  const index = 'snapshot' in input ? indexFromBytes(input.snapshot, engine) : CandidateIndex.build(input.entities, engine);
  if (!index) throw new Error('the index handed over cannot be read');
  const screener = new Screener(index, engine);
  // Built here, the index has just prepared every listed name for its keys: preparing all entities for
  // the matcher now is cheap. Read from a snapshot, nothing is prepared yet, and preparing only what
  // the queries meet costs less (measured on 20,000 rows of bench:screen's mix: 21 against 23 CPU-s).
  if (!('snapshot' in input)) screener.index.prepareSome(Infinity);
  port.postMessage({ type: 'ready', buildMs: performance.now() - started, entities: screener.index.size } satisfies WorkerReply);
  port.on('message', (msg: WorkerRequest) => {
    try {
      if (msg.type === 'sift') {
        const flags = Uint8Array.from(msg.queries, (q) => (screener.sifts(q, msg.options) ? 1 : 0));
        port.postMessage({ type: 'sifted', batch: msg.batch, flags } satisfies WorkerReply, [flags.buffer]);
        return;
      }
      const results = msg.queries.map((q) => screenedJson(screener.screen(q, msg.options).results));
      port.postMessage({ type: 'results', batch: msg.batch, results } satisfies WorkerReply);
    } catch (err) {
      port.postMessage({ type: 'error', batch: msg.batch, message: (err as Error).message } satisfies WorkerReply);
    }
  });
} catch (err) {
  port.postMessage({ type: 'error', message: `worker could not build its index: ${(err as Error).message}` } satisfies WorkerReply);
}
