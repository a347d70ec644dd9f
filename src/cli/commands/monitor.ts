// `portfolio` and `alerts`: records kept under watch, screened on arrival and after every list change.
import { cliPrincipal } from '../actor.ts';
import type { Command } from 'commander';
import { ValidationError } from '../../model/errors.ts';
import type { MovedList } from '../../server/list-changes.ts';
import type { Store } from '../../store/types.ts';
import type { CliContext } from '../context.ts';

/**
 * After an import or sync: the delta re-screen of every portfolio, for each list that moved to a new
 * version (src/server/list-changes.ts, shared with the `sync` job). On SQLite it runs here and now. On
 * PostgreSQL it is queued as a `rescreen` job, which the servers (unless INTERDICT_SERVER_JOBS=0) and
 * `interdict worker` processes share; with none running, it waits in the queue until one starts. The
 * stale-list alerts of the lists that moved are resolved.
 */
export async function rescreenAfterImports(ctx: CliContext, store: Store, moved: MovedList[]): Promise<void> {
  if (!moved.length) return;
  const { rescreenMovedLists, resolveRefreshedLists } = await import('../../server/list-changes.ts');
  await resolveRefreshedLists(store);
  if (!ctx.config.databaseUrl) {
    for (const line of await rescreenMovedLists(store, moved)) ctx.err(`monitoring: ${line}`);
    return;
  }
  const { ProcessJobs } = await import('../../server/jobs.ts');
  const jobs = new ProcessJobs(store, ctx.config, ctx.err);
  try {
    for (const line of await rescreenMovedLists(store, moved, (m) => jobs.rescreen(m))) ctx.err(`monitoring: ${line} (run by \`interdict serve\` or \`interdict worker\`)`);
  } finally {
    await jobs.close();
  }
}

/** A --workspace as a scope: undefined (not said), null (shared) or a workspace's id, named by id or by a name one alone bears. */
async function scopeFor(store: Store, workspace: string | undefined): Promise<string | null | undefined> {
  const { scopeOf } = await import('../../server/portfolio-access.ts');
  const { Workspaces } = await import('../../access/workspaces.ts');
  const scope = scopeOf(workspace);
  return scope ? Workspaces.of(store).resolve(scope, cliPrincipal()) : scope;
}

/** The portfolio a name means (in `scope` when given); several of one name are refused, asking for --workspace. */
async function findPortfolio(store: Store, name: string, scope: string | null | undefined) {
  const { Monitor } = await import('../../monitor/monitor.ts');
  try {
    return await Monitor.of(store).findPortfolio(name, { workspace: scope });
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError('--workspace', `several portfolios are named "${name}": say which with --workspace (the workspace's id or name, or shared)`);
    throw error;
  }
}

export function register(program: Command, ctx: CliContext): void {
  const portfolio = program.command('portfolio').description('records kept under watch: screened on arrival and after every list change');
  portfolio
    .command('add')
    .description('add a file of records (batch CSV with your own reference in `id`, or FtM JSON lines) to a portfolio, creating it if needed; records are matched by reference')
    .argument('<name>')
    .argument('<file>')
    .option('--merge', 'add and change records only (default: the file is the whole portfolio, so missing references are removed)')
    .option('--map <column=property...>', 'CSV columns to FtM properties')
    .option('--schema <schema>', 'schema of rows without a `schema` column')
    .option('--workspace <id|name|shared>', "the portfolio's workspace, by id or name (portfolio names are unique per workspace): a new one is made there (default: shared); needed when several portfolios share the name")
    .option('--json', 'print the report as JSON')
    .action(async (name: string, file: string, opts: { merge?: boolean; map?: string[]; schema?: string; workspace?: string; json?: boolean }) => {
      const { parseColumnMap, screeningInputRows } = await import('../../screening/batch-input.ts');
      const { uploadPortfolio } = await import('../../monitor/service.ts');
      const { actorOf } = await import('../../access/accounts.ts');
      const store = await ctx.store();
      const scope = await scopeFor(store, opts.workspace);
      const found = await findPortfolio(store, name, scope);
      const rows = await screeningInputRows(file, { map: parseColumnMap(opts.map), schema: opts.schema, warn: (m) => ctx.err(`warning: ${m}`) });
      const report = await uploadPortfolio(store, name, rows, { mode: opts.merge ? 'merge' : 'replace', actor: actorOf(cliPrincipal()), workspace: found ? found.workspace : (scope ?? null) });
      if (opts.json) return ctx.out(JSON.stringify(report, null, 2));
      ctx.out(`${name}: ${report.added} added, ${report.changed} changed, ${report.removed} removed, ${report.unchanged} unchanged; ${report.alerts} alerts raised`);
      for (const u of report.unscreenable) ctx.err(`${file}:${u.line}: unscreenable (${u.ref}): ${u.error}`);
    });
  portfolio
    .command('list')
    .option('--json', 'as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { Monitor } = await import('../../monitor/monitor.ts');
      const { SHARED } = await import('../../server/portfolio-access.ts');
      const list = await Monitor.of(await ctx.store()).portfolios();
      if (opts.json) return ctx.out(JSON.stringify(list, null, 2));
      for (const p of list) ctx.out(`${p.name}\t${p.workspace ?? SHARED}\t${p.records} records\tsince ${p.created_at}`);
      if (!list.length) ctx.out('no portfolios yet');
    });
  portfolio
    .command('rescreen')
    .description("re-screen after a list's change from one version to another (default: its previous version to the live one)")
    .argument('<dataset>')
    .option('--from <version>', 'the version before the change')
    .option('--to <version>', 'the version after (default: live)')
    .option('--full', 'every record, not only those the change can affect')
    .action(async (dataset: string, opts: { from?: string; to?: string; full?: boolean }) => {
      const { rescreenAfterChange } = await import('../../monitor/service.ts');
      const { rescreenSummary } = await import('../../server/list-changes.ts');
      const { snapshotDirFor } = await import('../../graph/snapshot.ts');
      const store = await ctx.store();
      const versions = await store.versions(dataset);
      const live = versions.find((v) => v.status === 'live') ?? versions[versions.length - 1];
      const to = opts.to ?? live?.version;
      const older = versions.filter((v) => v.id < (versions.find((x) => x.version === to)?.id ?? Infinity));
      const from = opts.from ?? older[older.length - 1]?.version;
      if (!from || !to) throw new ValidationError('--from', `${dataset} has no earlier version to compare with`);
      ctx.out(rescreenSummary(await rescreenAfterChange(store, dataset, from, to, { full: opts.full, snapshotDir: snapshotDirFor(ctx.config) })));
    });

  program
    .command('alerts')
    .description('alerts raised on portfolio records, newest first')
    .option('--portfolio <name>')
    .option('--workspace <id|name|shared>', "the portfolio's workspace (by id or name), when several portfolios share its name")
    .option('--status <status>', 'open, in_review, false_positive, true_match, escalated')
    .option('--kind <kind>', 'new-hit, changed-hit, lifted')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'as JSON')
    .action(async (opts: { portfolio?: string; workspace?: string; status?: string; kind?: string; limit: string; json?: boolean }) => {
      const { Monitor } = await import('../../monitor/monitor.ts');
      const store = await ctx.store();
      const { total, results } = await Monitor.of(store).alerts({ portfolio: opts.portfolio, workspace: await scopeFor(store, opts.workspace), status: opts.status, kind: opts.kind, limit: Number(opts.limit) });
      if (opts.json) return ctx.out(JSON.stringify({ total, results }, null, 2));
      for (const a of results) ctx.out(`${a.created_at}\t${a.portfolio}\t${a.ref}\t${a.kind}\t${a.band} ${a.score.toFixed(2)}\t${a.target_id}\t${a.reason}\t${a.status}`);
      ctx.out(`${results.length} of ${total} alerts`);
    });
}
