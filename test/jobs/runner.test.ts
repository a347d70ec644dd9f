// The job runner on SQLite (the jobs table as the queue) and PostgreSQL (pg-boss): progress and results
// every process can read, retries that back off, failure for good after the last attempt, and a job
// whose worker process was killed finishing in another process once its lease (2 s here) lapses, on
// PostgreSQL too, where pg-boss's own expiry (15 min by default) would come far too late; and a job whose
// worker is alive but blocks its event loop for longer than the lease is left to it.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/jobs/runner.ts';
import { ENGINES, freshStoreForBlock } from '../support/engines.ts';

const CHILD = new URL('./hanging-worker.ts', import.meta.url).pathname;

/** The child worker process (hanging-worker.ts) on the test's store; `started` answers its worker id once `line` is printed. */
function startChild(line: RegExp, t: { sqlitePath: string; url: string | null }) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, t.sqlitePath, t.url ?? ''], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  const exited = new Promise((r) => child.once('exit', r));
  const started = new Promise<string>((resolve) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = line.exec(out);
      if (m) resolve(m[2]);
    });
  });
  return { child, exited, started };
}

// The engines' blocks run side by side: each spends most of its time waiting (leases, back-offs, a child
// process starting or blocked), so one after the other the file took the sum of two waits. The tests of
// one block still run one after another (describe.sequential): each builds on the runner before it.
for (const engine of ENGINES) {
  describe.concurrent(engine, () => {
    describe.sequential(`jobs on ${engine}`, () => {
      const t = freshStoreForBlock(engine);
      let runner: JobRunner;
      beforeAll(async () => {
        runner = await JobRunner.open(t.store, { databaseUrl: t.url, leaseSeconds: 2, pollMs: 100 });
      });
      afterAll(async () => runner?.stop());

      it('runs jobs with progress and keeps their results', async () => {
        const seen: number[] = [];
        await runner.work('square', async (data, ctx) => {
          const n = (data as { n: number }).n;
          await ctx.progress(0.5, `squaring ${n}`);
          seen.push((await runner.get(ctx.id)).progress);
          return { square: n * n };
        });
        const ids = await Promise.all([2, 3, 4].map((n) => runner.send('square', { n })));
        const done = await Promise.all(ids.map((id) => runner.waitFor(id, 30_000)));
        expect(done.map((j) => [j.state, j.result, j.progress, j.attempts])).toEqual([
          ['completed', { square: 4 }, 1, 1],
          ['completed', { square: 9 }, 1, 1],
          ['completed', { square: 16 }, 1, 1],
        ]);
        expect(seen).toEqual([0.5, 0.5, 0.5]);
        expect(await runner.depth()).toEqual({ queued: 0, active: 0, retry: 0 });
        expect((await runner.list({ name: 'square', state: 'completed' })).length).toBe(3);
      });

      it('retries a failing job with back-off, and fails it for good after the last attempt', async () => {
        let calls = 0;
        await runner.work('flaky', async (data) => {
          calls++;
          if (calls < (data as { succeedOn: number }).succeedOn) throw new Error(`attempt ${calls} failed`);
          return 'ok';
        });
        const flaky = await runner.waitFor(await runner.send('flaky', { succeedOn: 2 }, { maxAttempts: 3, retryDelaySeconds: 1 }), 30_000);
        expect(flaky).toMatchObject({ state: 'completed', result: 'ok', attempts: 2, error: null });
        calls = 0;
        const failed = await runner.waitFor(await runner.send('flaky', { succeedOn: 99 }, { maxAttempts: 2, retryDelaySeconds: 1 }), 30_000);
        expect(failed).toMatchObject({ state: 'failed', attempts: 2, error: 'attempt 2 failed' });
      });

      it('finishes in this process a job whose worker process was killed half way', async () => {
        const { child, exited, started } = startChild(/working (\S+) (\S+)/, t);
        const id = await runner.send('hang', { n: 1 }, { maxAttempts: 3, retryDelaySeconds: 1 });
        const childWorker = await started;
        expect(await runner.get(id)).toMatchObject({ state: 'active', progress: 0.5, worker: childWorker });
        child.kill('SIGKILL');
        await exited;
        await runner.work('hang', async () => 'finished elsewhere');
        const job = await runner.waitFor(id, 60_000);
        expect(job).toMatchObject({ state: 'completed', result: 'finished elsewhere', worker: runner.worker, attempts: 2 });
      });

      it('leaves a job to a worker whose event loop is blocked for longer than the lease', async () => {
        const { child, exited, started } = startChild(/busy (\S+) (\S+)/, t);
        // This process takes back lapsed jobs meanwhile, as any process running jobs does; the child's lease thread keeps this one.
        await runner.work('idle', async () => null);
        const id = await runner.send('busy', { ms: 6_000 }, { maxAttempts: 3, retryDelaySeconds: 1 });
        const childWorker = await started;
        const job = await runner.waitFor(id, 60_000);
        child.kill('SIGKILL');
        await exited;
        expect(job).toMatchObject({ state: 'completed', result: 'done after blocking', worker: childWorker, attempts: 1, error: null });
      });
    });
  });
}
