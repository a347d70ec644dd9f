// The phases of bench:monitor that have no `interdict` command of their own, each run in a child process
// (bench/monitor.ts measures it from outside) over the database INTERDICT_DB or DATABASE_URL names:
//   screen-alone FILE N   the screener alone, in this thread, on the first N records of a portfolio file
//   import FILE...        a list version imported without the re-screen `interdict import` runs after it
//   inbox ALERTS          alerts topped up to ALERTS, then GET /alerts timed through the app
//   sift before|now       the delta's sift of the last us_ofac_sdn change alone: as before session 10 (every
//                         record screened in full by the pool, 5,000 at a time, flagged by its results' band)
//                         or as now (siftRecords: the live index's threads, within the sieve); prints the records flagged
// Each prints its figures as one line of JSON on stdout.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { importFiles } from '../src/ingest/import.ts';
import { Monitor } from '../src/monitor/monitor.ts';
import { liveScreening, sieveTargets } from '../src/monitor/service.ts';
import { siftRecords } from '../src/monitor/sift.ts';
import { resolverFor } from '../src/resolve/service.ts';
import { loadEngine } from '../src/screening/engine.ts';
import { indexToBytes } from '../src/screening/index-snapshot.ts';
import { ScreeningPool } from '../src/screening/pool.ts';
import { defaultWorkerCount } from '../src/screening/threads.ts';
import type { QueryEntity } from '../src/screening/query.ts';
import { Screener } from '../src/screening/screener.ts';
import { screeningInputRows } from '../src/screening/batch-input.ts';
import { buildApp } from '../src/server/app.ts';
import type { MonitorTables } from '../src/store/monitor-schema.ts';
import { openStore } from '../src/store/open.ts';
import type { SqlStore } from '../src/store/sql-store.ts';
import type { Store } from '../src/store/types.ts';
import { authHeaders } from '../test/support/credentials.ts';
import { pct } from './load.ts';

const [phase, ...args] = process.argv.slice(2);
const config = { ...loadConfig(), loadBundled: false, serverJobs: false };
const store = await openStore(config);
const dbOf = (s: Store) => (s as SqlStore).db as unknown as Kysely<MonitorTables>;

try {
  if (phase === 'screen-alone') process.stdout.write(`${JSON.stringify(await screenAlone(args[0], Number(args[1])))}\n`);
  else if (phase === 'import') process.stdout.write(`${JSON.stringify((await importFiles(store, args)).map((o) => o.version.version))}\n`);
  else if (phase === 'inbox') process.stdout.write(`${JSON.stringify(await inbox(Number(args[0])))}\n`);
  else if (phase === 'sift') process.stdout.write(`${JSON.stringify(await siftAlone(args[0]))}\n`);
  else throw new Error(`unknown phase ${phase}`);
} finally {
  await store.close();
}

async function screenAlone(file: string, count: number): Promise<{ recordsPerSecond: number }> {
  const rows = [];
  for await (const row of await screeningInputRows(file)) if (rows.push(row) === count) break;
  const live = await liveScreening(store);
  const t = performance.now();
  for (const r of rows) live.screen({ ...r.query!, id: r.id });
  return { recordsPerSecond: rows.length / ((performance.now() - t) / 1000) };
}

/** The delta's sift alone over the last change of us_ofac_sdn, the way `how` says (see the head of this file). */
async function siftAlone(how: string): Promise<{ flagged: number; sievedTargets: number }> {
  const versions = [...(await store.versions('us_ofac_sdn'))].sort((a, b) => a.id - b.id).slice(-2);
  const diff = await store.diff('us_ofac_sdn', versions[0].id, versions[1].id);
  const resolution = await resolverFor(store).resolution();
  const live = await liveScreening(store);
  const targets = sieveTargets(diff, (id) => resolution.canonical(id), live);
  const monitor = Monitor.of(store);
  if (how === 'now') {
    const batches = live.batches();
    try {
      return { flagged: (await siftRecords(monitor, batches, live.slotsOf(new Set(targets.map((e) => e.id))))).length, sievedTargets: targets.length };
    } finally {
      await batches.close();
    }
  }
  if (how !== 'before') throw new Error(`sift before|now, not ${how}`);
  const engine = await loadEngine();
  const pool = await ScreeningPool.start(indexToBytes(Screener.build(targets, engine).index), defaultWorkerCount());
  let flagged = 0;
  try {
    for await (const chunk of monitor.recordChunks()) {
      const queries = chunk.map((r) => ({ ...(JSON.parse(r.query) as Omit<QueryEntity, 'id'>), id: r.ref }));
      await pool.screen(queries, { limit: 10, threshold: engine.defaultThreshold }, (_, batch) => (flagged += batch.filter((r) => r.band !== 'clear').length));
    }
  } finally {
    await pool.close();
  }
  return { flagged, sievedTargets: targets.length };
}

/**
 * Tops the alerts up to `target` (spread over five portfolios, statuses, bands, assignees and a year of
 * ages), then times filtered first pages and a deep page of GET /alerts as the web app asks for them.
 */
async function inbox(target: number): Promise<{ existing: number; added: number; pages: { label: string; total: number; p50: number; p95: number }[] }> {
  const db = dbOf(store);
  const existing = Number((await db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const portfolios = Array.from({ length: 5 }, (_, i) => ({ id: randomUUID(), name: `inbox-${i}`, created_at: new Date().toISOString(), created_by: 'bench', workspace: null }));
  await db.insertInto('portfolios').values(portfolios).execute();
  const statuses = ['open', 'open', 'open', 'in_review', 'false_positive', 'true_match', 'escalated'];
  const day = 86_400_000;
  const now = Date.now();
  const fill = Math.max(0, target - existing);
  for (let i = 0; i < fill; i += 500) {
    const chunk = Array.from({ length: Math.min(500, fill - i) }, (_, j) => {
      const n = i + j;
      const at = new Date(now - (n % 365) * day - n * 1000).toISOString();
      return { id: randomUUID(), portfolio_id: portfolios[n % 5].id, ref: `F${n}`, target_id: `us-ofac-sdn-${n % 9000}`, kind: 'new-hit', reason: 'matches a listed name', detail: '{"list":null}', score: 0.7 + (n % 30) / 100, band: n % 3 ? 'review' : 'match', status: statuses[n % statuses.length], assignee: n % 4 ? null : `user:analyst${n % 12}`, created_at: at, updated_at: at };
    });
    await db.insertInto('alerts').values(chunk).execute();
  }
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
    const out = [];
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
      out.push({ label, total, p50: pct(times, 0.5), p95: pct(times, 0.95) });
    }
    return { existing, added: fill, pages: out };
  } finally {
    await app.close();
  }
}
