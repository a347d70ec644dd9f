// A process renews the leases of the jobs it runs from a worker thread with a connection of its own.
// The event loop can be busy for many seconds (building a screening index is synchronous, and a loaded
// machine stretches that), and a lease renewed there would lapse under a process that is alive and
// working; from a thread, a lease lapses only when the process has ended (or its thread cannot reach the
// database). A process that hangs keeps its jobs: pg-boss's expiry is the backstop on PostgreSQL.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const KEEPER = `
  const { parentPort, workerData: w } = require('node:worker_threads');
  const until = () => new Date(Date.now() + w.leaseSeconds * 1000).toISOString();
  let renew, close;
  if (w.url) {
    const pool = new (require(w.module).Pool)({ connectionString: w.url, max: 1, application_name: 'interdict-job-leases' });
    pool.on('error', () => {});
    renew = () => pool.query("update jobs set lease_until = $1 where worker = $2 and state = 'active'", [until(), w.worker]);
    close = () => pool.end();
  } else {
    const db = new (require(w.module))(w.path, { fileMustExist: true });
    db.pragma('busy_timeout = 1000');
    const statement = db.prepare("update jobs set lease_until = ? where worker = ? and state = 'active'");
    renew = async () => statement.run(until(), w.worker);
    close = async () => db.close();
  }
  const timer = setInterval(() => renew().catch(() => {}), w.everyMs);
  parentPort.on('message', () => { clearInterval(timer); close().catch(() => {}).then(() => parentPort.close()); });
`;

export type LeaseDatabase = { url: string } | { path: string };

/** Renews, every third of the lease, the lease of every job `worker` holds; answers the function that stops. */
export function keepLeases(database: LeaseDatabase, worker: string, leaseSeconds: number): () => Promise<void> {
  const module = createRequire(import.meta.url).resolve('url' in database ? 'pg' : 'better-sqlite3');
  const thread = new Worker(KEEPER, { eval: true, workerData: { ...database, module, worker, leaseSeconds, everyMs: (leaseSeconds * 1000) / 3 } });
  thread.unref();
  return async () => {
    const exited = new Promise((resolve) => thread.once('exit', resolve));
    thread.postMessage('stop');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  };
}
