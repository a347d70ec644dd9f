// `xref`, `judge` and `judgements export|import`: the resolver's commands (src/resolve/).
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { SourceError, ValidationError } from '../../model/errors.ts';
import { DEFAULT_AUTO_THRESHOLD } from '../../resolve/thresholds.ts';
import type { CliContext } from '../context.ts';
import { cliPrincipal, recordCliActs } from '../actor.ts';

function author(given: string | undefined): string {
  return given ?? cliPrincipal().name;
}

/** The resolver over the store: loaded when a command runs, not for --help. */
async function resolverOf(ctx: CliContext) {
  const { Resolver } = await import('../../resolve/service.ts');
  return new Resolver(await ctx.store());
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('xref')
    .description('find records of the live lists that may be one target, score them, and merge the clear ones as machine judgements')
    .argument('[datasets...]', 'datasets to cross-reference (default: every live one)')
    .option('--auto-threshold <T>', `score from which a pair with corroborating evidence and no conflict is merged (default ${DEFAULT_AUTO_THRESHOLD})`)
    .option('--json', 'print the report as JSON')
    .action(async (datasets: string[], opts: { autoThreshold?: string; json?: boolean }) => {
      const threshold = opts.autoThreshold === undefined ? undefined : Number(opts.autoThreshold);
      if (threshold !== undefined && !(threshold > 0 && threshold <= 1)) throw new ValidationError('--auto-threshold', 'must be a number above 0 and at most 1');
      const store = await ctx.store();
      const live = new Set((await store.liveVersions()).map((v) => v.dataset));
      for (const d of datasets) if (!live.has(d)) throw new ValidationError('datasets', `"${d}" is not a live dataset (live: ${[...live].sort().join(', ')})`);
      const report = await (await resolverOf(ctx)).xref({ datasets: datasets.length ? datasets : undefined, autoThreshold: threshold });
      if (opts.json) return ctx.out(JSON.stringify(report, null, 2));
      ctx.out(`${report.targets} records, ${report.candidates} candidate pairs in ${(report.millis / 1000).toFixed(1)} s`);
      ctx.out(`decided: ${report.decided} (${report.merged} merged by this run), waiting for a person: ${report.waiting}, flagged as possible list errors: ${report.flagged}`);
    });

  program
    .command('judge')
    .description('record that two records (ids, referents or canonical ids) are the same target, not the same, or unsure; `undo` withdraws the judgement on the pair')
    .argument('<left>')
    .argument('<right>')
    .argument('<judgement>', 'same, not-same, unsure or undo')
    .requiredOption('--reason <text>', 'why (kept with the judgement)')
    .option('--author <name>', 'who judges (default: $INTERDICT_AUTHOR or the user name)')
    .action(async (left: string, right: string, verdict: string, opts: { reason: string; author?: string }) => {
      const { parseVerdict } = await import('../../resolve/judgements.ts');
      const resolver = await resolverOf(ctx);
      const [j] = await resolver.judge([{ left, right, verdict: parseVerdict(verdict), reason: opts.reason, author: author(opts.author) }]);
      await recordCliActs(await ctx.store(), [{ action: 'judgement', subject: j.left, detail: { left: j.left, right: j.right, verdict: j.verdict, reason: opts.reason, author: j.author, seq: j.seq } }]);
      const resolution = await resolver.resolution();
      ctx.out(`judgement #${j.seq}: ${j.left} ${j.verdict.replace('_', '-')} ${j.right} (by ${j.author})`);
      for (const id of [j.left, j.right]) ctx.out(`${id} → ${resolution.canonical(id)} (${resolution.members(id).length} record${resolution.members(id).length > 1 ? 's' : ''})`);
    });

  const judgements = program.command('judgements').description('move judgements in and out as JSON lines (the shape of nomenklatura\'s resolver)');
  judgements
    .command('export')
    .description('write the judgements in force')
    .argument('<file>', '`-` for standard output')
    .action(async (file: string) => {
      const lines = await (await resolverOf(ctx)).exportJudgements();
      const text = lines.map((l) => l + '\n').join('');
      if (file === '-') process.stdout.write(text);
      else writeFileSync(file, text);
      ctx.err(`exported ${lines.length} judgements`);
    });
  judgements
    .command('import')
    .description('record the judgements of a file, all or nothing')
    .argument('<file>')
    .action(async (file: string) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new SourceError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
      const result = await (await resolverOf(ctx)).importJudgements(text, file);
      ctx.out(`imported ${result.imported} judgements (${result.skipped} already in force)`);
    });
}

/** `export --resolved`: one FtM entity per target (the resolved reader over the live lists). */
export async function exportResolved(ctx: CliContext, dataset: string | undefined, opts: { format: string; output?: string }): Promise<void> {
  if (opts.format !== 'ftm') throw new ValidationError('--format', '--resolved exports FtM JSON lines only (--format ftm)');
  const store = await ctx.store();
  if (dataset) await store.versions(dataset); // unknown dataset -> a clear error before any output
  const { writeFtmJsonLines } = await import('../../sources/ftm/export.ts');
  const reader = await (await resolverOf(ctx)).reader();
  const out: Writable = opts.output ? createWriteStream(opts.output) : process.stdout;
  const count = await writeFtmJsonLines(reader.iterateEntities(dataset ? { datasets: [dataset] } : undefined), out);
  if (opts.output) await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  ctx.err(`exported ${count} resolved entities${dataset ? ` of ${dataset}` : ''}`);
}
