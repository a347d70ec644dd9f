// How jobs reach their handlers: pg-boss on PostgreSQL (pg-boss.ts), the jobs table on SQLite (table-delivery.ts).
import type { JobsTable } from '../store/jobs-schema.ts';

export interface SendOptions {
  /** Attempts before the job is failed for good (default 3). */
  maxAttempts?: number;
  /** Seconds before the first retry; doubled for each further one (default 5). */
  retryDelaySeconds?: number;
}

/** How jobs reach handlers: pg-boss on PostgreSQL, the jobs table itself on SQLite. */
export interface Delivery {
  start(): Promise<void>;
  enqueue(job: JobsTable, options: Required<SendOptions>): Promise<void>;
  work(name: string, run: (id: string) => Promise<void>): Promise<void>;
  stop(options: { graceful: boolean }): Promise<void>;
}
