// Prints precision, recall and F1 per category for a labelled pairs file
// (`schema,name1,name2,is_match,note[,category]`), at the default threshold or --threshold T.
//   node --import tsx test/eval/pairs.ts [FILE...] [--threshold 0.72] [--misses] [--sweep]
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { compareEntities, DEFAULT_THRESHOLD } from '../../src/screening/compare.ts';

export interface PairRow {
  schema: string;
  name1: string;
  name2: string;
  is_match: string;
  note?: string;
  category?: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function readPairs(file: string): PairRow[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as PairRow[];
}

export function scorePair(r: PairRow): number {
  return compareEntities({ schema: r.schema, properties: { name: [r.name1] } }, { schema: r.schema, properties: { name: [r.name2] } }).score;
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function evaluate(rows: PairRow[], threshold = DEFAULT_THRESHOLD, scores = rows.map(scorePair)) {
  const byCat = new Map<string, Counts>();
  const total: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const misses: string[] = [];
  rows.forEach((r, i) => {
    const gold = r.is_match === 'true';
    const pred = scores[i] >= threshold;
    const cat = r.category || r.schema;
    const c = byCat.get(cat) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    byCat.set(cat, c);
    const k = pred ? (gold ? 'tp' : 'fp') : gold ? 'fn' : 'tn';
    c[k]++;
    total[k]++;
    if (pred !== gold) misses.push(`${gold ? 'FN' : 'FP'} ${scores[i].toFixed(3)} [${cat}] ${r.name1} ~ ${r.name2}${r.note ? ` (${r.note})` : ''}`);
  });
  return { byCat, total, misses };
}

function main(): void {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--') && !/^[0-9.]+$/.test(a));
  const ti = args.indexOf('--threshold');
  const threshold = ti >= 0 ? Number(args[ti + 1]) : DEFAULT_THRESHOLD;
  const rows = (files.length ? files : [new URL('./pairs.csv', import.meta.url).pathname]).flatMap(readPairs);
  const t0 = performance.now();
  const scores = rows.map(scorePair);
  const ms = performance.now() - t0;
  const { byCat, total, misses } = evaluate(rows, threshold, scores);
  console.log(`threshold ${threshold}; ${rows.length} pairs in ${ms.toFixed(0)} ms`);
  const fmt = (name: string, c: Counts) => {
    const { p, r, f1 } = prf(c);
    const pos = c.tp + c.fn;
    const neg = c.fp + c.tn;
    const f = (x: number) => x.toFixed(3);
    return `${name.padEnd(24)} pos ${String(pos).padStart(5)} neg ${String(neg).padStart(5)}  P ${pos ? f(p) : '  -  '}  R ${pos ? f(r) : '  -  '}  F1 ${pos ? f(f1) : '  -  '}  FP ${c.fp}/${neg}`;
  };
  for (const [cat, c] of [...byCat].sort()) console.log(fmt(cat, c));
  console.log(fmt('ALL', total));
  if (args.includes('--misses')) for (const m of misses) console.log(m);
  if (args.includes('--sweep')) {
    for (let t = 0.6; t <= 0.86; t += 0.02) console.log(`t=${t.toFixed(2)} F1 ${prf(evaluate(rows, t, scores).total).f1.toFixed(3)}`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
