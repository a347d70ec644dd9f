// bench:edits: POST /match/default latency at rest and while analysts write claims, in one run.
//   npm run bench:edits [-- --seconds 10 --rate 100 --edits 10]
// A private copy of the bundled lists database (test/support/bundled-db.ts), the screening index and
// the graph built and listening for live changes as in the server; a load generator thread sends
// /match at a fixed rate for `seconds` at rest, then for `seconds` again while this thread writes
// `edits` analyst claims (Store.addStatements, one claim each, spread over the window: alternately a
// new person and an alias on a listed entity). Issue 10: an edit must not stall /match.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadGenerator, pct, type Load as HttpLoad } from './load.ts';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.ts';
import { GraphService } from '../src/graph/service.ts';
import { installErrorHandler } from '../src/server/errors.ts';
import { screeningRoutes } from '../src/server/routes/screening.ts';
import { ScreeningService } from '../src/screening/service.ts';
import { openStore } from '../src/store/open.ts';
import { labelledQueries } from '../test/screening/helpers/evaluation.ts';
import { buildBundledDb, copyOfBundledDb } from '../test/support/bundled-db.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 10);
const RATE = arg('rate', 100);
const EDITS = arg('edits', 10);
/** `--no-graph`: the screening index alone listens (to tell its cost from the graph's). */
const GRAPH = !args.includes('--no-graph');
const log = (m: string) => process.stderr.write(`${m}\n`);
const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

interface Load extends HttpLoad {
  /** The longest the event loop was blocked meanwhile. */
  blockedMs?: number;
}

/** The load, with the longest event-loop block on this thread meanwhile. */
async function measured(load: Promise<Load>): Promise<Load> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const result = await load;
  delay.disable();
  return { ...result, blockedMs: delay.max / 1e6 };
}

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'interdict-bench-edits-'));
  const store = await openStore({ databaseUrl: null, sqlitePath: copyOfBundledDb(await buildBundledDb(), join(tmp, 'bench.db')) });
  const screening = new ScreeningService(store, { subscribe: (fn) => store.onLiveChange(fn), log });
  const graph = new GraphService(store);
  const detach = GRAPH ? graph.attach(store) : () => undefined;
  try {
    await screening.ready();
    await graph.graph();
    const index = (await screening.screener()).index;
    const listed = index.entities.filter((e) => e.target && e.schema !== 'Person').slice(0, EDITS);
    const bodies = labelledQueries(index.entities, 500, 7).map((l) => JSON.stringify({ queries: { q1: { schema: l.query.schema, properties: l.query.properties } } }));

    const app = Fastify({ bodyLimit: 5 * 1024 * 1024 });
    installErrorHandler(app);
    await app.register(async (api) => screeningRoutes(api, { config: loadConfig(), store, screening }));
    const url = `${await app.listen({ host: '127.0.0.1', port: 0 })}/match/default`;
    await loadGenerator(url, bodies, RATE, 2); // warm-up

    const rest = await measured(loadGenerator(url, bodies, RATE, SECONDS));
    log(`at rest: p50 ${ms(rest.p50)} ms, p99 ${ms(rest.p99)} ms, max ${ms(rest.max)} ms`);

    const editTimes: number[] = [];
    const during = measured(loadGenerator(url, bodies, RATE, SECONDS));
    const source = { sourceDocument: 'bench:edits', evidenceGrade: 'reported' as const };
    for (let i = 0; i < EDITS; i++) {
      await new Promise((resolve) => setTimeout(resolve, (SECONDS * 1000) / (EDITS + 1)));
      const t = performance.now();
      const draft = i % 2 === 0 || !listed[i]
        ? { entityId: `bench-edit-person-${i}`, schema: 'Person', prop: 'name', value: `PAK Chol Jin ${String.fromCharCode(65 + (i % 26))}`, ...source }
        : { entityId: listed[i].id, schema: listed[i].schema, prop: 'alias', value: `Bench Trading ${i}`, ...source };
      await store.addStatements('analyst_notes', [draft], 'bench');
      editTimes.push(performance.now() - t);
    }
    const edited = await during;
    await screening.settled();
    await graph.settled();
    const g = await graph.graph();
    log(`during ${EDITS} edits: p50 ${ms(edited.p50)} ms, p99 ${ms(edited.p99)} ms, max ${ms(edited.max)} ms`);
    await app.close();

    const taken = await screening.match('all', { queries: { q: { schema: 'Person', properties: { name: ['PAK Chol Jin A'] } } } });
    const row = (name: string, l: Load) => `| ${name} | ${ms(l.p50)} | ${ms(l.p99)} | ${ms(l.max)} | ${ms(l.blockedMs ?? NaN)} | ${l.errors} of ${l.sent} |`;
    console.log(`\n### /match/default while analysts write (${RATE} requests/s, ${SECONDS} s each, ${EDITS} edits${GRAPH ? '' : ', graph not listening'})\n`);
    console.log('| window | p50 ms | p99 ms | max ms | longest event-loop block ms | errors |');
    console.log('|---|---|---|---|---|---|');
    console.log(row('at rest', rest));
    console.log(row(`during ${EDITS} analyst edits`, edited));
    editTimes.sort((a, b) => a - b);
    console.log(`\nOne edit (addStatements): p50 ${ms(pct(editTimes, 0.5))} ms, max ${ms(editTimes[editTimes.length - 1] ?? NaN)} ms. ` +
      `Index: ${screening.stats().entities} entities, last change taken in ${screening.stats().buildMs} ms; /match/all finds the first edit: ${taken.responses.q.results[0]?.id === 'bench-edit-person-0'}; graph ${g.nodeCount} nodes.`);
  } finally {
    detach();
    await screening.close();
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
