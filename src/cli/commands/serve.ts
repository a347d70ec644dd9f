// `serve`: the HTTP API and web app. Listens first, then loads data, so /healthz answers at once.
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the HTTP API and the web app (loads the bundled lists on first start)')
    .option('--port <port>', 'port to listen on', (v) => Number(v))
    .option('--host <host>', 'address to listen on')
    .action(async (opts: { port?: number; host?: string }) => {
      const { buildApp } = await import('../../server/app.ts');
      const { listenAndDescribe } = await import('../../server/binding.ts');
      const { SqlStore } = await import('../../store/sql-store.ts');
      const { freshness } = await import('../../ingest/freshness.ts');
      const store = await ctx.store();
      // A server commits an audit record before every screening answer: WAL checkpoints must not land in one.
      if (store instanceof SqlStore) store.checkpointInBackground();
      const { app, prepare, jobs } = await buildApp(ctx.config, store);
      const url = await listenAndDescribe(app, opts.host ?? ctx.config.host, opts.port ?? ctx.config.port, (line) => ctx.err(`interdict: ${line}`));
      // No users yet: the first admin signs in through a one-time link printed here (there is no default password).
      const { Accounts, firstAdmin, welcomeLink } = await import('../../access/accounts.ts');
      const first = await firstAdmin(Accounts.of(store));
      if (first) {
        ctx.err(`interdict: no users yet: created the admin "${first.name}". Open this one-time link to set its password (valid until ${first.expires_at}):`);
        ctx.err(`interdict: sign-in link ${welcomeLink(ctx.config.publicUrl ?? url, first.token)}`);
      }
      const started = Date.now();
      await prepare((line) => ctx.err(`interdict: ${line}`));
      ctx.err(`interdict: ready in ${Date.now() - started} ms`);
      if (ctx.config.serverJobs) {
        await jobs.work();
        ctx.err('interdict: running jobs (rescreen, webhook-delivery) in this process; INTERDICT_SERVER_JOBS=0 leaves them to `interdict worker`');
        if (ctx.config.syncSchedule) ctx.err(`interdict: syncing ${ctx.config.syncScheduleDatasets.join(', ') || 'every list'} on the schedule "${ctx.config.syncSchedule.text}" (UTC)`);
      }
      for (const v of await store.liveVersions()) {
        const f = freshness(v, ctx.config.staleAfterDays);
        if (f.warning) ctx.err(`interdict: WARNING stale list: ${f.warning}`);
      }
      await new Promise<void>((resolve) => {
        const stop = () => void app.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
