// What `interdict screen` does (its options: cli/commands/screen.ts): batch screening of a CSV or
// JSON-lines file against the live lists, one JSON line (or CSV rows) per input row in input order;
// worker threads for large files.
import { createWriteStream, existsSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { freshness } from '../../ingest/freshness.ts';
import { ValidationError } from '../../model/errors.ts';
import { hasRows, parseColumnMap, screeningInputRows, type InputRow } from '../../screening/batch-input.ts';
import { loadEngine, type MatchEngine } from '../../screening/engine.ts';
import { ScreeningPool, type IndexBytes } from '../../screening/pool.ts';
import { defaultWorkerCount, WORKER_MIN_ROWS } from '../../screening/threads.ts';
import { mergePacked, type PackedPrepared } from '../../screening/candidate-index.ts';
import { PooledResult } from '../../screening/worker-protocol.ts';
import { ChunkedOutput } from '../chunked-output.ts';
import type { QueryEntity } from '../../screening/query.ts';
import { Screener, screenedJson, type BriefResult, type ScreenedJson, type ScreenOptions } from '../../screening/screener.ts';
import { screeningScope } from '../../screening/service.ts';
import { ALL_DATASETS } from '../../screening/scopes.ts';
import { batchIndex } from '../../screening/batch-index.ts';
import { nameOrder } from '../../screening/name-order.ts';
import { snapshotDirFor } from '../../graph/snapshot.ts';
import { BATCH_CSV_COLUMNS, batchCsvRows, type BatchRecord } from '../../screening/batch-output.ts';
import { ConflictError, SourceError } from '../../model/errors.ts';
import { numberParam } from '../../model/params.ts';
import type { CliContext } from '../context.ts';
import { downstreamReader } from '../../resolve/service.ts';

/** Distinct queries from which the workers' prepared forms are saved for the next run (they have met most listed entities by then). */
const PREPARED_SAVE_MIN_QUERIES = 2_000;

export interface ScreenFlags {
  input: string;
  output?: string;
  format: string;
  threshold?: string;
  dataset: string;
  map?: string[];
  inputFormat?: string;
  limit: string;
  workers?: string;
  schema?: string;
}

/** Runs `interdict screen` (declared in cli/commands/screen.ts). */
export async function screenCommand(flags: ScreenFlags, ctx: CliContext): Promise<void> {
  const format = flags.format;
  if (format !== 'jsonl' && format !== 'csv') throw new ValidationError('--format', `must be jsonl or csv, got "${format}"`);
  const limit = numberParam(flags.limit, '--limit', 5, { min: 1, max: 500, integer: true });
  const workers = flags.workers === undefined ? undefined : numberParam(flags.workers, '--workers', 1, { min: 0, max: 64, integer: true });
  const map = parseColumnMap(flags.map);
  const engine = await loadEngine();
  const threshold = numberParam(flags.threshold, '--threshold', engine.defaultThreshold, { min: 0, max: 1 });

  if (flags.input !== '-' && !existsSync(flags.input)) throw new ValidationError('--input', `no such file: ${flags.input}`);
  const inputFormat = flags.inputFormat;
  if (inputFormat !== undefined && inputFormat !== 'csv' && inputFormat !== 'jsonl') throw new ValidationError('--input-format', `must be csv or jsonl, got "${inputFormat}"`);

  // A file of many rows gets its workers now: they load their code and then the index while this
  // thread gets the index and reads the input, instead of after (a core idle meanwhile). A file
  // that cannot be counted ahead (stdin, gzip) is decided by its distinct rows once read.
  const many = workers === undefined ? hasRows(flags.input, WORKER_MIN_ROWS) : undefined;
  const earlySize = workers ?? (many ? defaultWorkerCount() : many === false ? 0 : undefined);
  const pool = new LazyPool();
  if (earlySize !== undefined && earlySize > 1) pool.start(earlySize);
  let screened: Screened;
  try {
    screened = await screenWith(pool, earlySize, flags, ctx, { format, limit, threshold, map, inputFormat }, engine);
  } finally {
    await pool.close(); // the workers hand over what they prepared as they end
  }
  ctx.err(screened.summary(process.cpuUsage()));
  // After the summary: the output is complete, and the next run reads what the workers prepared.
  await screened.savePrepared();
}

interface Screened {
  /** The summary line, given the process's CPU. */
  summary: (cpu: NodeJS.CpuUsage) => string;
  /** Saves the prepared forms the workers handed over, if they were asked to (once the pool is closed). */
  savePrepared: () => Promise<void>;
}

/** Worker threads started before their index exists; closed whatever happens in between. */
class LazyPool {
  private pool?: Promise<ScreeningPool>;
  private giveIndex?: (bytes: IndexBytes) => void;
  private refuseIndex?: (err: Error) => void;

  get started(): boolean {
    return this.pool !== undefined;
  }

  start(size: number): void {
    this.pool = ScreeningPool.start(new Promise<IndexBytes>((resolve, reject) => ((this.giveIndex = resolve), (this.refuseIndex = reject))), size);
    this.pool.catch(() => undefined); // reported where it is awaited
  }

  index(bytes: IndexBytes): void {
    this.giveIndex?.(bytes);
  }

  ready(): Promise<ScreeningPool> {
    return this.pool!;
  }

  async close(): Promise<void> {
    this.refuseIndex?.(new Error('the screening was given up'));
    const pool = await this.pool?.catch(() => undefined);
    await pool?.close();
  }
}

interface Settings {
  format: 'jsonl' | 'csv';
  limit: number;
  threshold: number;
  map: Record<string, string>;
  inputFormat?: 'csv' | 'jsonl';
}

/** Screens the input; answers the summary line, given the process's CPU. */
async function screenWith(pool: LazyPool, earlySize: number | undefined, flags: ScreenFlags, ctx: CliContext, settings: Settings, engine: MatchEngine): Promise<Screened> {
  const { format, limit, threshold } = settings;
  // The file's own faults (not text, no header, no name column, no rows) are told before the index is read.
  const input = await screeningInputRows(flags.input, { map: settings.map, format: settings.inputFormat, schema: flags.schema, warn: (m) => ctx.err(`warning: ${m}`) });
  const first = await input.next();
  if (first.done) throw new SourceError(flags.input, 'no rows to screen (an empty file, or a header without rows)');
  const store = await ctx.store();
  const versions = await store.liveVersions();
  const scope = screeningScope(versions, flags.dataset);
  // "Clear" against no list would be the worst answer a screening can give: refuse instead.
  if (scope.datasets.length === 0) throw new ConflictError(`nothing to screen against: no ${flags.dataset === ALL_DATASETS ? 'sanctions list' : 'dataset'} is live; run \`interdict sync\` or \`interdict import FILE...\` first`);
  ctx.err(`screening against ${scope.description}`);
  const lists = versions.filter((v) => scope.datasets.includes(v.dataset)).map((v) => ({ v, f: freshness(v, ctx.config.staleAfterDays) }));
  for (const { f } of lists) if (f.warning) ctx.err(`warning: ${f.warning}`);
  const listsCell = lists.map(({ v, f }) => `${v.dataset} ${v.version}${f.stale ? ' STALE' : ''}`).join('; ');
  // One result per target with every member record (src/resolve/); the index saved by the last run when still valid.
  const index = await batchIndex(downstreamReader(store), scope.datasets, engine, snapshotDirFor(ctx.config), (m) => ctx.err(`warning: ${m}`));
  if (pool.started) pool.index(index.bytes());

  const rows = [first.value];
  for await (const row of input) rows.push(row);
  const bad = rows.filter((r) => r.error);
  for (const r of bad.slice(0, 50)) ctx.err(`${flags.input}:${r.line}: unscreenable: ${r.error}`);
  if (bad.length > 50) ctx.err(`... and ${bad.length - 50} more unscreenable rows`);
  const lenient = rows.filter((r) => r.warnings?.length);
  for (const r of lenient.slice(0, 20)) for (const w of r.warnings!) ctx.err(`${flags.input}:${r.line}: warning: ${w}`);
  if (lenient.length > 20) ctx.err(`... and ${lenient.length - 20} more rows with values read leniently or left out`);

  let entityCount: number;
  const options: ScreenOptions = { limit, threshold };
  const out = flags.output ? createWriteStream(flags.output) : null;
  const output = new ChunkedOutput((chunk) => (out ? out.write(chunk) : process.stdout.write(chunk)));
  if (format === 'csv') output.text(stringify([[...BATCH_CSV_COLUMNS]]));
  const progress = progressBar(rows.length);
  const started = performance.now();
  const bands = { match: 0, review: 0, clear: 0 };
  const packs: PackedPrepared[] = []; // the workers' prepared forms, when worth saving

  // A file often names one person many times: each distinct query is screened once (results do not depend on the row's id).
  const distinct: QueryEntity[] = [];
  const distinctOf = new Map<string, number>();
  const rowsOf: number[][] = [];
  // Each row's output, made as its results come (while the workers still screen), written in input order.
  const lines: (OutputLine | undefined)[] = new Array(rows.length);
  rows.forEach((row, at) => {
    if (!row.query) {
      lines[at] = outputLine(format, row, NO_RESULTS, listsCell);
      return;
    }
    const key = JSON.stringify([row.query.schema, row.query.properties]);
    let d = distinctOf.get(key);
    if (d === undefined) {
      distinctOf.set(key, (d = distinct.length));
      distinct.push(row.query);
      rowsOf.push([]);
    }
    rowsOf[d].push(at);
  });
  const poolSize = earlySize ?? (distinct.length >= WORKER_MIN_ROWS ? defaultWorkerCount() : 0);
  let cursor = 0;
  const flush = () => {
    for (; cursor < rows.length && lines[cursor] !== undefined; cursor++) {
      const line = lines[cursor]!;
      lines[cursor] = undefined;
      if (typeof line === 'string') output.text(line);
      else {
        output.text(line[0]);
        if (typeof line[1] === 'string') output.text(line[1]);
        else output.bytes(line[1]);
        output.text(line[2]);
      }
      progress.tick();
    }
  };
  const answered = (d: number, results: ScreenedJson | PooledResult) => {
    for (const at of rowsOf[d]) {
      bands[results.band]++;
      lines[at] = outputLine(format, rows[at], results, listsCell);
    }
  };
  if (poolSize > 1 && distinct.length > 0) {
    if (!pool.started) {
      pool.start(poolSize);
      pool.index(index.bytes());
    }
    const workers = await pool.ready();
    entityCount = workers.entityCount;
    // A large batch prepares most listed entities in every worker: saved, the next runs read them
    // (and prepare only those it did not meet; saved once per index, so a run never pays twice).
    const worthSaving = distinct.length >= PREPARED_SAVE_MIN_QUERIES && index.preparedCount === 0;
    // The pool screens in name order itself; each result is made into its rows' output as it comes.
    await workers.screen(distinct, options, undefined, {
      last: true,
      collectPrepared: worthSaving ? (packed) => void packs.push(packed) : undefined,
      onResult: (d, results) => {
        answered(d, results);
        flush();
      },
    });
  } else {
    const screener = new Screener(index.index(), engine);
    entityCount = screener.index.size;
    // In name order, as the pool does (one name's queries side by side share their name scores); written in input order.
    for (const d of nameOrder(distinct)) {
      answered(d, screenedJson(screener.screen(distinct[d], options).results));
      flush();
    }
  }
  flush();
  output.flush();
  progress.done();
  if (out) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  const seconds = (performance.now() - started) / 1000;
  // CPU of the whole process, its worker threads included (told once they have ended): under load, wall time says little.
  const summary = (cpu: NodeJS.CpuUsage) =>
    `screened ${rows.length - rows.filter((r) => !r.query).length} rows (${distinct.length} distinct) against ${entityCount} entities in ${seconds.toFixed(2)} s (process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)` +
    `${poolSize > 1 ? ` (${poolSize} workers)` : ''}: ${bands.match} match, ${bands.review} review, ${bands.clear} clear; ` +
    `${bad.length} unscreenable; ${lenient.length} with values read leniently`;
  const savePrepared = async () => {
    if (packs.length) await index.savePrepared(mergePacked(packs));
  };
  return { summary, savePrepared };
}

/** A row's output: CSV text, or a JSON line as its head, its results' JSON (text, or UTF-8 from a worker) and its tail. */
type OutputLine = string | [string, string | Uint8Array, string];

export function outputLine(format: 'jsonl' | 'csv', row: InputRow, results: ScreenedJson | PooledResult, lists: string): OutputLine {
  if (format === 'csv') return stringify(batchCsvRows(batchRecord(row, results, lists)));
  if (!row.query) return `${JSON.stringify(batchRecord(row, results, lists))}\n`;
  // The same bytes as JSON.stringify(batchRecord(...)), without parsing and writing every result again.
  const head = `{"id":${JSON.stringify(row.id)},"line":${row.line},"status":"screened","band":"${results.band}","results":`;
  const tail = row.warnings?.length ? `,"warnings":${JSON.stringify(row.warnings)},"lists":${JSON.stringify(lists)}}\n` : plainTail(lists);
  return [head, results instanceof PooledResult ? results.bytes : results.json, tail];
}

/** The end of a JSON line without warnings: the same for every such row. */
let plain: { lists: string; tail: string } | undefined;
function plainTail(lists: string): string {
  if (plain?.lists !== lists) plain = { lists, tail: `,"warnings":[],"lists":${JSON.stringify(lists)}}\n` };
  return plain.tail;
}

const NO_RESULTS: ScreenedJson = { json: '[]', matched: false, band: 'clear' };

export function batchRecord(row: InputRow, results: ScreenedJson, lists: string): BatchRecord {
  if (!row.query) return { id: row.id, line: row.line, status: 'unscreenable', band: null, results: [], warnings: row.warnings ?? [], error: row.error ?? 'not screened', lists };
  return { id: row.id, line: row.line, status: 'screened', band: results.band, results: JSON.parse(results.json) as BriefResult[], warnings: row.warnings ?? [], lists };
}

/** A progress bar on stderr, only when stderr is a terminal (never in pipes or logs). */
function progressBar(total: number) {
  const tty = process.stderr.isTTY && total > 0;
  let done = 0;
  let last = 0;
  const draw = () => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  };
  return {
    tick() {
      done++;
      if (!tty) return;
      const now = Date.now();
      if (now - last > 100 || done === total) {
        last = now;
        draw();
      }
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
