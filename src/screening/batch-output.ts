// The one result schema of batch screening, written by `interdict screen` and by the web app's
// batch downloads alike (JSON lines: one BatchRecord per input row, in input order; CSV: one row
// per result, or one for a row without results, with the band, the score and a one-line reason).
// Pure and self-contained (the web app imports it), so both writers cannot drift apart.
import { spreadsheetSafe } from '../model/spreadsheet.ts';
import type { Band } from './bands.ts';

/**
 * One result of a batch, explanations as the API gives them (`feature`, `weight`, `detail`,
 * `query`, `candidate`).
 */
export interface BriefResult {
  id: string;
  caption: string;
  schema: string;
  score: number;
  band: Band;
  match: boolean;
  /** A sanctions list designates the entity (src/model/targets.ts). */
  target: boolean;
  /** One line: band, score, the name's explanation and what counted against. */
  reason: string;
  referents: string[];
  datasets: string[];
  explanations: unknown;
}

export interface BatchRecord {
  /** The row's id (its `id` column, else `line-N`). */
  id: string;
  /** 1-based line of the input where the row is. */
  line: number;
  /** `unscreenable`: the row has no usable name (or could not be read); it is still written here. */
  status: 'screened' | 'unscreenable';
  /** The best band among the results; null when unscreenable. */
  band: Band | null;
  results: BriefResult[];
  /** Values read leniently or left out, each named. */
  warnings: string[];
  /** Why the row is unscreenable. */
  error?: string;
  /** The list versions screened against, each marked STALE when older than the configured age. */
  lists: string;
}

export const BATCH_CSV_COLUMNS = [
  'id', 'line', 'status', 'band', 'rank', 'result_band', 'score', 'reason', 'entity_id', 'caption', 'schema',
  'target', 'referents', 'datasets', 'warnings', 'error', 'lists',
] as const;

/** The CSV rows of one record, in BATCH_CSV_COLUMNS order, every cell safe to open in a spreadsheet. */
export function batchCsvRows(record: BatchRecord): string[][] {
  return rawCsvRows(record).map((row) => row.map(spreadsheetSafe));
}

function rawCsvRows(record: BatchRecord): string[][] {
  const head = [record.id, String(record.line), record.status, record.band ?? ''];
  const tail = [record.warnings.join('; '), record.error ?? '', record.lists];
  if (record.results.length === 0) return [[...head, '', '', '', record.error ? '' : 'no candidate on the lists', '', '', '', '', '', '', ...tail]];
  return record.results.map((r, i) => [
    ...head, String(i + 1), r.band, r.score.toFixed(4), r.reason, r.id, r.caption, r.schema,
    r.target ? 'true' : 'false', r.referents.join(';'), r.datasets.join(';'), ...tail,
  ]);
}
