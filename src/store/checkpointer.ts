// SQLite's WAL is folded back into the database file by a checkpoint, which writes and syncs pages.
// Left automatic, it runs inside whichever commit crosses the threshold, so one request (an audit record
// before a screening answer) waits hundreds of milliseconds for it. A server instead turns the automatic
// checkpoint off on its connection and runs passive checkpoints in a worker thread on a connection of its
// own: they never block readers or writers, and the event loop never waits for the disk.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = `
  const { parentPort, workerData } = require('node:worker_threads');
  const Database = require(workerData.module);
  const db = new Database(workerData.path, { fileMustExist: true });
  db.pragma('busy_timeout = 1000');
  const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
  const timer = setInterval(checkpoint, workerData.everyMs);
  parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

/** Starts passive checkpoints of `path` every `everyMs`; answers the function that stops them. */
export function checkpointInBackground(path: string, everyMs = 2_000): () => Promise<void> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { path, module, everyMs } });
  worker.unref();
  return async () => {
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  };
}
