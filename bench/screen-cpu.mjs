// CPU a row of `interdict screen`'s matching on one thread, for A/B runs of two builds under load
// (wall time on a shared machine is noise; a thread's CPU time is close to what the work costs):
//   node --no-allocation-site-pretenuring bench/screen-cpu.mjs ROOT SNAPSHOT_DIR INPUT.csv
// ROOT is a checkout with a built dist/ (this one, or main's); SNAPSHOT_DIR holds the
// `screening-cli-*.v8` index a run of `interdict screen` saved beside its database (ROOT's own: a
// snapshot's format may change with the code); INPUT is a CSV as `interdict screen` reads it (the
// mix bench:screen writes). The distinct queries are screened in the batch's name order, as a
// worker screens them; the digest of every result's JSON shows whether two builds agree.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [root, snapshots, input] = process.argv.slice(2).map((p) => resolve(p));
if (!input) throw new Error('usage: bench/screen-cpu.mjs ROOT SNAPSHOT_DIR INPUT.csv');
const load = (module) => import(join(root, 'dist', module));
const { loadEngine } = await load('screening/engine.js');
const { indexFromBytes } = await load('screening/index-snapshot.js');
const { readScreeningInput } = await load('screening/batch-input.js');
const { nameOrder } = await load('screening/name-order.js');
const { Screener, screenedJson } = await load('screening/screener.js');

const cpuMs = (since) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};
const engine = await loadEngine();
const file = readdirSync(snapshots).find((f) => f.startsWith('screening-cli-') && f.endsWith('.v8'));
if (!file) throw new Error(`no screening-cli-*.v8 in ${snapshots}: run interdict screen once first`);
const read = process.cpuUsage();
const index = indexFromBytes(readFileSync(join(snapshots, file)), engine);
const readMs = cpuMs(read);
const distinct = new Map();
for (const row of await readScreeningInput(input, {})) if (row.query) distinct.set(JSON.stringify([row.query.schema, row.query.properties]), row.query);
const queries = [...distinct.values()];
const screener = new Screener(index, engine);
const digest = createHash('sha256');
const started = process.cpuUsage();
for (const at of nameOrder(queries)) digest.update(screenedJson(screener.screen(queries[at], { limit: 5, threshold: engine.defaultThreshold }).results).json);
const ms = cpuMs(started);
console.log(`${queries.length} distinct queries: ${ms.toFixed(0)} CPU-ms, ${((1000 * ms) / queries.length).toFixed(1)} µs a query (reading the index ${readMs.toFixed(0)} ms); results digest ${digest.digest('hex').slice(0, 16)}`);
