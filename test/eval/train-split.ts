// The split of the labelled pairs into the rows interdict-v2 is trained on and the rows it is
// judged on (test/eval/train.ts, pairs-compare.ts). Rows are joined into groups wherever two rows
// share a normalised name, so an entry's aliases, its similar-named neighbours and every pair they
// appear in fall on one side: no name is on both. A group is test when the FNV-1a hash of
// SPLIT_SEED and its smallest name falls in the first TEST_SHARE of the hash range.
import { readPairs, type PairRow } from './pairs.ts';

export const SPLIT_SEED = 'interdict-v2/1';
export const TEST_SHARE = 0.3;

/** The labelled files, with what they are. */
export const SOURCES: [string, string][] = [
  ['pairs.csv', 'generated from the bundled OFAC SDN and UN lists and romanization tables (make-pairs.ts)'],
  ['name_pairs_dev.csv', 'public: half of the nomenklatura name-matching benchmark cases (MIT)'],
  ['pairs_dev.csv', 'public development pairs given with issue 3'],
];

export const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** `true` for each row on the test side. */
export function testSide(rows: Pick<PairRow, 'name1' | 'name2'>[], seed = SPLIT_SEED, share = TEST_SHARE): boolean[] {
  const parent = new Map<string, string>();
  const find = (a: string): string => {
    let p = parent.get(a) ?? a;
    if (p !== a) parent.set(a, (p = find(p)));
    return p;
  };
  for (const r of rows) {
    const ra = find(norm(r.name1));
    const rb = find(norm(r.name2));
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  return rows.map((r) => fnv(seed + find(norm(r.name1))) / 2 ** 32 < share);
}

/** Every labelled row of SOURCES with its file and side. */
export function labelledRows(): (PairRow & { source: string; test: boolean })[] {
  const rows = SOURCES.flatMap(([file]) => readPairs(new URL(file, import.meta.url).pathname).map((r) => ({ ...r, source: file, test: false })));
  testSide(rows).forEach((t, i) => (rows[i].test = t));
  return rows;
}

/** The normalised names of the training side. */
export function trainingNames(): Set<string> {
  const out = new Set<string>();
  for (const r of labelledRows()) if (!r.test) out.add(norm(r.name1)).add(norm(r.name2));
  return out;
}
