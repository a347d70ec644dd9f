// The job handlers, registered in this one place: `interdict serve` runs them in its own process
// (unless INTERDICT_SERVER_JOBS=0), `interdict worker` runs nothing else. On PostgreSQL every server
// and worker shares the queue (pg-boss); on SQLite the jobs table is the queue, shared by the
// processes that open the same file.
//   rescreen          {dataset, from, to, full} after a list change, or {portfolio} for a full re-screen
//   webhook-delivery  one event to one webhook (src/monitor/webhooks.ts), retried with back-off
// Each process that runs them also drains the webhook outbox into delivery jobs.
import type { Config } from '../config.ts';
import { JobRunner, type JobHandler } from '../jobs/runner.ts';
import { ValidationError } from '../model/errors.ts';
import { rescreenAfterChange, rescreenPortfolio } from '../monitor/service.ts';
import { Webhooks, type PendingDelivery } from '../monitor/webhooks.ts';
import type { Store } from '../store/types.ts';

export const RESCREEN = 'rescreen';
export const WEBHOOK_DELIVERY = 'webhook-delivery';

export interface RescreenJob {
  dataset?: string;
  from?: string | number;
  to?: string | number;
  full?: boolean;
  portfolio?: string;
}

/** How often a process running the handlers looks in the webhook outbox (ms). */
const OUTBOX_POLL_MS = 500;

type JobsConfig = Pick<Config, 'databaseUrl' | 'webhookAttempts' | 'webhookRetrySeconds' | 'jobLeaseSeconds'>;

/** A process's jobs: the runner (opened on first use: pg-boss connects only when jobs are asked for) and, once `work` is called, the handlers. */
export class ProcessJobs {
  private opened: Promise<JobRunner> | undefined;
  private outbox: { stop(): Promise<void> } | undefined;

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

  /** Runs the handlers in this process until `close`. */
  async work(): Promise<void> {
    if (this.outbox) return;
    const runner = await this.runner();
    const webhooks = Webhooks.of(this.store);
    await runner.work(RESCREEN, this.logged(RESCREEN, async (data, ctx) => {
      const job = data as RescreenJob;
      await ctx.progress(0.05, 'screening the live lists');
      const progress = (done: number, total: number) => ctx.progress(0.1 + (0.9 * done) / Math.max(1, total), `re-screened ${done} of ${total} records`);
      if (job.dataset !== undefined && job.from !== undefined && job.to !== undefined) return rescreenAfterChange(this.store, job.dataset, job.from, job.to, { full: job.full, progress });
      if (job.portfolio !== undefined) return rescreenPortfolio(this.store, job.portfolio, { progress });
      throw new ValidationError('data', 'a rescreen job names a dataset with from and to, or a portfolio');
    }));
    await runner.work(WEBHOOK_DELIVERY, this.logged(WEBHOOK_DELIVERY, (data, ctx) => webhooks.deliver(data as PendingDelivery, ctx.attempt)));
    this.outbox = drainOutbox(webhooks, runner, this.config, this.log);
  }

  /** Stops the handlers (letting running jobs finish) and closes the runner. */
  async close(): Promise<void> {
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
