// Precision, recall and F1 per category for labelled pairs files: interdict-v2 (the learned
// combination) beside interdict-v1 (hand-set) and, if given, a previous tree's matcher
// (its src/screening/compare.ts, default algorithm), with the threshold sweep of each.
// Rows test/eval/train.ts trained v2 on are marked: `--held-out` scores only the others.
//   node --import tsx test/eval/pairs-compare.ts FILE... [--previous DIR] [--misses]
import { join } from 'node:path';
import { compareEntities, DEFAULT_THRESHOLD } from '../../src/screening/compare.ts';
import { evaluate, prf, readPairs, type Counts, type PairRow } from './pairs.ts';
import { norm, trainingNames } from './train-split.ts';

type Compare = typeof compareEntities;

function scores(compare: Compare, rows: PairRow[], algorithm?: string): number[] {
  return rows.map((r) => compare({ schema: r.schema, properties: { name: [r.name1] } }, { schema: r.schema, properties: { name: [r.name2] } }, { algorithm }).score);
}

const f = (x: number) => x.toFixed(3);
const cell = (c: Counts | undefined) => {
  if (!c) return ''.padEnd(27);
  const { p, r, f1 } = prf(c);
  return c.tp + c.fn ? `${f(p)} ${f(r)} ${f(f1)} ${String(c.fp).padStart(3)}fp` : `  -     -     -   ${String(c.fp).padStart(3)}fp`;
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--previous');
  const previousDir = at >= 0 ? args[at + 1] : undefined;
  const files = args.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  const previous: { compareEntities: Compare; DEFAULT_THRESHOLD: number } | undefined = previousDir
    ? await import(join(previousDir, 'src/screening/compare.ts'))
    : undefined;
  const trained = trainingNames();
  for (const file of files) {
    const all = readPairs(file);
    const heldOut = all.filter((r) => !trained.has(norm(r.name1)) && !trained.has(norm(r.name2)));
    const rows = args.includes('--held-out') ? heldOut : all;
    const v2 = scores(compareEntities, rows, 'interdict-v2');
    const v1 = scores(compareEntities, rows, 'interdict-v1');
    const before = previous ? scores(previous.compareEntities, rows) : undefined;
    const cur = evaluate(rows, DEFAULT_THRESHOLD, v2);
    const one = evaluate(rows, DEFAULT_THRESHOLD, v1);
    const old = before && previous ? evaluate(rows, previous.DEFAULT_THRESHOLD, before) : undefined;
    console.log(`\n${file.split('/').pop()}: ${rows.length} pairs${args.includes('--held-out') ? ' not trained on' : ` (${all.length - heldOut.length} trained on by v2)`}; threshold ${DEFAULT_THRESHOLD}${previous ? ` (previous ${previous.DEFAULT_THRESHOLD})` : ''}`);
    console.log(`${'category'.padEnd(28)} ${'pos'.padStart(5)} ${'neg'.padStart(5)}  ${'v2: P      R     F1    FP'.padEnd(28)}${'v1: P      R     F1    FP'.padEnd(28)}${previous ? 'previous: P R     F1    FP' : ''}`);
    const cats = [...new Set([...cur.byCat.keys()])].sort();
    for (const cat of [...cats, 'ALL']) {
      const c = cat === 'ALL' ? cur.total : cur.byCat.get(cat)!;
      const w = cat === 'ALL' ? one.total : one.byCat.get(cat);
      const o = old ? (cat === 'ALL' ? old.total : old.byCat.get(cat)) : undefined;
      console.log(`${cat.slice(0, 28).padEnd(28)} ${String(c.tp + c.fn).padStart(5)} ${String(c.fp + c.tn).padStart(5)}  ${cell(c)} ${cell(w)} ${old ? cell(o) : ''}`);
    }
    const sweep: string[] = [];
    for (let t = 0.6; t <= 0.861; t += 0.02) {
      const a = prf(evaluate(rows, t, v2).total).f1;
      const b = prf(evaluate(rows, t, v1).total).f1;
      const c = before ? prf(evaluate(rows, t, before).total).f1 : undefined;
      sweep.push(`${t.toFixed(2)}: ${f(a)}/${f(b)}${c !== undefined ? `/${f(c)}` : ''}`);
    }
    console.log(`sweep, F1 at threshold (v2/v1${before ? '/previous' : ''}): ${sweep.join('  ')}`);
    if (args.includes('--misses')) for (const m of cur.misses) console.log('  ' + m);
  }
}

await main();
