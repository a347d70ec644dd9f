// `import`, `datasets`, `diff`: the lists and their versions.
import type { Command } from 'commander';
import { SHRINK_LIMIT } from '../../store/shrink.ts';
import { DIFF_KINDS, type DatasetDiff, type DiffKind } from '../../store/types.ts';
import type { DiffPage } from '../../store/diff.ts';
import { ValidationError } from '../../model/errors.ts';
import { numberParam } from '../../model/params.ts';
import type { CliContext } from '../context.ts';
import { rescreenAfterImports } from './monitor.ts';
import { recordCliActs } from '../actor.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('import official list files or FtM data as a new version of their dataset (format detected)')
    .argument('<files...>', 'files of one or more lists (sdn.csv add.csv alt.csv, consolidated.xml, ...; .gz accepted)')
    .option('--dataset <name>', 'write to this dataset instead of the format default')
    .option('--format <format>', 'skip detection and read every file with this format')
    .option('--allow-shrink', `accept a version that removes more than ${SHRINK_LIMIT * 100} % of a list (refused by default: the usual cause is a cut or wrong file)`)
    .option('--published <date>', 'publication date (YYYY-MM-DD) of files that state none, such as OFAC\'s legacy CSV files; a date in the file wins')
    .option('--json', 'print the result as JSON')
    .action(async (files: string[], opts: { dataset?: string; format?: string; json?: boolean; allowShrink?: boolean; published?: string }) => {
      const { importFiles } = await import('../../ingest/import.ts');
      const { movedLists } = await import('../../server/list-changes.ts');
      const store = await ctx.store();
      const outcomes = await importFiles(store, files, { dataset: opts.dataset, format: opts.format, author: ctx.config.cliAuthor, allowShrink: opts.allowShrink, published: opts.published });
      if (opts.json) {
        ctx.out(JSON.stringify(outcomes.map(({ dataset, format, files: f, version, previous, added, removed, changed, parseWarnings }) => ({ dataset, format, files: f, version, previous: previous?.version ?? null, added, removed, changed, warnings: parseWarnings })), null, 2));
      }
      for (const o of opts.json ? [] : outcomes) {
        const v = o.version;
        const { $targets, ...schemata } = v.schemaCounts;
        ctx.out(`${o.dataset} (${o.format}) version ${v.version}, published ${v.publishedAt ?? 'unknown'}`);
        ctx.out(`  list entries: ${$targets ?? 0}; entities: ${v.entityCount}; statements: ${v.statementCount}`);
        ctx.out(`  by schema: ${Object.entries(schemata).sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${n}`).join(', ')}`);
        ctx.out(o.previous ? `  against ${o.previous.version}: ${o.added} added, ${o.removed} removed, ${o.changed} changed` : '  first version of this dataset');
        if (o.parseWarnings.length) {
          ctx.err(`  ${o.parseWarnings.length} warnings:`);
          for (const w of o.parseWarnings.slice(0, 20)) ctx.err(`    ${w}`);
          if (o.parseWarnings.length > 20) ctx.err(`    ... and ${o.parseWarnings.length - 20} more (use --json to see all)`);
        }
      }
      await recordCliActs(store, outcomes.map((o) => ({ action: 'import', subject: o.dataset, detail: { format: o.format, files: o.files, version: o.version.version, version_id: o.version.id, previous: o.previous?.version ?? null, added: o.added, removed: o.removed, changed: o.changed } })));
      // Portfolios under watch are re-screened for what the new versions changed.
      await rescreenAfterImports(ctx, store, movedLists(outcomes));
    });

  program
    .command('datasets')
    .description('list datasets with their live version, publication date, counts and staleness')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { freshness } = await import('../../ingest/freshness.ts');
      const store = await ctx.store();
      const rows = (await store.datasets()).map((d) => ({ ...d, freshness: d.live ? freshness(d.live, ctx.config.staleAfterDays) : null }));
      if (opts.json) return ctx.out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return ctx.out('no datasets yet: run `interdict import FILE...` or `npm start` to load the bundled lists');
      for (const d of rows) {
        const v = d.live;
        ctx.out(`${d.name.padEnd(20)} ${v ? `${v.version.padEnd(16)} published ${v.publishedAt ?? 'unknown'}  entries ${v.schemaCounts.$targets ?? 0}  entities ${v.entityCount}  versions ${d.versions}` : 'no live version'}`);
        if (d.freshness?.retired) ctx.err(`  RETIRED list: ${d.freshness.warning}. ${d.freshness.retired.note}`);
        else if (d.freshness?.warning) ctx.err(`  WARNING stale list: ${d.freshness.warning}`);
      }
    });

  program
    .command('diff')
    .description('what changed in a dataset between two versions (default: the live one and the one before)')
    .argument('<dataset>')
    .option('--from <version>', 'older version: id, label or publication date')
    .option('--to <version>', 'newer version: id, label or publication date')
    .option('--kind <kind>', `only ${DIFF_KINDS.join(', ')} entries`)
    .option('--schema <schema>', 'only entities of this schema or its descendants (Person, LegalEntity, Vessel...)')
    .option('--limit <n>', 'a page of this many entries, list entries first (with --offset)')
    .option('--offset <n>', 'entries to skip')
    .option('--json', 'print as JSON')
    .action(async (dataset: string, opts: { from?: string; to?: string; kind?: string; schema?: string; limit?: string; offset?: string; json?: boolean }) => {
      const { hasSchema, schemaIsA } = await import('../../model/ftm.ts');
      const { pageOfDiff } = await import('../../store/diff.ts');
      const store = await ctx.store();
      const paged = opts.kind !== undefined || opts.schema !== undefined || opts.limit !== undefined || opts.offset !== undefined;
      if (opts.kind !== undefined && !(DIFF_KINDS as readonly string[]).includes(opts.kind)) throw new ValidationError('--kind', `must be one of ${DIFF_KINDS.join(', ')}`);
      if (opts.schema !== undefined && !hasSchema(opts.schema)) throw new ValidationError('--schema', `unknown schema "${opts.schema}"`);
      const limit = numberParam(opts.limit, '--limit', 100, { min: 1, max: 1e9, integer: true });
      const offset = numberParam(opts.offset, '--offset', 0, { min: 0, max: 1e9, integer: true });
      const diff = await store.diff(dataset, opts.from, opts.to);
      if (!paged) return ctx.out(opts.json ? JSON.stringify(diff, null, 2) : formatDiff(diff));
      const page = pageOfDiff(diff, { kind: opts.kind as DiffKind | undefined, schema: opts.schema, offset, limit }, schemaIsA);
      ctx.out(opts.json ? JSON.stringify(page, null, 2) : formatPage(page));
    });
}

function formatPage(p: DiffPage): string {
  const c = p.counts;
  const lines = [
    `${p.dataset}: ${p.from.version} -> ${p.to.version}: ${c.added} added, ${c.removed} removed, ${c.changed} changed (list entries: ${c.targets.added} added, ${c.targets.removed} removed, ${c.targets.changed} changed)`,
    `${p.total} match${p.filter.kind ? ` --kind ${p.filter.kind}` : ''}${p.filter.schema ? ` --schema ${p.filter.schema}` : ''}; showing ${p.results.length ? `${p.offset + 1}-${p.offset + p.results.length}` : 'none'}, list entries first:`,
  ];
  const mark = { added: '+', removed: '-', changed: '~' } as const;
  for (const r of p.results) {
    lines.push(`  ${mark[r.kind]} ${r.caption} [${r.schema}${r.target ? ', list entry' : ''}] ${r.id}`);
    for (const [prop, { removed, added }] of Object.entries(r.changes ?? {})) {
      for (const v of removed) lines.push(`      ${prop}: - ${v}`);
      for (const v of added) lines.push(`      ${prop}: + ${v}`);
    }
  }
  return lines.join('\n');
}

function formatDiff(d: DatasetDiff): string {
  const lines = [`${d.dataset}: ${d.from.version} -> ${d.to.version}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`];
  const show = (label: string, items: { schema: string; caption: string; id: string }[]) => {
    if (!items.length) return;
    lines.push(`${label}:`);
    for (const i of items) lines.push(`  + ${i.caption} [${i.schema}] ${i.id}`.replace('+', label === 'removed' ? '-' : '+'));
  };
  show('added', d.added);
  show('removed', d.removed);
  if (d.changed.length) lines.push('changed:');
  for (const c of d.changed) {
    lines.push(`  ~ ${c.caption} [${c.schema}] ${c.id}`);
    for (const [prop, { removed, added }] of Object.entries(c.changes)) {
      for (const v of removed) lines.push(`      ${prop}: - ${v}`);
      for (const v of added) lines.push(`      ${prop}: + ${v}`);
    }
  }
  return lines.join('\n');
}
