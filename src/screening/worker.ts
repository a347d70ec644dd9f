// A screening worker thread: builds its own Screener from the entities it is given, then screens
// batches of queries. Started by pool.ts with tsx loaded, so it runs from the TypeScript source.
import { parentPort, workerData } from 'node:worker_threads';
import type { FtmEntity } from '../model/entity.ts';
import { loadEngine } from './engine.ts';
import type { QueryEntity } from './query.ts';
import { Screener, screenedJson, type ScreenedJson, type ScreenOptions } from './screener.ts';

export type WorkerRequest = { type: 'screen'; batch: number; queries: QueryEntity[]; options: ScreenOptions };
export type WorkerReply =
  | { type: 'ready'; buildMs: number; entities: number }
  | { type: 'results'; batch: number; results: ScreenedJson[] }
  | { type: 'error'; batch?: number; message: string };

const port = parentPort!;
const { entities } = workerData as { entities: FtmEntity[] };

try {
  const started = performance.now();
  const screener = Screener.build(entities, await loadEngine());
  // A batch touches many listed entities: prepare them all for the matcher now, while the other
  // workers build too, rather than one by one inside the first queries that meet them.
  screener.index.prepareSome(Infinity);
  port.postMessage({ type: 'ready', buildMs: performance.now() - started, entities: screener.index.size } satisfies WorkerReply);
  port.on('message', (msg: WorkerRequest) => {
    try {
      const results = msg.queries.map((q) => screenedJson(screener.screen(q, msg.options).results));
      port.postMessage({ type: 'results', batch: msg.batch, results } satisfies WorkerReply);
    } catch (err) {
      port.postMessage({ type: 'error', batch: msg.batch, message: (err as Error).message } satisfies WorkerReply);
    }
  });
} catch (err) {
  port.postMessage({ type: 'error', message: `worker could not build its index: ${(err as Error).message}` } satisfies WorkerReply);
}
