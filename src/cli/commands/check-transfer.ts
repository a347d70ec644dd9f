// `interdict check-transfer ID | --file transfers.csv`: the embargo provisions a transfer breaches.
import type { Command } from 'commander';
import { ValidationError } from '../../model/errors.ts';
import type { TransferCheck } from '../../transfers/check.ts';
import { TransferService } from '../../transfers/service.ts';
import type { CliContext } from '../context.ts';

function print(ctx: CliContext, r: TransferCheck): void {
  ctx.out(`${r.name ?? r.transfer} [${r.transfer}]`);
  ctx.out(`  date: ${r.date ?? 'unknown'}; ${r.direction.fromDprk ? 'from the DPRK' : ''}${r.direction.fromDprk && r.direction.toDprk ? ' and ' : ''}${r.direction.toDprk ? 'to the DPRK' : ''}${!r.direction.fromDprk && !r.direction.toDprk ? 'no DPRK party' : ''}`);
  ctx.out(`  evidence: ${r.evidence.grade ?? 'none affirmative'}${r.evidence.denials.length ? `; ${r.evidence.denials.length} denial(s)` : ''}`);
  if (r.breaches.length === 0) ctx.out('  breaches: none');
  for (const b of r.breaches) {
    ctx.out(`  ${b.certainty === 'breach' ? 'BREACH' : 'possible'}: ${b.instrument} para ${b.paragraph} (${b.citation.symbol})`);
    for (const reason of b.reasons) ctx.out(`      - ${reason}`);
  }
  for (const w of r.warnings) ctx.err(`  warning: ${w}`);
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('check-transfer')
    .description('which UN DPRK embargo provisions a transfer breaches, with the reasons')
    .argument('[id]', 'id of a stored ArmsTransfer')
    .option('--file <csv>', 'check the transfers of a CSV file (layout: docs/TRANSFERS.md)')
    .option('--json', 'print JSON')
    .action(async (id: string | undefined, o: { file?: string; json?: boolean }) => {
      if (!id && !o.file) throw new ValidationError('id', 'give a transfer id or --file');
      const service = new TransferService(await ctx.store());
      const checks = o.file ? (await service.checkFile(o.file)).checks : [await service.violations(id!)];
      if (o.json) return ctx.out(JSON.stringify(o.file ? checks : checks[0], null, 2));
      checks.forEach((c) => print(ctx, c));
    });
}
