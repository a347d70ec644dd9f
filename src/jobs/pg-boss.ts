// PostgreSQL delivery through pg-boss (v10): its own schema (`pgboss`) beside Interdict's tables, one
// queue per job name with retries that back off. A worker that died is noticed by the lease in the jobs
// table (runner.ts), which this delivery checks while it works and fails back into pg-boss; pg-boss's
// own expiry stays as a backstop.
import { CompiledQuery, sql, type Kysely } from 'kysely';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { JobsTable, JobsTables } from '../store/jobs-schema.ts';
import type { Delivery, SendOptions } from './delivery.ts';

/** How often pg-boss looks for expired jobs (seconds); a dead worker's job is retried within expiry + this. */
const maintenanceSeconds = () => Number(process.env.INTERDICT_JOBS_MAINTENANCE_SECONDS ?? 30);

export class PgBossDelivery implements Delivery {
  private readonly boss: PgBoss;
  private readonly queues = new Set<string>();
  private sweep: NodeJS.Timeout | undefined;

  /** `takeBackLapsed` runs every `sweepMs` once this process works on a queue (see runner.ts). */
  constructor(
    private readonly databaseUrl: string,
    private readonly expireSeconds: number,
    private readonly takeBackLapsed: () => Promise<void>,
    private readonly sweepMs: number,
  ) {
    this.boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 4, supervise: true, maintenanceIntervalSeconds: maintenanceSeconds(), application_name: 'interdict-jobs' });
    // pg-boss reports connection trouble as events; without a listener Node would treat them as fatal.
    this.boss.on('error', (error) => process.emitWarning(`jobs (pg-boss): ${error.message}`));
  }

  async start(): Promise<void> {
    await this.boss.start();
  }

  private async queue(name: string): Promise<void> {
    if (this.queues.has(name)) return;
    if (!(await this.boss.getQueue(name))) await this.oneProcessAtATime(() => this.boss.createQueue(name, { name, expireInSeconds: this.expireSeconds }));
    this.queues.add(name);
  }

  /**
   * pg-boss makes a queue by inserting its row, then a partition of its jobs with a key on the queues
   * table: two processes making the same queue at once deadlock (two workers starting together on a new
   * database failed so in CI). A session lock on a connection of its own makes them take turns; the
   * second finds the queue made (createQueue does nothing then). Ending the connection releases it.
   */
  private async oneProcessAtATime(work: () => Promise<unknown>): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'interdict-jobs' });
    await client.connect();
    try {
      await client.query('select pg_advisory_lock(hashtext($1))', ['interdict: pg-boss queues']);
      await work();
    } finally {
      await client.end();
    }
  }

  async enqueue(job: JobsTable, options: Required<Pick<SendOptions, 'maxAttempts' | 'retryDelaySeconds'>>): Promise<void> {
    await this.queue(job.name);
    await this.boss.send(job.name, { id: job.id }, { id: job.id, retryLimit: options.maxAttempts - 1, retryDelay: options.retryDelaySeconds, retryBackoff: true, expireInSeconds: this.expireSeconds });
  }

  async work(name: string, run: (id: string) => Promise<void>): Promise<void> {
    await this.queue(name);
    await this.boss.work<{ id: string }>(name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
      await run(job.data.id);
    });
    if (!this.sweep) {
      this.sweep = setInterval(() => void this.takeBackLapsed().catch((error: unknown) => process.emitWarning(`jobs: taking back lapsed jobs: ${error instanceof Error ? error.message : String(error)}`)), this.sweepMs);
      this.sweep.unref();
    }
  }

  /** Fails a job whose lease lapsed back into its queue, inside the caller's transaction, to run again at once. */
  async takeBack(db: Kysely<JobsTables>, name: string, id: string, reason: string): Promise<void> {
    const executeSql = (text: string, values: unknown[]) => db.executeQuery(CompiledQuery.raw(text, values));
    await this.boss.fail(name, id, { message: reason }, { db: { executeSql } });
    // pg-boss waits out the retry back-off after a failure; a lapsed lease is no fault of the job's own, so it starts at once (as on SQLite).
    await sql`update pgboss.job set start_after = now() where name = ${name} and id = ${id} and state = 'retry'`.execute(db);
  }

  async stop(options: { graceful: boolean }): Promise<void> {
    clearInterval(this.sweep);
    await this.boss.stop({ graceful: options.graceful, wait: true, timeout: options.graceful ? 30_000 : 1_000 });
  }
}
