// A case file is two CSVs that make one dataset version: statements (entities, relationships,
// claims, sources) and arms transfers. This parser reads both in one import, so the second file
// does not replace the first as a separate import would.
import { logicalName, readHead } from '../io.ts';
import { statementsCsv } from '../statements/statements-csv.ts';
import type { ParseContext, SourceParser } from '../types.ts';
import { armsTransfersCsv, readTransfersCsv } from './csv.ts';

export const caseFileCsv: SourceParser = {
  format: 'interdict-case-csv',
  defaultDataset: 'case_dprk_russia',
  title: 'DPRK–Russia arms relationship 2022–2023 (Interdict case file)',
  publisher: 'Interdict',
  licence: 'CC-BY-4.0',
  /** Never auto-detected (statements.csv alone belongs to the statements format); choose it by name. */
  detect: () => false,
  async *parse(files: string[], ctx: ParseContext) {
    for (const file of files) {
      const head = (await readHead(file)).toString('latin1');
      if (armsTransfersCsv.detect(logicalName(file), head)) yield* readTransfersCsv(file, (m) => ctx.warn(m));
      else yield* statementsCsv.parse([file], ctx);
    }
  },
};
