// A worker process for the runner test: takes one `hang` job, reports it, and never finishes it (the
// test kills this process to see the job taken over elsewhere).
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
