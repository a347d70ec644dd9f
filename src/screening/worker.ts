// A screening worker thread: reads the serialised index it is given (or builds one from entities),
// then screens batches of queries. Started by pool.ts (threads.ts: from the sources under tsx); the
// messages are those of worker-protocol.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { CandidateIndex, type PackedPrepared } from './candidate-index.ts';
import { loadEngine } from './engine.ts';
import { indexFromBytes } from './index-snapshot.ts';
import { Screener, scoredJson, screenedJson } from './screener.ts';
import { PackedSetsBuilder, unpackSets } from './id-sets.ts';
import type { QueryEntity } from './query.ts';
import { encodeResults, type IndexInput, type WorkerInput, type WorkerReply, type WorkerRequest } from './worker-protocol.ts';

const port = parentPort!;
const reply = (msg: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);

const input = workerData as WorkerInput;
/** The index as given at start, or in the first message when the pool started this thread before it had one. */
const indexInput: Promise<IndexInput> =
  'indexFollows' in input ? new Promise((resolve) => port.once('message', (msg: WorkerRequest) => msg.type === 'index' && resolve({ snapshot: msg.snapshot, prepared: msg.prepared }))) : Promise.resolve(input);

try {
  const engine = await loadEngine();
  const index = await indexInput;
  const started = performance.now();
  const built = 'snapshot' in index ? indexFromBytes(index.snapshot, engine, index.prepared) : CandidateIndex.build(index.entities, engine);
  if (!built) throw new Error('the index handed over cannot be read');
  const screener = new Screener(built, engine);
  // Built here, the index has just prepared every listed name for its keys: preparing all entities for
  // the matcher now is cheap. Read from a snapshot, nothing is prepared yet, and preparing only what
  // the queries meet costs less (measured on 20,000 rows of bench:screen's mix: 21 against 23 CPU-s).
  if (!('snapshot' in index)) screener.index.prepareSome(Infinity);
  reply({ type: 'ready', buildMs: performance.now() - started, entities: screener.index.size });
  port.on('message', (msg: WorkerRequest) => {
    if (msg.type === 'index') return;
    try {
      if (msg.type === 'pack') {
        // Saving them is an aid to the next run: one that cannot be packed is left to be prepared again.
        let packed: PackedPrepared;
        try {
          packed = screener.index.packPrepared(msg.except);
        } catch {
          packed = { slots: new Int32Array(0), ends: new Uint32Array(0), tableOf: new Uint8Array(0), tables: [], bytes: new Uint8Array(0) };
        }
        reply({ type: 'packed', packed }, [packed.slots.buffer, packed.ends.buffer, packed.tableOf.buffer, packed.bytes.buffer, ...packed.tables.map((t) => t.buffer)] as ArrayBuffer[]);
        return;
      }
      const queries = typeof msg.queries === 'string' ? (JSON.parse(msg.queries) as QueryEntity[]) : msg.queries;
      if (msg.type === 'sift') {
        const known = msg.known && unpackSets(msg.known);
        const sets = new PackedSetsBuilder();
        const flags = Uint8Array.from(queries, (q, k) => (screener.sifts(q, msg.options, { known: known?.[k], considered: sets }) ? 1 : 0));
        const considered = sets.build();
        reply({ type: 'sifted', batch: msg.batch, flags, ...considered }, [flags.buffer, considered.values.buffer, considered.ends.buffer] as ArrayBuffer[]);
        return;
      }
      const asJson = msg.type === 'score' ? scoredJson : screenedJson;
      const results = encodeResults(queries.map((q) => asJson(screener.screen(q, msg.options).results)));
      reply({ type: 'results', batch: msg.batch, ...results }, [results.bytes.buffer as ArrayBuffer]);
    } catch (err) {
      reply({ type: 'error', batch: 'batch' in msg ? msg.batch : undefined, message: (err as Error).message });
    }
  });
} catch (err) {
  reply({ type: 'error', message: `worker could not build its index: ${(err as Error).message}` });
}
