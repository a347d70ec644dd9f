// `npm run bench:graph`: the graph on a synthetic network of 1 million relationships plus the real
// OFAC SDN list (2023-12-28) and the DPRK–Russia case file. Prints a Markdown table.
//
// Targets (issue 4): load ≤ 10 s, shortest path ≤ 200 ms, 3-hop exposure ≤ 50 ms,
// 2-hop neighbourhood capped at 500 nodes ≤ 50 ms.
//
// Options: BENCH_RELATIONSHIPS (default 1000000), BENCH_QUERIES (default 50), BENCH_NO_LISTS=1.
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { GraphBuilder } from '../src/graph/build.ts';
import { exposure } from '../src/graph/exposure.ts';
import { neighbourhood } from '../src/graph/neighbourhood.ts';
import { kShortestPaths, shortestPath } from '../src/graph/paths.ts';
import type { Graph } from '../src/graph/graph.ts';
import { EVIDENCE_GRADES } from '../src/model/grades.ts';
import type { Statement } from '../src/model/statement.ts';
import { collect } from '../src/sources/collect.ts';
import { ofacSdnCsv } from '../src/sources/ofac/csv.ts';
import { statementsCsv } from '../src/sources/statements/statements-csv.ts';
import { readTransfersCsv } from '../src/sources/transfers/csv.ts';
import type { StatementDraft } from '../src/model/statement.ts';

const RELATIONSHIPS = Number(process.env.BENCH_RELATIONSHIPS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 50);
const NODES = Math.round(RELATIONSHIPS / 2);

/** Deterministic PRNG (mulberry32) so runs compare. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function stmt(entityId: string, schema: string, prop: string, value: string, dataset: string, versionId: number, grade = 'official'): Statement {
  return {
    id: '',
    entityId,
    canonicalId: entityId,
    schema,
    prop,
    value,
    lang: null,
    originalValue: null,
    locator: null,
    claimDate: null,
    evidenceGrade: grade as Statement['evidenceGrade'],
    sourceDocument: null,
    dataset,
    versionId,
    reviewStatus: 'unreviewed',
    firstSeen: '2024-01-01',
    lastSeen: '2024-01-01',
    author: 'import',
  };
}

function bind(drafts: StatementDraft[], dataset: string, versionId: number): Statement[] {
  const out = drafts.map((d) => ({ ...stmt(d.entityId, d.schema, d.prop, d.value, dataset, versionId, d.evidenceGrade ?? 'official'), sourceDocument: d.sourceDocument ?? null, locator: d.locator ?? null, claimDate: d.claimDate ?? null }));
  return out.sort((a, b) => (a.canonicalId < b.canonicalId ? -1 : a.canonicalId > b.canonicalId ? 1 : 0));
}

/** The synthetic network: companies and people, a few hubs, 2 % designated, four link types. */
function* synthetic(): Generator<Statement> {
  const rand = rng(42);
  const ds = 'synthetic';
  for (let i = 0; i < NODES; i++) {
    const id = `syn-${i}`;
    const schema = i % 3 === 0 ? 'Person' : 'Company';
    yield stmt(id, schema, 'name', `Entity ${i}`, ds, 100);
    if (rand() < 0.02) yield stmt(id, schema, 'topics', 'sanction', ds, 100);
  }
  const kinds = [
    ['Ownership', 'owner', 'asset'],
    ['UnknownLink', 'subject', 'object'],
    ['Directorship', 'director', 'organization'],
    ['Associate', 'person', 'associate'],
  ] as const;
  for (let r = 0; r < RELATIONSHIPS; r++) {
    const id = `syn-rel-${r}`;
    const [schema, a, b] = kinds[r % kinds.length];
    // Skewed choice of ends: some entities collect many links, as list hubs do.
    const from = Math.floor(rand() ** 2 * NODES);
    const to = Math.floor(rand() * NODES);
    const grade = EVIDENCE_GRADES[Math.floor(rand() * 4)];
    yield stmt(id, schema, a, `syn-${from}`, ds, 100, grade);
    yield stmt(id, schema, b, `syn-${to}`, ds, 100, grade);
    if (schema === 'Ownership') yield stmt(id, schema, 'percentage', String(1 + Math.floor(rand() * 99)), ds, 100, grade);
  }
}

function stats(samples: number[]): { median: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

async function main(): Promise<void> {
  const lists: Statement[] = [];
  if (process.env.BENCH_NO_LISTS !== '1') {
    const dir = 'data/us_ofac_sdn/2023-12-28/';
    const ofac = await collect(ofacSdnCsv, [`${dir}sdn.csv.gz`, `${dir}add.csv.gz`, `${dir}alt.csv.gz`]);
    for (const st of bind(ofac.statements, 'us_ofac_sdn', 1)) lists.push(st);
    const kase = (await collect(statementsCsv, ['data/case_dprk_russia/statements.csv'], 'case_dprk_russia')).statements;
    for await (const s of readTransfersCsv('data/case_dprk_russia/transfers.csv')) kase.push(s);
    for (const st of bind(kase, 'case_dprk_russia', 2)) lists.push(st);
  }
  global.gc?.();
  const before = process.memoryUsage();
  const cpu0 = process.cpuUsage();
  const [g, loadMs] = time(() => {
    const builder = new GraphBuilder();
    for (const s of lists) builder.add(s);
    for (const s of synthetic()) builder.add(s);
    return builder.finish();
  });
  const loadCpuMs = process.cpuUsage(cpu0).user / 1000;
  lists.length = 0;
  global.gc?.();
  const after = process.memoryUsage();
  const heapMb = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1e6;

  const rand = rng(7);
  const pick = () => g.indexOf(`syn-${Math.floor(rand() * NODES)}`);
  const all = g.compile();
  const rows: [string, string, string, string, string][] = [];
  const row = (name: string, target: string, samples: number[], note = '') => {
    const s = stats(samples);
    rows.push([name, `${s.median.toFixed(1)} ms`, `${s.p95.toFixed(1)} ms`, target, note]);
  };

  const sp: number[] = [];
  let found = 0;
  for (let i = 0; i < QUERIES; i++) {
    const [p, ms] = time(() => shortestPath(g, pick(), pick(), all, 8));
    sp.push(ms);
    if (p) found++;
  }
  row('shortest path, random pairs, maxHops 8', '≤ 200 ms', sp, `${found}/${QUERIES} pairs connected`);

  const k3: number[] = [];
  for (let i = 0; i < Math.min(QUERIES, 20); i++) k3.push(time(() => kShortestPaths(g, pick(), pick(), all, 5, 3))[1]);
  row('3 shortest paths (Yen), random pairs, maxHops 5', '—', k3);

  const ex: number[] = [];
  let hits = 0;
  for (let i = 0; i < QUERIES; i++) {
    const [r, ms] = time(() => exposure(g, pick(), 3, all));
    ex.push(ms);
    hits += r.hits.length;
  }
  row('exposure, 3 hops (with the 50 % rule)', '≤ 50 ms', ex, `${(hits / QUERIES).toFixed(0)} designated per query on average`);

  const nb: number[] = [];
  for (let i = 0; i < QUERIES; i++) nb.push(time(() => neighbourhood(g, pick(), 2, 500, all))[1]);
  row('neighbourhood, 2 hops, capped at 500 nodes', '≤ 50 ms', nb);

  const rim = g.indexOf('us-ofac-sdn-44294');
  const wagner = g.indexOf('us-ofac-sdn-22543');
  if (rim >= 0 && wagner >= 0) {
    const real: number[] = [];
    for (let i = 0; i < 10; i++) real.push(time(() => kShortestPaths(g, rim, wagner, all, 4, 3))[1]);
    row('RIM → WAGNER, 3 shortest paths (real lists + case file)', '—', real);
  }

  const out: string[] = [];
  out.push(`Graph: ${g.nodeCount.toLocaleString('en')} nodes, ${g.edgeCount.toLocaleString('en')} edges (${RELATIONSHIPS.toLocaleString('en')} synthetic relationships${process.env.BENCH_NO_LISTS === '1' ? '' : ' + OFAC SDN 2023-12-28 + case file'}); Node ${process.version}.`);
  out.push('');
  out.push('| measure | median | p95 | target | note |');
  out.push('|---|---|---|---|---|');
  out.push(`| graph load (build from statements) | ${(loadMs / 1000).toFixed(2)} s | — | ≤ 10 s | CPU ${(loadCpuMs / 1000).toFixed(2)} s; ~${heapMb.toFixed(0)} MB held after build; load average ${loadavg()[0].toFixed(1)} |`);
  for (const r of rows) out.push(`| ${r.join(' | ')} |`);
  console.log(out.join('\n'));
  void (g as Graph);
}

await main();
