// The jobs table (issue 14): what every process can see of a job — its state, progress, result or
// error. On SQLite it is also the queue; on PostgreSQL pg-boss delivers the jobs and this table mirrors them.
import type { Kysely } from 'kysely';
import { ensureIndex } from './ddl.ts';

export interface JobsTable {
  id: string;
  name: string;
  /** JSON: the job's input. */
  data: string;
  /** queued, active, retry, completed, failed. */
  state: string;
  progress: number;
  message: string;
  /** JSON: what the handler returned, or null. */
  result: string | null;
  error: string | null;
  attempts: number;
  max_attempts: number;
  /** Seconds before the first retry; doubled for each further one. */
  retry_delay: number;
  created_at: string;
  run_after: string;
  started_at: string | null;
  finished_at: string | null;
  /** Which process holds it (host:pid), and until when: a lease that runs out sends the job back to the queue. */
  worker: string | null;
  lease_until: string | null;
}

export interface JobsTables {
  jobs: JobsTable;
}

export async function migrateJobs(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('retry_delay', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('worker', 'text')
    .addColumn('lease_until', 'text')
    .execute();
  await ensureIndex(db, 'jobs_state', (index) => index.on('jobs').columns(['state', 'run_after']));
}
