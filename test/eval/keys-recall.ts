// Checks the blocking guarantee of nameKeys on a labelled pairs file: every pair that
// compareEntities scores at or above the threshold must share at least one key.
//   node --import tsx test/eval/keys-recall.ts [FILE...]
import { nameKeys } from '../../src/names/keys.ts';
import { nameKindOf } from '../../src/names/tokens.ts';
import { compareEntities } from '../../src/screening/compare.ts';
import { readPairs, type PairRow } from './pairs.ts';

export function keyMisses(rows: PairRow[]): { matched: number; misses: PairRow[] } {
  let matched = 0;
  const misses: PairRow[] = [];
  for (const r of rows) {
    const res = compareEntities({ schema: r.schema, properties: { name: [r.name1] } }, { schema: r.schema, properties: { name: [r.name2] } });
    if (!res.match) continue;
    matched++;
    const kind = nameKindOf(r.schema);
    const a = new Set(nameKeys(r.name1, [kind]));
    if (!nameKeys(r.name2, [kind]).some((k) => a.has(k))) misses.push(r);
  }
  return { matched, misses };
}

if (process.argv[1]?.endsWith('keys-recall.ts')) {
  const files = process.argv.slice(2);
  const rows = (files.length ? files : [new URL('./pairs.csv', import.meta.url).pathname, new URL('./pairs_dev.csv', import.meta.url).pathname]).flatMap(readPairs);
  const { matched, misses } = keyMisses(rows);
  console.log(`pairs marked a match: ${matched}; sharing no blocking key: ${misses.length} (recall ${((100 * (matched - misses.length)) / matched).toFixed(2)}%)`);
  for (const m of misses.slice(0, 20)) console.log('  ', m.name1, '~', m.name2);
}
