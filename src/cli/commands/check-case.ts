// `interdict check-case DIR`: lint a case file (every claim sourced and located, no grade stronger
// than its source allows, dates at their precision). Exit 3 when it finds a problem.
import type { Command } from 'commander';
import { SourceError } from '../../model/errors.ts';
import { join } from 'node:path';
import type { CliContext } from '../context.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('check-case')
    .description('lint a case file (statements.csv + transfers.csv): sources, locators, grades against source types, date precision')
    .argument('<dir>', 'the case file directory, e.g. data/case_dprk_russia')
    .option('--json', 'print JSON')
    .action(async (dir: string, o: { json?: boolean }) => {
      const { CASE_FILES, readCaseRows } = await import('../../sources/transfers/case-claims.ts');
      const { lintCase } = await import('../../transfers/case-lint.ts');
      const report = lintCase(await readCaseRows(dir));
      if (o.json) ctx.out(JSON.stringify(report, null, 2));
      else {
        const grades = Object.entries(report.grades).map(([g, n]) => `${n} ${g}`).join(', ');
        ctx.out(`${dir}: ${report.claims} claims (${grades}); sources: ${report.sources.map((s) => `${s.id} (${s.type}, at most ${s.cap ?? 'not citable'})`).join('; ')}`);
        for (const p of report.problems) ctx.out(`${p.file}:${p.line}: ${p.field}: ${p.message}`);
        if (report.problems.length === 0) ctx.out('no problems in the claims; checking the layout as an import would');
      }
      if (report.problems.length) throw new SourceError(dir, `${report.problems.length} problem(s) in the case file`);
      // Then what an import would reject (FtM schemata and properties, enumerations), first error only.
      const { collect } = await import('../../sources/collect.ts');
      const { caseFileCsv } = await import('../../sources/transfers/case-file.ts');
      await collect(caseFileCsv, Object.values(CASE_FILES).map((name) => join(dir, name)));
    });
}
