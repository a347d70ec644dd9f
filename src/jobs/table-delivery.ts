// SQLite delivery: the jobs table is the queue (claimed with one atomic update and a lease, see runner.ts).
import type { Delivery } from './delivery.ts';

/** SQLite delivery: each registered name is polled; a claimed job runs at once, one at a time per name. */
export class TableDelivery implements Delivery {
  private readonly loops = new Map<string, Promise<void>>();
  private running = true;
  private readonly wake = new Set<() => void>();

  constructor(
    private readonly claim: (name: string) => Promise<string | undefined>,
    private readonly run: (id: string) => Promise<void>,
    private readonly pollMs: number,
    private readonly requeueExpired: () => Promise<void>,
  ) {}

  async start(): Promise<void> {}

  async enqueue(): Promise<void> {
    for (const w of this.wake) w(); // a job sent in this process starts without waiting for the next poll
  }

  async work(name: string): Promise<void> {
    if (this.loops.has(name)) return;
    this.loops.set(name, this.loop(name));
  }

  private async loop(name: string): Promise<void> {
    while (this.running) {
      await this.requeueExpired().catch(() => {});
      const id = await this.claim(name).catch(() => undefined);
      if (id) {
        await this.run(id).catch(() => {}); // the outcome is in the jobs table
        continue;
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.wake.delete(done);
          resolve();
        };
        const timer = setTimeout(done, this.pollMs);
        this.wake.add(done);
      });
    }
  }

  async stop(options: { graceful: boolean }): Promise<void> {
    this.running = false;
    for (const w of this.wake) w();
    if (options.graceful) await Promise.all(this.loops.values());
  }
}

