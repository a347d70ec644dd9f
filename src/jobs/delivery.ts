// How jobs reach their handlers: pg-boss on PostgreSQL (pg-boss.ts), the jobs table on SQLite (table-delivery.ts).
import type { JobsTable } from '../store/jobs-schema.ts';

export interface SendOptions {
  /** Attempts before the job is failed for good (default 3). */
  maxAttempts?: number;
  /** Seconds before the first retry; doubled for each further one (default 5). */
  retryDelaySeconds?: number;
  /**
   * Makes sending idempotent: a job is sent once per key (its id is derived from it), so work queued
   * again after a crash between sending and recording that it was sent is not done twice.
   */
  key?: string;
}

/** How jobs reach handlers: pg-boss on PostgreSQL, the jobs table itself on SQLite. */
export interface Delivery {
  start(): Promise<void>;
  enqueue(job: JobsTable, options: Required<Pick<SendOptions, 'maxAttempts' | 'retryDelaySeconds'>>): Promise<void>;
  work(name: string, run: (id: string) => Promise<void>): Promise<void>;
  stop(options: { graceful: boolean }): Promise<void>;
}
