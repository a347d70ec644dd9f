// Scores a compliance officer can sign off: the contributions an explanation lists add up to the
// score it shows, and a conflicting birth date turns a full-name hit into a possible match (the
// review band, src/screening/bands.ts), never a clear and never a 0.97 match.
import { describe, expect, it } from 'vitest';
import { compareEntities } from '../../src/screening/compare.ts';

const person = (name: string, birthDate?: string, extra: Record<string, string[]> = {}) => ({
  schema: 'Person',
  properties: { name: [name], ...(birthDate ? { birthDate: [birthDate] } : {}), ...extra },
});
const sum = (r: { explanations: { weight: number }[] }) => Math.round(r.explanations.reduce((a, e) => a + e.weight, 0) * 1000) / 1000;

describe('explanations add up to the score', () => {
  it('for names with unmatched words, typos, dates, countries and identifiers', () => {
    const listed = person('MKRTYCHEV, Ashot Vardanovich', '1966-05-07', { nationality: ['am'], passportNumber: ['AB123456'] });
    const queries = [
      person('Ashot Mkrtychev', '1963'),
      person('Ashot Mkrtychev'),
      person('Ashott Mkrtichev', '1966', { nationality: ['ru'] }),
      person('Ashot Vardanovich Mkrtychev', '1966-05-07', { nationality: ['am'], passportNumber: ['AB123456'] }),
      person('Ashot Mkrtychev Sergeevich', '1966-07-05'),
    ];
    for (const q of queries) {
      const r = compareEntities(q, listed);
      expect(sum(r), JSON.stringify(q.properties)).toBeCloseTo(r.score, 3);
    }
  });
  it('for companies with legal forms and vessels with IMO numbers', () => {
    const pairs = [
      [{ schema: 'Company', properties: { name: ['Tatneft OAO'] } }, { schema: 'Company', properties: { name: ['Open Joint Stock Company Tatneft Named After V.D. Shashin'] } }],
      [{ schema: 'Vessel', properties: { name: ['Sparta IV'], imoNumber: ['9160994'] } }, { schema: 'Vessel', properties: { name: ['SPARTA II'], imoNumber: ['IMO 9160994'] } }],
      [{ schema: 'Vessel', properties: { name: ['Sparta II'], imoNumber: ['1234567'] } }, { schema: 'Vessel', properties: { name: ['SPARTA II'], imoNumber: ['IMO 9160994'] } }],
    ];
    for (const [q, c] of pairs) {
      const r = compareEntities(q, c);
      expect(sum(r)).toBeCloseTo(r.score, 3);
    }
  });
});

describe('a conflicting birth date on a full-name hit', () => {
  it('puts an exact name with another birth year in review, not clear and not match (Ashot Mkrtychev 1963 vs 1966)', () => {
    const r = compareEntities(person('Ashot Mkrtychev', '1963'), person('MKRTYCHEV, Ashot', '1966-05-07'));
    expect(r.match).toBe(false);
    expect(r.score).toBeGreaterThanOrEqual(0.6);
    expect(r.features?.name).toBe(1);
    expect(r.explanations.find((e) => e.feature === 'birthDate.mismatch')?.weight).toBeLessThan(0);
  });
  it('does not mark a made-up Sergei Ivanov 1980-01-01 as the listed Sergei Sergeevich Ivanov born 1980-10-23', () => {
    const r = compareEntities(person('Sergei Ivanov', '1980-01-01'), person('IVANOV, Sergei Sergeevich', '1980-10-23'));
    expect(r.match).toBe(false);
    expect(r.score).toBeGreaterThanOrEqual(0.55);
  });
  it('keeps agreeing, partial, swapped and one-figure-off dates a match', () => {
    const listed = person('MKRTYCHEV, Ashot', '1966-05-07');
    for (const d of ['1966-05-07', '1966', '1966-07-05', '1966-05-08', '1967']) expect(compareEntities(person('Ashot Mkrtychev', d), listed).match, d).toBe(true);
  });
});
