// The imports several test files start from, each made once per run as a template (imported.ts): the
// UN list then the UK's (judgements and cross-references between them), and the UN list then the
// DPRK–Russia case file (the graph and screening over it).
import { join } from 'node:path';
import { DATA_DIR } from '../../src/ingest/bundled.ts';
import type { ImportStep } from './imported.ts';

export const UN_LIST = join(DATA_DIR, 'un_sc_sanctions/2026-02-27/consolidated.xml.gz');
export const UK_LIST = join(DATA_DIR, 'gb_hmt_sanctions/2018-04-13/ConList.csv.gz');
const CASE_FILE = [join(DATA_DIR, 'case_dprk_russia/statements.csv'), join(DATA_DIR, 'case_dprk_russia/transfers.csv')];

export const UN_THEN_UK: ImportStep[] = [
  { files: [UN_LIST], options: { dataset: 'un_sc_sanctions' } },
  { files: [UK_LIST], options: { dataset: 'gb_hmt_sanctions' } },
];
export const UN_THEN_CASE_FILE: ImportStep[] = [{ files: [UN_LIST] }, { files: CASE_FILE }];
