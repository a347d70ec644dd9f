// `npm run bench:xref`: cross-reference of every bundled list on a copy of the bundled database, and
// the screening index built from resolved entities against the one from the records. Prints a
// Markdown table.
//
// Targets (issue 12): xref of all bundled lists (≈ 17,000 targets) ≤ 60 s and ≤ 1 GB on 2 cores;
// rebuilding the screening index with resolved entities stays within docs/BENCHMARKS.md.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../src/store/open.ts';
import { Resolver } from '../src/resolve/service.ts';
import { loadScreenableEntities } from '../src/screening/service.ts';
import { Screener } from '../src/screening/screener.ts';
import { matcherEngine } from '../src/screening/engine.ts';
import { buildBundledDb } from '../test/support/bundled-db.ts';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

const dir = mkdtempSync(join(tmpdir(), 'interdict-bench-xref-'));
const sqlitePath = join(dir, 'db.sqlite');
copyFileSync(await buildBundledDb(), sqlitePath);
const store = await openStore({ databaseUrl: null, sqlitePath });
const rows: [string, string, string][] = [];
try {
  const resolver = new Resolver(store);
  let t = performance.now();
  const report = await resolver.xref();
  const xrefSeconds = (performance.now() - t) / 1000;
  const xrefPeak = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  rows.push(['records cross-referenced', String(report.targets), '≈ 17,000']);
  rows.push(['candidate pairs', String(report.candidates), '']);
  rows.push(['decided / waiting / flagged', `${report.decided} / ${report.waiting} / ${report.flagged}`, '']);
  rows.push(['machine merges (same judgements)', String(report.merged), '']);
  rows.push(['xref wall time (candidates and judgements)', `${xrefSeconds.toFixed(1)} s`, '≤ 60 s']);
  rows.push(['peak resident memory', `${mb(xrefPeak)} MB`, '≤ 1024 MB']);

  const resolution = await resolver.resolution();
  rows.push(['resolved targets with more than one record', String(resolution.clusters().size), '']);
  t = performance.now();
  const records = await loadScreenableEntities(store);
  const recordsLoad = performance.now() - t;
  t = performance.now();
  Screener.build(records, matcherEngine);
  const recordsBuild = performance.now() - t;
  t = performance.now();
  const resolved = await loadScreenableEntities(await resolver.reader());
  const resolvedLoad = performance.now() - t;
  t = performance.now();
  Screener.build(resolved, matcherEngine);
  const resolvedBuild = performance.now() - t;
  rows.push(['screening index: records (load + build)', `${records.length} entities, ${(recordsLoad / 1000).toFixed(1)} + ${(recordsBuild / 1000).toFixed(1)} s`, '']);
  rows.push(['screening index: resolved (load + build)', `${resolved.length} entities, ${(resolvedLoad / 1000).toFixed(1)} + ${(resolvedBuild / 1000).toFixed(1)} s`, 'within docs/BENCHMARKS.md']);
} finally {
  clearInterval(sampler);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`\n## bench:xref (${new Date().toISOString().slice(0, 10)}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})\n`);
console.log('| measure | value | target |');
console.log('|---|---|---|');
for (const [m, v, target] of rows) console.log(`| ${m} | ${v} | ${target} |`);
