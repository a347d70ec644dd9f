// Quality floors on the project's own labelled pairs (test/eval/pairs.csv, made by
// test/eval/make-pairs.ts from the bundled lists and independent romanization tables) and the
// blocking guarantee of nameKeys on them.
import { describe, expect, it } from 'vitest';
import { keyMisses } from '../eval/keys-recall.ts';
import { evaluate, prf, readPairs } from '../eval/pairs.ts';

const rows = readPairs(new URL('../eval/pairs.csv', import.meta.url).pathname);

describe('labelled pairs (test/eval/pairs.csv)', () => {
  const { byCat, total } = evaluate(rows);
  it('has thousands of pairs in every category the issue names', () => {
    expect(rows.length).toBeGreaterThan(5000);
    for (const c of ['hangul', 'cyrillic', 'han', 'arabic', 'mangled-person', 'mangled-org', 'vessel', 'legal-form', 'similar-listed-person'])
      expect(byCat.has(c), c).toBe(true);
  });
  it('reaches F1 ≥ 0.95 overall at the default threshold', () => {
    expect(prf(total).f1).toBeGreaterThanOrEqual(0.95);
  });
  it.each([
    ['hangul', 0.97],
    ['cyrillic', 0.97],
    ['han', 0.93],
    ['arabic', 0.95],
    ['mangled-person', 0.96],
    ['mangled-org', 0.96],
    ['vessel', 0.97],
    ['legal-form', 0.97],
  ])('category %s has F1 ≥ %s', (cat, floor) => {
    expect(prf(byCat.get(cat)!).f1).toBeGreaterThanOrEqual(floor);
  });
  it('marks at most 3% of hard negatives (different listed people and companies with similar names)', () => {
    for (const c of ['similar-listed-person', 'similar-listed-org', 'unrelated']) {
      const k = byCat.get(c)!;
      expect(k.fp / (k.fp + k.tn), c).toBeLessThanOrEqual(0.03);
    }
  });
  it('every pair marked a match shares a blocking key (candidate generation loses nothing)', () => {
    const sample = rows.filter((_, i) => i % 3 === 0);
    const { matched, misses } = keyMisses(sample);
    expect(matched).toBeGreaterThan(1500);
    expect(misses.map((m) => `${m.name1} ~ ${m.name2}`)).toEqual([]);
  });
});
