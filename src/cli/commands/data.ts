// `export` and `sync`.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { ValidationError } from '../../model/errors.ts';
import { SHRINK_LIMIT } from '../../store/shrink.ts';
import type { CliContext } from '../context.ts';
import { recordCliActs } from '../actor.ts';
import { EXIT } from '../errors.ts';
import { exportResolved } from './resolve.ts';
import { rescreenAfterImports } from './monitor.ts';

const EXPORT_FORMATS = ['ftm', 'csv', 'statements'] as const;

export function register(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('write the live version of a dataset as FtM JSON lines, a flat CSV, or statements CSV with provenance')
    .argument('[dataset]', 'the dataset (optional with --resolved: default all)')
    .option('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'ftm')
    .option('--output <file>', 'write to a file instead of standard output')
    .option('--resolved', 'one FtM entity per resolved target, its referents naming every member record (src/resolve/)')
    .action(async (dataset: string | undefined, opts: { format: string; output?: string; resolved?: boolean }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
        throw new ValidationError('--format', `"${opts.format}" is not one of ${EXPORT_FORMATS.join(', ')}`);
      }
      if (opts.resolved) return exportResolved(ctx, dataset, opts);
      if (!dataset) throw new ValidationError('dataset', 'a dataset is required (or --resolved for all)');
      const { writeEntitiesCsv, writeFtmJsonLines } = await import('../../sources/ftm/export.ts');
      const { writeStatementsCsv } = await import('../../sources/statements/statements-csv.ts');
      const store = await ctx.store();
      await store.versions(dataset); // unknown dataset -> a clear error before any output
      const out: Writable = opts.output ? createWriteStream(opts.output) : process.stdout;
      const filter = { datasets: [dataset] };
      const count =
        opts.format === 'ftm'
          ? await writeFtmJsonLines(store.iterateEntities(filter), out)
          : opts.format === 'csv'
            ? await writeEntitiesCsv(store.iterateEntities(filter), out)
            : await writeStatementsCsv(store.iterateStatements(filter), out, dataset);
      if (opts.output) await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      ctx.err(`exported ${count} ${opts.format === 'statements' ? 'statements' : 'entities'} of ${dataset}`);
    });

  program
    .command('sync')
    .description("download the current official lists from their publishers, verify and import them (the previous version stays live on any failure)")
    .argument('[datasets...]', 'datasets to sync (default: every official list)')
    .option('--allow-shrink', `accept versions that remove more than ${SHRINK_LIMIT * 100} % of a list`)
    .option('--json', 'print the result as JSON')
    .action(async (datasets: string[], opts: { json?: boolean; allowShrink?: boolean }) => {
      const { syncDatasets } = await import('../../ingest/sync.ts');
      const { movedLists, syncActs } = await import('../../server/list-changes.ts');
      const store = await ctx.store();
      const results = await syncDatasets(store, datasets, { urls: ctx.config.syncUrls, timeoutMs: ctx.config.syncTimeoutMs, allowShrink: opts.allowShrink });
      if (opts.json) ctx.out(JSON.stringify(results, null, 2));
      for (const r of results) {
        if (r.ok) {
          const v = r.outcome.version;
          if (!opts.json) ctx.out(`${r.dataset}: imported version ${v.version} (published ${v.publishedAt ?? 'unknown'}): ${r.outcome.added} added, ${r.outcome.removed} removed, ${r.outcome.changed} changed`);
        } else ctx.err(`${r.dataset}: sync FAILED, previous version stays live: ${r.error}`);
      }
      await recordCliActs(store, syncActs(results));
      const moved = movedLists(results.flatMap((r) => (r.ok ? [r.outcome] : [])));
      await rescreenAfterImports(ctx, store, moved);
      if (results.some((r) => !r.ok)) process.exitCode = EXIT.failure;
    });
}
