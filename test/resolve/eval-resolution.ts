// Pairwise precision and recall of the merges in force after `xref` (default threshold) plus the
// shipped analyst judgements, against the gold pairs of DPRK-regime records of OFAC, UN and UK
// (test/resolve/gold-dprk.csv; how it was made: test/resolve/GOLD.md).
// Run: node --import tsx test/resolve/eval-resolution.ts
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { Resolver } from '../../src/resolve/service.ts';
import { SHIPPED_DIR } from '../../src/resolve/shipped.ts';
import { Components, pairKey } from '../../src/resolve/judgements.ts';
import type { Resolution } from '../../src/resolve/resolution.ts';
import { buildBundledDb } from '../support/bundled-db.ts';

const gold = readFileSync(new URL('./gold-dprk.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [left, right, same] = line.split(',');
    return { left, right, same: same === '1' };
  });

const universe = [...new Set(gold.flatMap((g) => [g.left, g.right]))].sort();
const truth = new Components();
for (const g of gold) if (g.same) truth.union(g.left, g.right);
const goldPairs = new Set<string>();
const predictedPairs = (r: Resolution) => {
  const out = new Set<string>();
  for (let i = 0; i < universe.length; i++)
    for (let j = i + 1; j < universe.length; j++) if (r.isMerged(universe[i]) && r.canonical(universe[i]) === r.canonical(universe[j])) out.add(pairKey(universe[i], universe[j]));
  return out;
};
for (let i = 0; i < universe.length; i++)
  for (let j = i + 1; j < universe.length; j++) if (truth.has(universe[i]) && truth.find(universe[i]) === truth.find(universe[j])) goldPairs.add(pairKey(universe[i], universe[j]));

function score(label: string, r: Resolution) {
  const predicted = predictedPairs(r);
  const hits = [...predicted].filter((p) => goldPairs.has(p)).length;
  const precision = predicted.size ? hits / predicted.size : 1;
  const recall = goldPairs.size ? hits / goldPairs.size : 1;
  console.log(`${label}: predicted ${predicted.size} pairs, gold ${goldPairs.size}, correct ${hits}: precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`);
  for (const p of predicted) if (!goldPairs.has(p)) console.log(`  false merge: ${p.replace('\u0000', ' ~ ')}`);
  return { precision, recall };
}

const dir = mkdtempSync(join(tmpdir(), 'interdict-eval-resolve-'));
const sqlitePath = join(dir, 'db.sqlite');
copyFileSync(await buildBundledDb(), sqlitePath);
const store = await openStore({ databaseUrl: null, sqlitePath });
try {
  const resolver = new Resolver(store);
  console.log(`gold: ${universe.length} records, ${gold.length} labelled pairs (${gold.filter((g) => g.same).length} same), ${goldPairs.size} same pairs after closure`);
  const report = await resolver.xref();
  console.log(`xref: ${JSON.stringify(report)}`);
  score('xref alone', await resolver.resolution());
  const analysts = join(SHIPPED_DIR, 'analysts.jsonl');
  const imported = await resolver.importJudgements(readFileSync(analysts, 'utf8'), analysts);
  console.log(`shipped analyst judgements: ${JSON.stringify(imported)}`);
  score('xref + shipped judgements', await resolver.resolution());
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
