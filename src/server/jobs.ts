// The job handlers, registered in this one place: `interdict serve` runs them in its own process
// (unless INTERDICT_SERVER_JOBS=0), `interdict worker` runs nothing else. On PostgreSQL every server
// and worker shares the queue (pg-boss); on SQLite the jobs table is the queue, shared by the
// processes that open the same file.
//   rescreen          {dataset, from, to, full} after a list change, or {portfolio} for a full re-screen
//   webhook-delivery  one event to one webhook (src/monitor/webhooks.ts), retried with back-off
//   sync              {datasets, actor}: download and import the lists, then re-screen and check freshness
// Each process that runs them also drains the webhook outbox into delivery jobs, queues the scheduled
// syncs (INTERDICT_SYNC_SCHEDULE) and looks for stale lists now and then (INTERDICT_STALE_CHECK_MINUTES).
import { AuditTrail } from '../access/audit.ts';
import type { Config } from '../config.ts';
import { syncDatasets } from '../ingest/sync.ts';
import { nextRun, type Cron } from '../jobs/cron.ts';
import { snapshotDirFor } from '../graph/snapshot.ts';
import { JobRunner, type JobHandler } from '../jobs/runner.ts';
import { InterdictError, ValidationError } from '../model/errors.ts';
import { rescreenAfterChange, rescreenPortfolio } from '../monitor/service.ts';
import { Webhooks, type PendingDelivery } from '../monitor/webhooks.ts';
import type { Store } from '../store/types.ts';
import { checkLists, movedLists, rescreenMovedLists, syncActs } from './list-changes.ts';

export const RESCREEN = 'rescreen';
export const WEBHOOK_DELIVERY = 'webhook-delivery';
export const SYNC = 'sync';
/** The actor of syncs the schedule starts (audit trail, job data). */
export const SCHEDULE_ACTOR = 'system:schedule';

export interface RescreenJob {
  dataset?: string;
  from?: string | number;
  to?: string | number;
  full?: boolean;
  /** A portfolio's name, as shown on the Jobs page, and its id (names are unique per workspace only). */
  portfolio?: string;
  portfolioId?: string;
}

export interface SyncJob {
  /** Empty: every list `sync` knows. */
  datasets: string[];
  /** Who asked: recorded in the audit trail. */
  actor: string;
}

/** How often a process running the handlers looks in the webhook outbox (ms). */
const OUTBOX_POLL_MS = 500;
const DAY_MS = 86_400_000;

type JobsConfig = Pick<Config, 'databaseUrl' | 'sqlitePath' | 'webhookAttempts' | 'webhookRetrySeconds' | 'syncUrls' | 'syncTimeoutMs' | 'syncSchedule' | 'syncScheduleDatasets' | 'staleAfterDays' | 'staleDaysByList' | 'staleCheckMinutes' | 'jobLeaseSeconds'>;

/** A process's jobs: the runner (opened on first use: pg-boss connects only when jobs are asked for) and, once `work` is called, the handlers. */
export class ProcessJobs {
  private opened: Promise<JobRunner> | undefined;
  private outbox: { stop(): Promise<void> } | undefined;
  private timers: { stop(): void }[] = [];

  constructor(
    private readonly store: Store,
    private readonly config: JobsConfig,
    private readonly log: (line: string) => void,
  ) {}

  runner(): Promise<JobRunner> {
    return (this.opened ??= JobRunner.open(this.store, { databaseUrl: this.config.databaseUrl, leaseSeconds: this.config.jobLeaseSeconds }));
  }

  /** Queues a re-screen; answers the job id. */
  async rescreen(job: RescreenJob): Promise<string> {
    return (await this.runner()).send(RESCREEN, job, { maxAttempts: 2, retryDelaySeconds: 30 });
  }

  /**
   * Queues the sync of one schedule slot (the minute it came due). The job's id derives from the slot,
   * so every process that sees the slot queues the same job and it runs once (the database claims it).
   */
  async scheduledSync(slot: Date, datasets = this.config.syncScheduleDatasets): Promise<string> {
    const at = new Date(slot);
    at.setUTCSeconds(0, 0);
    const job: SyncJob = { datasets, actor: SCHEDULE_ACTOR };
    return (await this.runner()).send(SYNC, job, { key: `schedule/${at.toISOString()}`, maxAttempts: 2, retryDelaySeconds: 300 });
  }

  /** Raises and resolves the stale-list alerts now (also run after each sync, and every INTERDICT_STALE_CHECK_MINUTES). */
  checkLists(now = new Date()) {
    return checkLists(this.store, this.config, now);
  }

  /**
   * Runs the handlers in this process until `close`. A start that fails stops what it started (queues
   * polled, pg-boss's connections and timers): they kept a worker whose start failed running on a
   * closed store, warning every few seconds, instead of exiting with the error.
   */
  async work(): Promise<void> {
    if (this.outbox) return;
    try {
      await this.startHandlers();
    } catch (error) {
      await this.close().catch(() => undefined);
      throw error;
    }
  }

  private async startHandlers(): Promise<void> {
    const runner = await this.runner();
    const webhooks = Webhooks.of(this.store);
    // The live index one re-screen saved, read back by the next in any process on this store.
    const snapshotDir = snapshotDirFor(this.config);
    await runner.work(RESCREEN, this.logged(RESCREEN, async (data, ctx) => {
      const job = data as RescreenJob;
      await ctx.progress(0.05, 'screening the live lists');
      const progress = (done: number, total: number) => ctx.progress(0.1 + (0.9 * done) / Math.max(1, total), `re-screened ${done} of ${total} records`);
      if (job.dataset !== undefined && job.from !== undefined && job.to !== undefined) return rescreenAfterChange(this.store, job.dataset, job.from, job.to, { full: job.full, progress, snapshotDir });
      if (job.portfolioId !== undefined) return rescreenPortfolio(this.store, job.portfolioId, { progress, snapshotDir });
      throw new ValidationError('data', 'a rescreen job names a dataset with from and to, or a portfolio');
    }));
    await runner.work(WEBHOOK_DELIVERY, this.logged(WEBHOOK_DELIVERY, (data, ctx) => webhooks.deliver(data as PendingDelivery, ctx.attempt)));
    await runner.work(SYNC, this.logged(SYNC, (data, ctx) => this.sync(data as SyncJob, (fraction, message) => ctx.progress(fraction, message))));
    this.outbox = drainOutbox(webhooks, runner, this.config, this.log);
    if (this.config.syncSchedule) this.timers.push(everyDueMinute(this.config.syncSchedule, (slot) => this.scheduledSync(slot), this.log));
    if (this.config.staleCheckMinutes > 0) this.timers.push(every(this.config.staleCheckMinutes * 60_000, () => this.checkLists(), this.log));
  }

  /**
   * Syncs the lists, records it in the audit trail, re-screens the portfolios for what moved (queued on
   * PostgreSQL, here on SQLite) and checks freshness. A list that failed fails the job, with its reason,
   * once the others are imported and re-screened.
   */
  private async sync(job: SyncJob, progress: (fraction: number, message: string) => Promise<void>) {
    await progress(0.05, `downloading ${job.datasets.length ? job.datasets.join(', ') : 'every list'}`);
    const results = await syncDatasets(this.store, job.datasets, { urls: this.config.syncUrls, timeoutMs: this.config.syncTimeoutMs });
    await AuditTrail.of(this.store).append(syncActs(results).map((e) => ({ ...e, actor: job.actor })));
    await progress(0.6, 're-screening portfolios');
    const queue = this.config.databaseUrl ? (m: { dataset: string; from: number; to: number }) => this.rescreen(m) : undefined;
    const rescreens = await rescreenMovedLists(this.store, movedLists(results.flatMap((r) => (r.ok ? [r.outcome] : []))), queue);
    for (const line of rescreens) this.log(`monitoring: ${line}`);
    await progress(0.9, 'checking freshness');
    await this.checkLists();
    const failed = results.flatMap((r) => (r.ok ? [] : [`${r.dataset}: ${r.error}`]));
    if (failed.length) throw new InterdictError(`sync failed, previous version stays live: ${failed.join('; ')}`);
    return { synced: results.map((r) => (r.ok ? { dataset: r.dataset, version: r.outcome.version.version, added: r.outcome.added, removed: r.outcome.removed, changed: r.outcome.changed } : null)), rescreens };
  }

  /** Stops the handlers (letting running jobs finish) and closes the runner. */
  async close(): Promise<void> {
    for (const timer of this.timers) timer.stop();
    await this.outbox?.stop();
    if (this.opened) await (await this.opened).stop({ graceful: true });
  }

  private logged(name: string, handler: JobHandler): JobHandler {
    return async (data, ctx) => {
      const started = Date.now();
      this.log(`job ${name} ${ctx.id} started (attempt ${ctx.attempt})`);
      try {
        const result = await handler(data, ctx);
        this.log(`job ${name} ${ctx.id} completed in ${Date.now() - started} ms`);
        return result;
      } catch (error) {
        this.log(`job ${name} ${ctx.id} failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    };
  }
}

/**
 * Turns outbox events into one delivery job per webhook, keyed by event and webhook so that two
 * processes draining at once, or a drain cut short before the events were removed, queue each once.
 */
function drainOutbox(webhooks: Webhooks, runner: JobRunner, config: JobsConfig, log: (line: string) => void): { stop(): Promise<void> } {
  let running = true;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (running) {
      try {
        for (let batch = await webhooks.pending(); batch.length && running; batch = await webhooks.pending()) {
          for (const event of batch) {
            for (const d of event.deliveries) {
              await runner.send(WEBHOOK_DELIVERY, d, { key: `${d.event_id}/${d.webhook_id}`, maxAttempts: config.webhookAttempts, retryDelaySeconds: config.webhookRetrySeconds });
            }
          }
          await webhooks.drained(batch.map((e) => e.id));
        }
      } catch (error) {
        log(`webhook outbox: ${error instanceof Error ? error.message : String(error)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, OUTBOX_POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}

/** Calls `due` at each minute the schedule names (a timer set for the next one, then the next); `now`: the clock. */
export function everyDueMinute(cron: Cron, due: (slot: Date) => Promise<unknown>, log: (line: string) => void, now = () => Date.now()): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = (after: number) => {
    if (stopped) return;
    const slot = nextRun(cron, new Date(after));
    const wait = slot.getTime() - now();
    // Node's timers hold at most 24.8 days: a slot further off is waited for a day at a time.
    if (wait > DAY_MS) timer = setTimeout(() => arm(after), DAY_MS);
    else {
      timer = setTimeout(() => {
        void due(slot).catch((error: unknown) => log(`scheduled sync: ${error instanceof Error ? error.message : String(error)}`));
        // From the slot, not the clock: a timer that fires a little early must not take the same slot twice.
        arm(Math.max(now(), slot.getTime()));
      }, Math.max(0, wait));
    }
    timer.unref();
  };
  arm(now());
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** Calls `task` every `ms`, the first time after one period (a start does not raise old news at once). */
function every(ms: number, task: () => Promise<unknown>, log: (line: string) => void): { stop(): void } {
  const timer = setInterval(() => void task().catch((error: unknown) => log(`freshness check: ${error instanceof Error ? error.message : String(error)}`)), ms);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
