// Pairwise precision and recall of the merges in force after `xref` (default threshold), then with
// the shipped analyst judgements, against the gold pairs of OFAC, UN and UK records
// (test/resolve/gold-*.csv; how they were made: test/resolve/GOLD.md).
// Run: node --import tsx test/resolve/eval-resolution.ts [--misses]
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { Resolver } from '../../src/resolve/service.ts';
import { SHIPPED_DIR } from '../../src/resolve/shipped.ts';
import { Components, pairKey } from '../../src/resolve/judgements.ts';
import type { Resolution } from '../../src/resolve/resolution.ts';
import { buildBundledDb } from '../support/bundled-db.ts';

const readGold = (file: string) =>
  readFileSync(new URL(file, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [left, right, same] = line.split(',');
      return { left, right, same: same === '1' };
    });
// The DPRK-regime pairs, and pairs of the kinds xref missed (acronyms, translated and renamed
// organisations, people with no shared identifier), with near pairs that are different targets.
const golds = { dprk: readGold('./gold-dprk.csv'), kinds: readGold('./gold-kinds.csv') };

/** Gold pairs after closure over a gold file's records. */
function goldOf(gold: { left: string; right: string; same: boolean }[]) {
  const universe = [...new Set(gold.flatMap((g) => [g.left, g.right]))].sort();
  const truth = new Components();
  for (const g of gold) if (g.same) truth.union(g.left, g.right);
  const pairs = new Set<string>();
  for (let i = 0; i < universe.length; i++)
    for (let j = i + 1; j < universe.length; j++) if (truth.has(universe[i]) && truth.find(universe[i]) === truth.find(universe[j])) pairs.add(pairKey(universe[i], universe[j]));
  return { universe, pairs, labelled: gold.length, same: gold.filter((g) => g.same).length };
}

function score(label: string, r: Resolution) {
  for (const [name, gold] of Object.entries(golds)) {
    const { universe, pairs: goldPairs } = goldOf(gold);
    const predicted = new Set<string>();
    for (let i = 0; i < universe.length; i++)
      for (let j = i + 1; j < universe.length; j++) if (r.isMerged(universe[i]) && r.canonical(universe[i]) === r.canonical(universe[j])) predicted.add(pairKey(universe[i], universe[j]));
    const hits = [...predicted].filter((p) => goldPairs.has(p)).length;
    const precision = predicted.size ? hits / predicted.size : 1;
    const recall = goldPairs.size ? hits / goldPairs.size : 1;
    console.log(`${label} [${name}]: predicted ${predicted.size} pairs, gold ${goldPairs.size}, correct ${hits}: precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`);
    for (const p of predicted) if (!goldPairs.has(p)) console.log(`  false merge: ${p.replace('\u0000', ' ~ ')}`);
    if (process.argv.includes('--misses')) for (const p of goldPairs) if (!predicted.has(p)) console.log(`  missed: ${p.replace('\u0000', ' ~ ')}`);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'interdict-eval-resolve-'));
const sqlitePath = join(dir, 'db.sqlite');
copyFileSync(await buildBundledDb(), sqlitePath);
const store = await openStore({ databaseUrl: null, sqlitePath });
try {
  const resolver = new Resolver(store);
  for (const [name, gold] of Object.entries(golds)) {
    const g = goldOf(gold);
    console.log(`gold [${name}]: ${g.universe.length} records, ${g.labelled} labelled pairs (${g.same} same), ${g.pairs.size} same pairs after closure`);
  }
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
