// `interdict check-transfer ID | --file transfers.csv`: the embargo provisions a transfer breaches.
import type { Command } from 'commander';
import { ValidationError } from '../../model/errors.ts';
import type { TransferCheck } from '../../transfers/check.ts';
import type { CliContext } from '../context.ts';

function print(ctx: CliContext, r: TransferCheck): void {
  ctx.out(`${r.name ?? r.transfer} [${r.transfer}]`);
  ctx.out(`  date: ${r.date ?? 'unknown'}; ${r.direction.fromDprk ? 'from the DPRK' : ''}${r.direction.fromDprk && r.direction.toDprk ? ' and ' : ''}${r.direction.toDprk ? 'to the DPRK' : ''}${!r.direction.fromDprk && !r.direction.toDprk ? 'no DPRK party' : ''}`);
  ctx.out(`  conduct: ${r.conduct.status ?? 'not stated'} (${r.conduct.kind}); evidence: ${r.evidence.grade ?? 'none affirmative'}${r.evidence.denials.length ? `; ${r.evidence.denials.length} denial(s)` : ''}`);
  ctx.out(`  verdict: ${r.verdict.toUpperCase()}`);
  for (const b of r.breaches) {
    ctx.out(`  ${b.verdict.toUpperCase()}: ${b.instrument} para ${b.paragraph} (${b.citation.symbol}), weakest element ${b.grade ?? 'ungraded'}`);
    for (const e of b.elements) ctx.out(`      - ${e.holds === 'yes' ? '' : '(uncertain) '}${e.reason}`);
    for (const note of b.reasons.slice(b.elements.length)) ctx.out(`      - ${note}`);
  }
  for (const c of r.context) ctx.out(`  context: ${c}`);
  for (const w of r.warnings) ctx.err(`  warning: ${w}`);
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('check-transfer')
    .description('which UN DPRK embargo provisions a transfer breaches, how surely (breach, probable, possible, attempted or prospective) and why')
    .argument('[id]', 'id of a stored ArmsTransfer')
    .option('--file <csv>', 'check the transfers of a CSV file (layout: docs/TRANSFERS.md)')
    .option('--json', 'print JSON')
    .action(async (id: string | undefined, o: { file?: string; json?: boolean }) => {
      if (!id && !o.file) throw new ValidationError('id', 'give a transfer id or --file');
      const { TransferService } = await import('../../transfers/service.ts');
      const service = new TransferService(await ctx.store());
      let checks: TransferCheck[];
      if (o.file) {
        const { collect } = await import('../../sources/collect.ts');
        const { armsTransfersCsv } = await import('../../sources/transfers/csv.ts');
        const parsed = await collect(armsTransfersCsv, [o.file]);
        for (const w of parsed.warnings) ctx.err(`warning: ${w}`);
        checks = await service.checkStatements(parsed.statements);
      } else checks = [await service.violations(id!)];
      if (o.json) return ctx.out(JSON.stringify(o.file ? checks : checks[0], null, 2));
      checks.forEach((c) => print(ctx, c));
    });
}
