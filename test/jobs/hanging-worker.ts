// A worker process for the runner test: takes `hang` jobs, reports them, and never finishes them (the
// test kills this process to see the job taken over elsewhere); `busy` jobs block the event loop for a
// while, as a synchronous index build does, then finish. They block it asleep (Atomics.wait), not
// spinning: the event loop is as stopped either way, and spinning burnt six CPU-seconds a run.
import { openStore } from '../../src/store/open.ts';
import { JobRunner } from '../../src/jobs/runner.ts';

const [sqlitePath, databaseUrl] = [process.argv[2], process.argv[3] || null];
const store = await openStore({ sqlitePath, databaseUrl });
const runner = await JobRunner.open(store, { databaseUrl, leaseSeconds: 2, pollMs: 100 });
await runner.work('hang', async (_data, ctx) => {
  await ctx.progress(0.5, 'half way');
  process.stdout.write(`working ${ctx.id} ${runner.worker}\n`);
  await new Promise(() => {});
});
await runner.work('busy', async (data, ctx) => {
  process.stdout.write(`busy ${ctx.id} ${runner.worker}\n`);
  // Nothing runs on this event loop meanwhile.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, (data as { ms: number }).ms);
  return 'done after blocking';
});
