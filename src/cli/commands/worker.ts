// `worker`: runs the job handlers (re-screens, webhook deliveries) until SIGTERM or SIGINT, printing
// each job it takes. On PostgreSQL any number of workers and servers share the queue; on SQLite the
// jobs table in the database file is the queue.
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .description('run background jobs (re-screens, syncs, webhook deliveries; the sync schedule and stale-list checks) until stopped; several may run against one PostgreSQL')
    .action(async () => {
      const { ProcessJobs } = await import('../../server/jobs.ts');
      const store = await ctx.store();
      const jobs = new ProcessJobs(store, ctx.config, (line) => ctx.out(`${new Date().toISOString()} ${line}`));
      await jobs.work();
      ctx.out(`${new Date().toISOString()} worker ${(await jobs.runner()).worker} running rescreen and webhook-delivery jobs on ${ctx.config.databaseUrl ? 'PostgreSQL' : ctx.config.sqlitePath}`);
      if (ctx.config.syncSchedule) ctx.out(`${new Date().toISOString()} syncing ${ctx.config.syncScheduleDatasets.join(', ') || 'every list'} on the schedule "${ctx.config.syncSchedule.text}" (UTC)`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      ctx.out(`${new Date().toISOString()} worker stopping: letting running jobs finish`);
      await jobs.close();
    });
}
