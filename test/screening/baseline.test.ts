import { describe, expect, it } from 'vitest';
import { jaroWinkler, soundex, TreasuryBaseline } from './helpers/baseline.ts';

describe('Treasury-style baseline (bench:screen comparison)', () => {
  it('computes Jaro–Winkler as published (Winkler 1990 examples)', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 3);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
  });

  it('computes American Soundex', () => {
    expect(['Robert', 'Rupert', 'Rubin', 'Ashcraft', 'Tymczak', 'Pfister', 'Honeyman'].map(soundex)).toEqual(['R163', 'R163', 'R150', 'A261', 'T522', 'P236', 'H555']);
  });

  it('scans every name: finds a reordered Latin name, misses Hangul (no transliteration)', () => {
    const b = new TreasuryBaseline([
      { id: 'k', schema: 'Person', properties: { name: ['KIM, Jong Un'] } },
      { id: 'v', schema: 'Vessel', properties: { name: ['KIM JONG UN'] } },
    ]);
    expect(b.screen({ id: 'q', schema: 'Person', properties: { name: ['Jong Un Kim'] } })).toEqual([
      { entity: expect.objectContaining({ id: 'k' }), score: 1, match: true },
    ]);
    expect(b.screen({ id: 'q', schema: 'Person', properties: { name: ['김정은'] } })).toEqual([]);
  });
});
