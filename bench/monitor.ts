// bench:monitor (issue 14): a portfolio of synthetic records screened on arrival, the delta re-screen
// after OFAC 2021-07-07 → 2023-12-28 checked against a full re-screen in the same run, and the alert
// inbox at 100,000 alerts through GET /alerts. Prints figures and writes them to docs/BENCHMARKS.md.
//   npm run bench:monitor [-- --records 1000000 --variants 0.01 --alerts 100000 --write] [-- --pg URL]
// SQLite in a throwaway directory, or with `--pg URL` a throwaway database in that PostgreSQL cluster
// (the figures are then printed, never written).
// Each phase runs in a process of its own, as a user runs it: the compiled CLI (`interdict import`,
// `portfolio add`, `portfolio rescreen`) where a command exists, bench/monitor-phase.ts where not; each
// is measured from outside (wall) and from inside by bench/usage-probe.mjs (CPU-s, peak RSS, where the
// memory was at the peak). This process only writes the portfolio file and compares the alerts.
// The full re-screen runs on a copy of the database taken just before the delta one, so both start equal.
import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os, { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely } from 'kysely';
import pg from 'pg';
import type { MonitorTables } from '../src/store/monitor-schema.ts';
import { openStore } from '../src/store/open.ts';
import type { SqlStore } from '../src/store/sql-store.ts';
import { buildDistUnlessCurrent } from '../test/support/compiled.ts';
import { ofacSdnEntities } from '../test/screening/helpers/ofac.ts';
import { syntheticRecordStream } from './monitor-records.ts';
import { machine, table, writeSection } from './report.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RECORDS = arg('records', 1_000_000);
const VARIANTS = arg('variants', 0.01);
const ALERTS = arg('alerts', 100_000);
const PG = args.includes('--pg') ? args[args.indexOf('--pg') + 1] : null;
const WRITE = args.includes('--write') && !PG;
/** `--delta-only`: no sift-alone or inbox phases (the delta against the full re-screen, and the upload). */
const DELTA_ONLY = args.includes('--delta-only');
const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

const FIX = new URL('../test/fixtures/ofac_sdn/2021-07-07/', import.meta.url).pathname;
const DATA = new URL('../data/us_ofac_sdn/2023-12-28/', import.meta.url).pathname;
const SDN_2021 = ['sdn', 'add', 'alt', 'sdn_comments'].map((f) => join(FIX, `${f}.csv`));
const SDN_2023 = ['sdn', 'add', 'alt'].map((f) => join(DATA, `${f}.csv.gz`));

const BIN = new URL('../bin/interdict.js', import.meta.url).pathname;
const PHASE = new URL('./monitor-phase.ts', import.meta.url).pathname;
const PROBE = new URL('./usage-probe.mjs', import.meta.url).href;

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const int = (n: number) => Math.round(n).toLocaleString('en');
const mb = (bytes: number) => `${int(bytes / 2 ** 20)} MB`;
const GB2 = 2 * 2 ** 30;

/** What the probe saw of one child process (bench/usage-probe.mjs). */
interface Usage {
  cpuSeconds: number;
  maxRss: number;
  atPeak: { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number } | null;
  /** Each worker thread's largest heap (reserved), and the external memory it saw then. */
  threads: { heapTotal: number; heapUsed: number; external: number }[];
}
interface Phase extends Usage {
  label: string;
  command: string;
  wallMs: number;
  stdout: string;
}

/** On PostgreSQL: runs `statement` in the database the `--pg` URL names (creating and dropping the bench's own). */
async function cluster(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: PG! });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
function databaseUrl(name: string): string {
  const url = new URL(PG!);
  url.pathname = `/${name}`;
  return url.toString();
}
const DB_NAME = `interdict_bench_monitor_${process.pid}`;

/**
 * Runs one phase in a child process over the database `db` (an SQLite path, or a PostgreSQL database's
 * name): `interdict …` (compiled CLI) or `phase …` (bench/monitor-phase.ts under tsx).
 */
async function runPhase(dir: string, label: string, db: string, argv: string[]): Promise<Phase> {
  const probe = join(dir, `probe-${label.replace(/\W+/g, '-')}.json`);
  const cli = argv[0] === 'interdict';
  const node = ['--import', PROBE, ...(cli ? [BIN] : ['--import', 'tsx', PHASE]), ...argv.slice(1)];
  const env = { ...process.env, INTERDICT_BENCH_PROBE: probe, INTERDICT_NO_BUNDLED: '1', INTERDICT_LOG_LEVEL: 'warn', INTERDICT_FROM_SOURCE: '', ...(PG ? { DATABASE_URL: databaseUrl(db), INTERDICT_DB: '' } : { INTERDICT_DB: db, DATABASE_URL: '' }) };
  const t = performance.now();
  const child = spawn(process.execPath, node, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const [code] = (await once(child, 'exit')) as [number | null];
  const wallMs = performance.now() - t;
  if (code !== 0) throw new Error(`${argv.join(' ')}: exit ${code}\n${stderr}`);
  const usage = JSON.parse(readFileSync(probe, 'utf8')) as Omit<Usage, 'threads'>;
  const threads = readdirSync(dir).filter((f) => f.startsWith(`${probe.split('/').pop()}.thread-`)).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Usage['threads'][number]);
  const phase = { label, command: argv.join(' '), wallMs, stdout, ...usage, threads };
  log(`${label}: ${secs(wallMs)}, ${phase.cpuSeconds.toFixed(1)} CPU-s, peak RSS ${mb(phase.maxRss)}, ${threads.length} worker threads (load ${os.loadavg()[0].toFixed(1)})`);
  return phase;
}

/**
 * Where one phase's memory was when the probe saw it peak: main heap, buffers, worker heaps, the rest (code,
 * SQLite, allocator). A delta re-screen runs two pools one after the other (the sieve, then the re-screen):
 * every thread's heap is listed, and the rest counts only the largest pool's worth of them.
 */
function breakdown(p: Phase): string {
  if (!p.atPeak) return '';
  const heaps = p.threads.map((t) => t.heapTotal).sort((a, b) => b - a);
  const live = heaps.slice(0, availableParallelism()).reduce((n, h) => n + h, 0);
  const rest = p.atPeak.rss - p.atPeak.heapTotal - p.atPeak.external - live;
  const workers = heaps.length ? `, worker heaps ${heaps.map((h) => int(h / 2 ** 20)).join(' + ')} MB` : '';
  return `main heap ${mb(p.atPeak.heapTotal)} (${mb(p.atPeak.heapUsed)} used), external ${mb(p.atPeak.external)} (array buffers ${mb(p.atPeak.arrayBuffers)})${workers}, other ${mb(Math.max(0, rest))}`;
}

/** Writes the synthetic portfolio as FtM JSON lines, one record at a time. */
async function writePortfolio(file: string): Promise<void> {
  const out = createWriteStream(file);
  for (const row of syntheticRecordStream({ records: RECORDS, variants: VARIANTS, seed: 14 }, await ofacSdnEntities())) {
    if (!out.write(`${JSON.stringify(row.query)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Copies the database (no process has it open): SQLite's file and its write-ahead log, or a PostgreSQL template copy. */
async function copyDatabase(from: string, to: string): Promise<void> {
  if (PG) return cluster(`create database ${to} template ${from}`);
  for (const suffix of ['', '-wal']) if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
}

async function alertsSince(db: string, mark: string): Promise<Set<string>> {
  const store = await openStore({ databaseUrl: PG ? databaseUrl(db) : null, sqlitePath: db });
  try {
    const rows = await ((store as SqlStore).db as unknown as Kysely<MonitorTables>).selectFrom('alerts').select(['ref', 'target_id', 'kind', 'reason']).where('created_at', '>', mark).execute();
    return new Set(rows.map((a) => `${a.ref} ${a.target_id} ${a.kind} ${a.reason}`));
  } finally {
    await store.close();
  }
}

async function main() {
  const host = machine();
  if (await buildDistUnlessCurrent()) log('dist/ rebuilt from the sources');
  const dir = mkdtempSync(join(tmpdir(), 'interdict-bench-monitor-'));
  const db = PG ? DB_NAME : join(dir, 'monitor.db');
  const copy = PG ? `${DB_NAME}_full` : join(dir, 'full.db');
  const file = join(dir, 'portfolio.jsonl');
  if (PG) await cluster(`create database ${DB_NAME}`);
  const loads: number[] = [os.loadavg()[0]];
  const phases: Phase[] = [];
  const run = async (label: string, on: string, argv: string[]) => {
    const p = await runPhase(dir, label, on, argv);
    loads.push(os.loadavg()[0]);
    phases.push(p);
    return p;
  };
  const rows: (string | number)[][] = [];
  try {
    await run('import OFAC 2021-07-07', db, ['interdict', 'import', ...SDN_2021]);
    await writePortfolio(file);
    log(`${int(RECORDS)} synthetic records written (${VARIANTS * 100} % list-name variants)`);

    const alone = JSON.parse((await run('the screener alone (baseline)', db, ['phase', 'screen-alone', file, '5000'])).stdout) as { recordsPerSecond: number };
    const upload = await run('upload, screened on arrival', db, ['interdict', 'portfolio', 'add', 'bench', file, '--json']);
    const uploaded = JSON.parse(upload.stdout) as { alerts: number };
    const rate = RECORDS / (upload.wallMs / 1000);
    rows.push(['initial screening (`interdict portfolio add`, screened on arrival)', `${int(rate)} records/s (${secs(upload.wallMs)} with the process start and the index build, ${int(uploaded.alerts)} alerts); ${int(RECORDS / upload.cpuSeconds)} records per CPU-s`, '≥ 5,000 records/s']);
    rows.push(['the screener alone, one thread, first 5,000 records (baseline)', `${int(alone.recordsPerSecond)} records/s`, '']);

    await run('import OFAC 2023-12-28 (without its re-screen)', db, ['phase', 'import', ...SDN_2023]);
    await copyDatabase(db, copy);
    const mark = new Date().toISOString();
    const delta = await run('delta re-screen', db, ['interdict', 'portfolio', 'rescreen', 'us_ofac_sdn']);
    const full = await run('full re-screen (baseline, on a copy)', copy, ['interdict', 'portfolio', 'rescreen', 'us_ofac_sdn', '--full']);
    // The sift alone, as before session 10 (every record screened in full against an index of the sieve's
    // targets) and as now, on the copy (it writes nothing): CPU-s to compare. Since session 12 the two flag
    // different records: now only those whose full re-screen finds a result among the sieve not clear.
    if (!DELTA_ONLY) {
      const siftBefore = await run('the sift alone, as before (full results)', copy, ['phase', 'sift', 'before']);
      const siftNow = await run('the sift alone, as now (within the live index)', copy, ['phase', 'sift', 'now']);
      const flagged = (p: Phase) => (JSON.parse(p.stdout) as { flagged: number }).flagged;
      rows.push([`the delta's sift alone (in its own process, worker threads): as before session 10 → as now; records flagged`, `${siftBefore.cpuSeconds.toFixed(1)} → ${siftNow.cpuSeconds.toFixed(1)} CPU-s (${secs(siftBefore.wallMs)} → ${secs(siftNow.wallMs)}); ${int(flagged(siftBefore))} → ${int(flagged(siftNow))} flagged`, 'fewer: every record the full re-screen hits among the sieve, and only those candidates scored']);
    }
    const byDelta = await alertsSince(db, mark);
    const byFull = await alertsSince(copy, mark);
    const missed = [...byFull].filter((a) => !byDelta.has(a));
    const extra = [...byDelta].filter((a) => !byFull.has(a));
    for (const a of [...missed.slice(0, 20).map((m) => `missed: ${m}`), ...extra.slice(0, 20).map((m) => `extra: ${m}`)]) log(a);
    rows.push([`delta re-screen (\`interdict portfolio rescreen\`): ${delta.stdout.trim().replace(/^.*?: /, '')}`, `${secs(delta.wallMs)} (${delta.cpuSeconds.toFixed(1)} CPU-s)`, '≤ 60 s']);
    rows.push([`full re-screen of every record (baseline, on a copy): ${full.stdout.trim().replace(/^.*?: /, '')}`, `${secs(full.wallMs)} (${full.cpuSeconds.toFixed(1)} CPU-s)`, '']);
    rows.push(['delta alerts = full re-screen alerts', missed.length === 0 && extra.length === 0 ? 'yes' : `no: ${missed.length} missed, ${extra.length} extra (of ${byFull.size})`, 'yes']);

    const inbox = DELTA_ONLY ? null : (JSON.parse((await run('inbox (GET /alerts through the app)', db, ['phase', 'inbox', String(ALERTS)])).stdout) as { existing: number; added: number; pages: { label: string; total: number; p50: number; p95: number }[] });
    if (inbox) log(`inbox: ${int(inbox.existing)} alerts from screening + ${int(inbox.added)} added`);
    if (inbox) for (const p of inbox.pages) rows.push([`GET /alerts at ${int(inbox.existing + inbox.added)} alerts: ${p.label} (${int(p.total)} match)`, `p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms`, '≤ 100 ms']);

    const self = process.resourceUsage().maxRSS * 1024;
    const perProcess = phases.map((p) => [p.label, `\`${p.command.replace(/\/\S+\//g, '')}\``, secs(p.wallMs), p.cpuSeconds.toFixed(1), `${mb(p.maxRss)}${p.maxRss > GB2 ? ' (over 2 GB)' : ''}`, breakdown(p)]);
    perProcess.push(['the bench itself (writes the portfolio file, compares alerts)', '', '', '', mb(self), '']);
    const markdown =
      `## Monitoring (\`npm run bench:monitor\`)\n\nMachine: ${host}; run ${new Date().toISOString().slice(0, 10)} with ` +
      `\`--records ${RECORDS} --variants ${VARIANTS} --alerts ${ALERTS}\`, ${PG ? 'PostgreSQL' : 'SQLite'}; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during the run.\n\n` +
      table(['measure', 'result', 'target'], rows) +
      '\n\nEach phase in a process of its own (peak RSS target ≤ 2 GB per process; the breakdown is sampled every 100 ms at the highest RSS seen, worker heaps at their own highest):\n\n' +
      table(['phase', 'process', 'wall', 'CPU-s', 'peak RSS', 'at the peak'], perProcess);
    if (WRITE) writeSection('monitor', markdown);
    else process.stdout.write(`${markdown}\n`);
  } finally {
    if (PG) for (const name of [DB_NAME, `${DB_NAME}_full`]) await cluster(`drop database if exists ${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
