// Jobs: work that takes seconds or more (re-screens, syncs, reports, webhook deliveries, document
// mentions) runs outside requests, with progress every process can read. A job is a plain function
// over its input; the adapters (server, `interdict worker`) register the handlers, and the runner
// decides where a job runs:
// - PostgreSQL: pg-boss delivers it, so any number of servers and workers share the queue and retries
//   back off;
// - SQLite: the jobs table is the queue; a job is claimed by one atomic update.
// On both, the `jobs` table holds state, progress and result (src/store/jobs-schema.ts), and a running
// job's row holds a lease (`worker`, `lease_until`) that its process renews every third of the lease
// from a thread (lease-keeper.ts). A process that dies stops renewing: any process running jobs puts a lapsed job back in the queue at
// once (on PostgreSQL, in pg-boss too, in the same transaction), where another process takes it.
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { InterdictError, NotFoundError } from '../model/errors.ts';
import { SqlStore } from '../store/sql-store.ts';
import type { JobsTable, JobsTables } from '../store/jobs-schema.ts';
import type { Store } from '../store/types.ts';
import type { Delivery, SendOptions } from './delivery.ts';
import { keepLeases, type LeaseDatabase } from './lease-keeper.ts';
import { PgBossDelivery } from './pg-boss.ts';
import { TableDelivery } from './table-delivery.ts';

export type { SendOptions } from './delivery.ts';

export type JobState = 'queued' | 'active' | 'retry' | 'completed' | 'failed';

export interface JobView {
  id: string;
  name: string;
  state: JobState;
  progress: number;
  message: string;
  data: unknown;
  result: unknown;
  error: string | null;
  attempts: number;
  max_attempts: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  worker: string | null;
}

export interface JobContext {
  id: string;
  attempt: number;
  /** Records how far the job is (0–1) and what it is doing; also renews the lease. */
  progress(fraction: number, message?: string): Promise<void>;
}

export type JobHandler = (data: unknown, ctx: JobContext) => Promise<unknown>;


export interface RunnerOptions {
  /** Seconds a worker holds a job without renewing (a heartbeat renews it); a dead worker's job runs again after that (default 30). */
  leaseSeconds?: number;
  /** How often an idle SQLite worker looks for jobs (ms). */
  pollMs?: number;
  /**
   * PostgreSQL: seconds after which pg-boss itself takes a job back from its worker (default 900), a
   * backstop behind the lease (pg-boss v10 has no heartbeat, so this must exceed the longest job).
   */
  expireSeconds?: number;
  /** The PostgreSQL URL the store was opened with (pg-boss opens its own pool to it). */
  databaseUrl?: string | null;
}

const DEFAULT_ATTEMPTS = 3;
const DEFAULT_RETRY_DELAY = 5;


export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly leaseSeconds: number;
  private stopLeases: Promise<() => Promise<void>> | undefined;

  private readonly delivery: Delivery;

  private constructor(
    private readonly db: Kysely<JobsTables>,
    engine: 'sqlite' | 'postgres',
    private readonly options: RunnerOptions,
  ) {
    this.leaseSeconds = options.leaseSeconds ?? 30;
    const takeBack = () => this.takeBackLapsed();
    this.delivery =
      engine === 'postgres'
        ? new PgBossDelivery(options.databaseUrl ?? missingUrl(), options.expireSeconds ?? 900, takeBack, Math.max(1000, (this.leaseSeconds * 1000) / 3))
        : new TableDelivery((name) => this.claimLocal(name), (id) => this.run(id), options.pollMs ?? 250, takeBack);
  }

  static async open(store: Store, options: RunnerOptions = {}): Promise<JobRunner> {
    if (!(store instanceof SqlStore)) throw new InterdictError('jobs need the SQL store');
    const runner = new JobRunner(store.db as unknown as Kysely<JobsTables>, store.engine, options);
    await runner.delivery.start();
    return runner;
  }

  /** Queues a job; answers its id at once. */
  async send(name: string, data: unknown, options: SendOptions = {}): Promise<string> {
    const now = new Date().toISOString();
    const row: JobsTable = { id: options.key === undefined ? randomUUID() : uuidOf(`${name}\u0000${options.key}`), name, data: JSON.stringify(data ?? null), state: 'queued', progress: 0, message: '', result: null, error: null, attempts: 0, max_attempts: options.maxAttempts ?? DEFAULT_ATTEMPTS, retry_delay: options.retryDelaySeconds ?? DEFAULT_RETRY_DELAY, created_at: now, run_after: now, started_at: null, finished_at: null, worker: null, lease_until: null };
    const inserted = await this.db.insertInto('jobs').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    if (!Number(inserted.numInsertedOrUpdatedRows ?? 0)) {
      // Sent before under this key: enqueue again only if it may never have reached the queue (both deliveries ignore a known id).
      const existing = await this.db.selectFrom('jobs').select('state').where('id', '=', row.id).executeTakeFirst();
      if (existing?.state !== 'queued') return row.id;
    }
    await this.delivery.enqueue(row, { maxAttempts: row.max_attempts, retryDelaySeconds: row.retry_delay });
    return row.id;
  }

  /** Runs jobs of this name in this process (one at a time per name). */
  async work(name: string, handler: JobHandler): Promise<void> {
    this.handlers.set(name, handler);
    this.stopLeases ??= this.leaseDatabase().then((database) => (database ? keepLeases(database, this.worker, this.leaseSeconds) : async () => {}));
    await this.stopLeases;
    await this.delivery.work(name, (id) => this.run(id));
  }

  /** Where the lease keeper connects: the PostgreSQL URL, or the SQLite file (none for a database in memory, which no other process sees). */
  private async leaseDatabase(): Promise<LeaseDatabase | undefined> {
    if (!this.isLocal()) return { url: this.options.databaseUrl ?? missingUrl() };
    const main = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(this.db);
    return main.rows[0]?.file ? { path: main.rows[0].file } : undefined;
  }

  async get(id: string): Promise<JobView> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`no job ${id}`);
    return toView(row);
  }

  async list(query: { name?: string; state?: JobState; limit?: number; offset?: number } = {}): Promise<JobView[]> {
    let q = this.db.selectFrom('jobs').selectAll();
    if (query.name) q = q.where('name', '=', query.name);
    if (query.state) q = q.where('state', '=', query.state);
    return (await q.orderBy('created_at', 'desc').limit(query.limit ?? 50).offset(query.offset ?? 0).execute()).map(toView);
  }

  /** Jobs waiting or running, by state (the queue depth /metrics reports). */
  async depth(): Promise<Record<'queued' | 'active' | 'retry', number>> {
    const rows = await this.db.selectFrom('jobs').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).where('state', 'in', ['queued', 'active', 'retry']).groupBy('state').execute();
    const depth = { queued: 0, active: 0, retry: 0 };
    for (const r of rows) depth[r.state as keyof typeof depth] = Number(r.n);
    return depth;
  }

  /** Waits until the job has finished (completed or failed for good). */
  async waitFor(id: string, timeoutMs = 60_000): Promise<JobView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.get(id);
      if (job.state === 'completed' || job.state === 'failed') return job;
      if (Date.now() > deadline) throw new InterdictError(`job ${id} did not finish within ${timeoutMs} ms (state ${job.state}, ${Math.round(job.progress * 100)} %)`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Stops taking jobs. Graceful: lets running ones finish. Not graceful: leaves them to expire (as a killed process would). */
  async stop(options: { graceful?: boolean } = {}): Promise<void> {
    const graceful = options.graceful ?? true;
    const stopLeases = await this.stopLeases;
    this.stopLeases = undefined;
    if (!graceful) await stopLeases?.();
    await this.delivery.stop({ graceful });
    if (graceful) await stopLeases?.();
  }

  /**
   * Runs one delivered job: marks it active under this process's lease, runs its handler, records the
   * outcome. Throws if it failed (so pg-boss retries). A process whose lease lapsed (its lease keeper cut
   * off from the database, the job taken over) records nothing: the job belongs to the process that took it.
   */
  private async run(id: string): Promise<void> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.state === 'completed' || row.state === 'failed') return;
    const handler = this.handlers.get(row.name);
    if (!handler) throw new InterdictError(`no handler for job ${row.name}`);
    const attempt = this.isLocal() ? row.attempts : row.attempts + 1;
    const lease = () => new Date(Date.now() + this.leaseSeconds * 1000).toISOString();
    await this.db.updateTable('jobs').set({ state: 'active', attempts: attempt, worker: this.worker, started_at: new Date().toISOString(), lease_until: lease(), error: null }).where('id', '=', id).execute();
    const ctx: JobContext = {
      id,
      attempt,
      progress: async (fraction, message) => {
        await this.db.updateTable('jobs').set({ progress: Math.max(0, Math.min(1, fraction)), message: message ?? '', lease_until: lease() }).where('id', '=', id).where('worker', '=', this.worker).execute();
      },
    };
    const held = () => this.db.updateTable('jobs').where('id', '=', id).where('worker', '=', this.worker).where('state', '=', 'active');
    try {
      const result = await handler(JSON.parse(row.data), ctx);
      await held().set({ state: 'completed', progress: 1, result: JSON.stringify(result ?? null), finished_at: new Date().toISOString(), lease_until: null }).execute();
    } catch (error) {
      const last = attempt >= row.max_attempts;
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = new Date(Date.now() + Number(row.retry_delay) * 1000 * 2 ** (attempt - 1)).toISOString();
      const recorded = await held().set({ state: last ? 'failed' : 'retry', error: message, finished_at: last ? new Date().toISOString() : null, run_after: retryAt, worker: null, lease_until: null }).executeTakeFirst();
      if (Number(recorded.numUpdatedRows)) throw error;
    }
  }

  private isLocal(): boolean {
    return this.delivery instanceof TableDelivery;
  }

  /** SQLite: takes the oldest due job of a name, if any, in one atomic update. */
  private async claimLocal(name: string): Promise<string | undefined> {
    const now = new Date().toISOString();
    const lease = new Date(Date.now() + this.leaseSeconds * 1000).toISOString();
    const claimed = await sql<{ id: string }>`
      update jobs set state = 'active', attempts = attempts + 1, worker = ${this.worker}, lease_until = ${lease}
      where id = (select id from jobs where name = ${name} and state in ('queued', 'retry') and run_after <= ${now} order by created_at, id limit 1)
        and state in ('queued', 'retry')
      returning id`.execute(this.db);
    return claimed.rows[0]?.id;
  }

  /**
   * Jobs whose worker stopped renewing the lease go back to the queue at once (or fail, out of
   * attempts); never this process's own, which a stalled event loop only delays. On PostgreSQL pg-boss still counts the job active, so it is failed back there in the same
   * transaction; the update's row lock makes one process take each job back.
   */
  private async takeBackLapsed(): Promise<void> {
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const lapsed = await sql<{ id: string; name: string }>`
        update jobs set state = case when attempts >= max_attempts then 'failed' else 'retry' end,
          error = ${LAPSED}, worker = null, lease_until = null,
          finished_at = case when attempts >= max_attempts then ${now} else null end
        where state = 'active' and lease_until < ${now} and worker <> ${this.worker}
        returning id, name`.execute(trx);
      if (this.delivery instanceof PgBossDelivery) for (const job of lapsed.rows) await this.delivery.takeBack(trx, job.name, job.id, LAPSED);
    });
  }
}

const LAPSED = 'the worker stopped renewing its lease (process ended?)';

/** A UUID-shaped id derived from a key (pg-boss ids are UUIDs). */
function uuidOf(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function missingUrl(): never {
  throw new InterdictError('jobs on PostgreSQL need the database URL');
}

function toView(row: JobsTable): JobView {
  return {
    id: row.id,
    name: row.name,
    state: row.state as JobState,
    progress: Number(row.progress),
    message: row.message,
    data: JSON.parse(row.data),
    result: row.result === null ? null : JSON.parse(row.result),
    error: row.error,
    attempts: Number(row.attempts),
    max_attempts: Number(row.max_attempts),
    created_at: row.created_at,
    started_at: row.started_at,
    finished_at: row.finished_at,
    worker: row.worker,
  };
}
