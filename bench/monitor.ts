// bench:monitor (issue 14): a portfolio of synthetic records screened on arrival, the delta re-screen
// after OFAC 2021-07-07 → 2023-12-28 checked against a full re-screen in the same run, and the alert
// inbox at 100,000 alerts through GET /alerts. Prints figures and writes them to docs/BENCHMARKS.md.
//   npm run bench:monitor [-- --records 1000000 --variants 0.01 --alerts 100000 --write] [-- --pg URL]
// SQLite in a throwaway directory, or with `--pg URL` a throwaway database in that PostgreSQL cluster
// (the figures are then printed, never written).
// The full re-screen runs on a copy of the database taken just before the delta one, so both start equal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { importFiles } from '../src/ingest/import.ts';
import { liveScreening, rescreenAfterChange, uploadPortfolio } from '../src/monitor/service.ts';
import { buildApp } from '../src/server/app.ts';
import type { MonitorTables } from '../src/store/monitor-schema.ts';
import { openStore } from '../src/store/open.ts';
import { SqlStore } from '../src/store/sql-store.ts';
import type { Store } from '../src/store/types.ts';
import { authHeaders } from '../test/support/credentials.ts';
import { ofacSdnEntities } from '../test/screening/helpers/ofac.ts';
import { syntheticRecords } from './monitor-records.ts';
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
const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

const FIX = new URL('../test/fixtures/ofac_sdn/2021-07-07/', import.meta.url).pathname;
const DATA = new URL('../data/us_ofac_sdn/2023-12-28/', import.meta.url).pathname;
const SDN_2021 = ['sdn', 'add', 'alt', 'sdn_comments'].map((f) => join(FIX, `${f}.csv`));
const SDN_2023 = ['sdn', 'add', 'alt'].map((f) => join(DATA, `${f}.csv.gz`));

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const int = (n: number) => Math.round(n).toLocaleString('en');
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const mb = (bytes: number) => `${int(bytes / 2 ** 20)} MB`;
const dbOf = (store: Store) => (store as SqlStore).db as unknown as Kysely<MonitorTables>;
/** CPU seconds of this process (every thread, the screening workers too) since `from`. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
};
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

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

async function main() {
  const host = machine();
  const dir = mkdtempSync(join(tmpdir(), 'interdict-bench-monitor-'));
  const dbPath = join(dir, 'monitor.db');
  const copyPath = join(dir, 'full.db');
  if (PG) await cluster(`create database ${DB_NAME}`);
  let store = await openStore({ databaseUrl: PG ? databaseUrl(DB_NAME) : null, sqlitePath: dbPath });
  const rows: (string | number)[][] = [];
  try {
    const [{ version: v2021 }] = await importFiles(store, SDN_2021);
    const records = syntheticRecords({ records: RECORDS, variants: VARIANTS, seed: 14 }, await ofacSdnEntities());
    log(`${int(records.length)} synthetic records (${VARIANTS * 100} % list-name variants)`);

    let t = performance.now();
    const live2021 = await liveScreening(store);
    log(`live screening over OFAC 2021-07-07 built in ${secs(performance.now() - t)}`);
    // Baseline: the screener alone, in this thread, on the first records (what the upload adds to it is the database).
    const sample = records.slice(0, Math.min(5_000, records.length));
    t = performance.now();
    for (const r of sample) live2021.screen(r.query!);
    const screenOnly = sample.length / ((performance.now() - t) / 1000);
    log(`screener alone: ${int(screenOnly)} records/s`);

    t = performance.now();
    let cpu = process.cpuUsage();
    const upload = await uploadPortfolio(store, 'bench', records, { mode: 'replace', actor: 'bench', live: live2021 });
    const uploadMs = performance.now() - t;
    const rate = records.length / (uploadMs / 1000);
    const uploadCpu = cpuSince(cpu);
    log(`initial screening: ${int(rate)} records/s (${upload.alerts} alerts), screener alone ${int(screenOnly)} records/s`);
    rows.push(['initial screening (upload, screened on arrival)', `${int(rate)} records/s (${secs(uploadMs)}, ${int(upload.alerts)} alerts); ${int(records.length / uploadCpu)} records per CPU-s`, '≥ 5,000 records/s']);
    rows.push(['the screener alone, one thread, first 5,000 records (baseline)', `${int(screenOnly)} records/s`, '']);

    const [{ version: v2023 }] = await importFiles(store, SDN_2023);
    t = performance.now();
    const live2023 = await liveScreening(store);
    const liveMs = performance.now() - t;
    if (PG) {
      // A template copy needs the database without connections: closed, copied, opened again.
      await store.close();
      await cluster(`create database ${DB_NAME}_full template ${DB_NAME}`);
      store = await openStore({ databaseUrl: databaseUrl(DB_NAME), sqlitePath: dbPath });
    } else await sql`VACUUM INTO ${copyPath}`.execute(dbOf(store));
    const mark = new Date().toISOString();

    t = performance.now();
    cpu = process.cpuUsage();
    const delta = await rescreenAfterChange(store, 'us_ofac_sdn', v2021.id, v2023.id, { live: live2023 });
    const deltaMs = performance.now() - t;
    const deltaCpu = cpuSince(cpu);
    log(`delta re-screen: ${secs(deltaMs)}, ${delta.changedTargets} changed targets, ${int(delta.records)} records, ${delta.alerts} alerts`);

    const copy = await openStore({ databaseUrl: PG ? databaseUrl(`${DB_NAME}_full`) : null, sqlitePath: copyPath });
    t = performance.now();
    cpu = process.cpuUsage();
    const full = await rescreenAfterChange(copy, 'us_ofac_sdn', v2021.id, v2023.id, { full: true, live: live2023 });
    const fullMs = performance.now() - t;
    const fullCpu = cpuSince(cpu);
    log(`full re-screen: ${secs(fullMs)}, ${int(full.records)} records, ${full.alerts} alerts`);
    const raised = async (s: Store) =>
      new Set((await dbOf(s).selectFrom('alerts').select(['ref', 'target_id', 'kind', 'reason']).where('created_at', '>', mark).execute()).map((a) => `${a.ref} ${a.target_id} ${a.kind} ${a.reason}`));
    const byDelta = await raised(store);
    const byFull = await raised(copy);
    await copy.close();
    const missed = [...byFull].filter((a) => !byDelta.has(a));
    const extra = [...byDelta].filter((a) => !byFull.has(a));
    for (const a of [...missed.slice(0, 5).map((m) => `missed: ${m}`), ...extra.slice(0, 5).map((m) => `extra: ${m}`)]) log(a);
    const same = missed.length === 0 && extra.length === 0;
    rows.push(['live screening over OFAC 2023-12-28 (built once, shared by both re-screens)', secs(liveMs), '']);
    rows.push([`delta re-screen (${int(delta.changedTargets)} changed targets, ${int(delta.sievedTargets ?? 0)} of them sieved → ${int(delta.records)} records)`, `${secs(deltaMs)} (${deltaCpu.toFixed(1)} CPU-s), ${delta.alerts} alerts (${Object.entries(delta.kinds).map(([k, n]) => `${n} ${k}`).join(', ')})`, '≤ 60 s']);
    rows.push(['full re-screen of every record (baseline, on a copy)', `${secs(fullMs)} (${fullCpu.toFixed(1)} CPU-s), ${full.alerts} alerts`, '']);
    rows.push(['delta alerts = full re-screen alerts', same ? 'yes' : `no: ${missed.length} missed, ${extra.length} extra`, 'yes']);

    const inbox = await inboxFigures(store, dir);
    rows.push(...inbox);
    rows.push(['peak RSS of this process', mb(peakRss()), '≤ 2 GB']);

    const markdown =
      `## Monitoring (\`npm run bench:monitor\`)\n\nMachine: ${host}; run ${new Date().toISOString().slice(0, 10)} with ` +
      `\`--records ${RECORDS} --variants ${VARIANTS} --alerts ${ALERTS}\`, ${PG ? 'PostgreSQL' : 'SQLite'}.\n\n` +
      table(['measure', 'result', 'target'], rows);
    if (WRITE) writeSection('monitor', markdown);
    else process.stdout.write(`${markdown}\n`);
  } finally {
    await store.close();
    if (PG) for (const name of [DB_NAME, `${DB_NAME}_full`]) await cluster(`drop database if exists ${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Tops the alerts up to `ALERTS` (spread over five portfolios, statuses, bands, assignees and a year of
 * ages), then times filtered first pages and a deep page of GET /alerts as the web app asks for them.
 */
async function inboxFigures(store: Store, dir: string): Promise<(string | number)[][]> {
  const db = dbOf(store);
  const existing = Number((await db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const portfolios = Array.from({ length: 5 }, (_, i) => ({ id: randomUUID(), name: `inbox-${i}`, created_at: new Date().toISOString(), created_by: 'bench', workspace: null }));
  await db.insertInto('portfolios').values(portfolios).execute();
  const statuses = ['open', 'open', 'open', 'in_review', 'false_positive', 'true_match', 'escalated'];
  const day = 86_400_000;
  const now = Date.now();
  const fill = Math.max(0, ALERTS - existing);
  for (let i = 0; i < fill; i += 500) {
    const chunk = Array.from({ length: Math.min(500, fill - i) }, (_, j) => {
      const n = i + j;
      const at = new Date(now - (n % 365) * day - n * 1000).toISOString();
      return { id: randomUUID(), portfolio_id: portfolios[n % 5].id, ref: `F${n}`, target_id: `us-ofac-sdn-${n % 9000}`, kind: 'new-hit', reason: 'matches a listed name', detail: '{"list":null}', score: 0.7 + (n % 30) / 100, band: n % 3 ? 'review' : 'match', status: statuses[n % statuses.length], assignee: n % 4 ? null : `user:analyst${n % 12}`, created_at: at, updated_at: at };
    });
    await db.insertInto('alerts').values(chunk).execute();
  }
  log(`inbox: ${int(existing)} alerts from screening + ${int(fill)} added`);
  const config = { ...loadConfig({}), sqlitePath: join(dir, 'monitor.db'), databaseUrl: PG ? databaseUrl(DB_NAME) : null, loadBundled: false, serverJobs: false };
  const { app } = await buildApp(config, store, { logger: false });
  try {
    const headers = await authHeaders(store, 'viewer');
    const since = new Date(now - 30 * day).toISOString().slice(0, 10);
    const pages: [string, string][] = [
      ['no filter, first page', '/alerts?limit=50'],
      ['portfolio + status open', '/alerts?portfolio=inbox-2&status=open&limit=50'],
      ['band match + status open', '/alerts?band=match&status=open&limit=50'],
      ['assignee', '/alerts?assignee=user:analyst4&limit=50'],
      ['opened in the last 30 days', `/alerts?since=${since}&limit=50`],
      ['older than 90 days, status open', '/alerts?older_than_days=90&status=open&limit=50'],
      ['portfolio, page 400 (offset 20,000)', '/alerts?portfolio=inbox-1&limit=50&offset=20000'],
    ];
    const out: (string | number)[][] = [];
    for (const [label, url] of pages) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < 25; i++) {
        const t = performance.now();
        const res = await app.inject({ method: 'GET', url, headers });
        times.push(performance.now() - t);
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        total = (JSON.parse(res.body) as { total: number }).total;
      }
      times.sort((a, b) => a - b);
      out.push([`GET /alerts at ${int(existing + fill)} alerts: ${label} (${int(total)} match)`, `p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms`, '≤ 100 ms']);
      log(`${label}: p50 ${pct(times, 0.5).toFixed(1)} ms`);
    }
    return out;
  } finally {
    await app.close();
  }
}

await main();
