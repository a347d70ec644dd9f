// bench:auth: what access control and the screening audit trail cost a screening server (issue 13).
//   npm run bench:auth [-- --rate 200 --seconds 20 --batch-seconds 10 --rounds 2 --rate-store memory|database]
// Imports the bundled lists into a throwaway SQLite store (or uses INTERDICT_DB, which it writes keys and
// audit records to) and serves them twice in one process:
// (a) the screening routes alone, recording nothing (the baseline); (b) the whole server with an API
// key on every request, the rate limiter (counting in memory, or with --rate-store database in the
// database's rate_limits table, as replicas on PostgreSQL do), and an audit record written before each answer. Each gets
// POST /match/default at a fixed rate from a load generator thread (p50/p95/p99), then batches of 100
// queries from two closed-loop clients (rows/s), alternating, in rounds. Writes its section of docs/BENCHMARKS.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { AuditTrail } from '../src/access/audit.ts';
import { loadConfig } from '../src/config.ts';
import { freshness } from '../src/ingest/freshness.ts';
import { downstreamReader } from '../src/resolve/service.ts';
import { buildApp } from '../src/server/app.ts';
import { installErrorHandler } from '../src/server/errors.ts';
import { screeningRoutes } from '../src/server/routes/screening.ts';
import { snapshotDirFor } from '../src/graph/snapshot.ts';
import { MAX_QUERIES_PER_REQUEST } from '../src/screening/limits.ts';
import { ScreeningService } from '../src/screening/service.ts';
import { openStore } from '../src/store/open.ts';
import { SqlStore } from '../src/store/sql-store.ts';
import { labelledQueries } from '../test/screening/helpers/evaluation.ts';
import { apiKey } from '../test/support/credentials.ts';
import { loadGenerator, type Load } from './load.ts';
import { machine, table, writeSection } from './report.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RATE = arg('rate', 200);
const SECONDS = arg('seconds', 20);
const BATCH_SECONDS = arg('batch-seconds', 10);
const ROUNDS = arg('rounds', 2);
const WARM_UP_SECONDS = 5;
const RATE_STORE = args.includes('--rate-store') ? args[args.indexOf('--rate-store') + 1] : 'memory';
const log = (m: string) => process.stderr.write(`${m}\n`);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

/** Two clients, each sending its next batch when the last is answered, for `seconds`: rows answered a second. */
function batchLoad(url: string, bodies: string[], rows: number, seconds: number, headers: Record<string, string>): Promise<{ rowsPerSecond: number; errors: number }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const http = require('node:http');
    const { url, bodies, seconds, headers } = workerData;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
    const end = performance.now() + seconds * 1000;
    let answered = 0, errors = 0, running = 2, i = 0;
    const send = () => {
      if (performance.now() >= end) { if (--running === 0) { agent.destroy(); parentPort.postMessage({ answered, errors, elapsed: seconds + (performance.now() - end) / 1000 }); } return; }
      const body = bodies[i++ % bodies.length];
      const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => { if (res.statusCode === 200) answered++; else errors++; send(); });
      });
      req.on('error', () => { errors++; send(); });
      req.end(body);
    };
    send(); send();
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { url, bodies, seconds, headers } });
    worker.once('error', reject);
    worker.once('message', ({ answered, errors, elapsed }: { answered: number; errors: number; elapsed: number }) => {
      void worker.terminate();
      resolve({ rowsPerSecond: (answered * rows) / elapsed, errors });
    });
  });
}

interface Figures {
  single: Load;
  batch: { rowsPerSecond: number; errors: number };
}

async function measure(name: string, address: string, singles: string[], batches: string[], headers: Record<string, string>): Promise<Figures> {
  await loadGenerator(`${address}/match/default`, singles, RATE, WARM_UP_SECONDS, headers);
  const single = await loadGenerator(`${address}/match/default`, singles, RATE, SECONDS, headers);
  log(`${name}: ${single.sent} requests at ${RATE}/s: p50 ${ms(single.p50)} ms, p95 ${ms(single.p95)} ms, p99 ${ms(single.p99)} ms, max ${ms(single.max)} ms, ${single.errors} errors`);
  const batch = await batchLoad(`${address}/match/default`, batches, MAX_QUERIES_PER_REQUEST, BATCH_SECONDS, headers);
  log(`${name}: batches of ${MAX_QUERIES_PER_REQUEST}: ${Math.round(batch.rowsPerSecond)} rows/s, ${batch.errors} errors`);
  return { single, batch };
}

async function main() {
  const host = machine(); // its load average is the one at the start
  const tmp = mkdtempSync(join(tmpdir(), 'interdict-bench-auth-'));
  // Limits as deployed, but high enough that one key at this rate is never refused: the limiter's cost counts.
  const config = { ...loadConfig({ INTERDICT_LOG_LEVEL: 'warn', INTERDICT_RATE_LIMIT_STORE: RATE_STORE }), sqlitePath: process.env.INTERDICT_DB ?? join(tmp, 'bench.db'), databaseUrl: null, loadBundled: true, rateLimitPerMinute: 1_000_000 };
  const store = await openStore(config);
  // As `interdict serve` runs it: WAL checkpoints in a worker thread, off the requests' commits.
  if (store instanceof SqlStore) store.checkpointInBackground();
  try {
    const full = await buildApp(config, store, { logger: false });
    const started = performance.now();
    await full.prepare(log);
    log(`bundled lists imported and served in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const fullAddress = await full.app.listen({ host: '127.0.0.1', port: 0 });

    // The baseline: the same routes and index (read back from the snapshot the full server saved), no access, no audit.
    const screening = new ScreeningService(downstreamReader(store), { snapshotDir: snapshotDirFor(config), freshness: (v) => freshness(v, config.staleAfterDays) });
    await screening.start();
    const bare = Fastify({ bodyLimit: 5 * 1024 * 1024 });
    installErrorHandler(bare);
    await bare.register(async (api) => screeningRoutes(api, { config, store, screening }));
    const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 });

    const entities = (await screening.screener()).index.entities;
    const queries = labelledQueries(entities, 5_000, 21).map((l) => ({ schema: l.query.schema, properties: l.query.properties }));
    const singles = queries.slice(0, 500).map((q) => JSON.stringify({ queries: { q1: q } }));
    const batches: string[] = [];
    for (let i = 0; i + MAX_QUERIES_PER_REQUEST <= queries.length; i += MAX_QUERIES_PER_REQUEST) {
      batches.push(JSON.stringify({ queries: Object.fromEntries(queries.slice(i, i + MAX_QUERIES_PER_REQUEST).map((q, j) => [`row${i + j}`, q])) }));
    }
    const key = await apiKey(store, 'viewer');
    const before = (await AuditTrail.of(store).head()).seq;

    // Two rounds, alternating, so a busy spell on the shared machine shows as a difference between rounds.
    const rounds: [Figures, Figures][] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const base = await measure(`round ${round}, baseline (no key, no audit)`, bareAddress, singles, batches, {});
      const guarded = await measure(`round ${round}, API key + rate limit + audit`, fullAddress, singles, batches, { authorization: `ApiKey ${key}` });
      rounds.push([base, guarded]);
    }
    const audit = AuditTrail.of(store);
    const records = (await audit.head()).seq - before;
    const verifyStart = performance.now();
    const verified = await audit.verify();
    const verifyMs = performance.now() - verifyStart;
    const losses = rounds.map(([base, guarded]) => `${(100 * (1 - guarded.batch.rowsPerSecond / base.batch.rowsPerSecond)).toFixed(1)} %`);
    await bare.close();
    await screening.close();
    await full.app.close();

    const row = (name: string, f: Figures) => [name, `${ms(f.single.p50)} / ${ms(f.single.p95)} / ${ms(f.single.p99)} ms (max ${ms(f.single.max)})`, f.single.errors, `${Math.round(f.batch.rowsPerSecond).toLocaleString('en')} rows/s`, f.batch.errors];
    writeSection(
      'auth',
      `## Access and audit (\`npm run bench:auth\`)

${new Date().toISOString().slice(0, 10)}, ${host}, ${loadavg()[0].toFixed(1)} at the end.
POST /match/default, one query a request at ${RATE} requests/s for ${SECONDS} s (after ${WARM_UP_SECONDS} s of warm-up),
then batches of ${MAX_QUERIES_PER_REQUEST} queries from two closed-loop clients for ${BATCH_SECONDS} s; the same index
and process for both; request counts for the rate limiter kept in ${RATE_STORE === 'database' ? 'the database (`rate_limits`, one upsert a request)' : 'memory'}.
Goals: p99 ≤ 20 ms with key and audit; batch loss ≤ 10 %.

${table(
  ['round, server', 'one query: p50 / p95 / p99', 'errors', 'batches', 'errors'],
  rounds.flatMap(([base, guarded], i) => [row(`${i + 1}, screening routes alone (no key, no audit)`, base), row(`${i + 1}, API key, rate limiter, audit record before each answer`, guarded)]),
)}

- Batch loss with key and audit, by round: ${losses.join(', ')}.
- Audit records written: ${records.toLocaleString('en')} (one per request, a batch of ${MAX_QUERIES_PER_REQUEST} is one record); the whole chain verified in ${(verifyMs / 1000).toFixed(1)} s: ${verified.ok ? 'ok' : `${verified.problems.length} problems`}.`,
    );
  } finally {
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
