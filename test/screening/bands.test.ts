// match / review / clear (src/screening/bands.ts) and lenient reading of dates (query.ts).
import { describe, expect, it } from 'vitest';
import { bandOf, queryBand, reasonOf, REVIEW_THRESHOLD, STRONG_NAME } from '../../src/screening/bands.ts';
import { parseQuery, readDate } from '../../src/screening/query.ts';

describe('bands', () => {
  it('match at the threshold, review between the two thresholds, clear below', () => {
    expect(bandOf({ score: 0.72 }, 0.72)).toBe('match');
    expect(bandOf({ score: REVIEW_THRESHOLD }, 0.72)).toBe('review');
    expect(bandOf({ score: 0.5, features: { name: 0.6 } }, 0.72)).toBe('clear');
  });

  it('a near-exact name pulled down by a conflicting detail is review, however low the score', () => {
    expect(bandOf({ score: 0.2, features: { name: 1 } }, 0.72)).toBe('review');
    expect(bandOf({ score: 0.2, features: { name: STRONG_NAME } }, 0.72)).toBe('review');
  });

  it('a query takes its best band; the reason names the name and what counted against', () => {
    expect(queryBand(['clear', 'review'])).toBe('review');
    expect(queryBand([])).toBe('clear');
    const reason = reasonOf('review', 0.69, [
      { feature: 'name.exact', weight: 1, detail: "query name 'Ashot Mkrtychev' met listed name 'MKRTYCHEV, Ashot'" },
      { feature: 'birthDate.mismatch', weight: -0.25, detail: 'birth dates differ' },
    ]);
    expect(reason).toBe("review 0.69: query name 'Ashot Mkrtychev' met listed name 'MKRTYCHEV, Ashot'; birth dates differ (-0.25)");
  });
});

describe('lenient dates', () => {
  const read = (v: string) => {
    const warnings: string[] = [];
    return { value: readDate(v, 'queries.q.properties.birthDate[0]', warnings), warnings };
  };
  it.each([
    ['1969-7-16', '1969-07-16', /read as 1969-07-16/],
    ['1951-7-19', '1951-07-19', /read as 1951-07-19/],
    ['1974-01-32', '1974-01', /no such day/],
    ['1974-13-01', '1974', /no such month/],
    ['16/07/1969', '1969', /ambiguous/],
    ['circa 1960', '1960', /only the year/],
    ['unknown', null, /left out/],
  ])('%s → %s, with a warning naming it', (input, value, why) => {
    const r = read(input);
    expect(r.value).toBe(value);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain(`birthDate "${input}"`);
    expect(r.warnings[0]).toMatch(why);
  });

  it('an exact date gives no warning; the query keeps everything else', () => {
    expect(read('1984-01-08')).toEqual({ value: '1984-01-08', warnings: [] });
    const warnings: string[] = [];
    const q = parseQuery({ schema: 'Person', properties: { name: ['Saddam Hussein'], birthDate: ['1937-4-28'], nationality: ['IQ'] } }, 'q', 'q', warnings);
    expect(q.properties).toEqual({ name: ['Saddam Hussein'], birthDate: ['1937-04-28'], nationality: ['iq'] });
    expect(warnings).toHaveLength(1);
  });

  it('any other unreadable value is left out and named; only a record without a usable name (or identifier) is refused', () => {
    const warnings: string[] = [];
    const q = parseQuery({ schema: 'Person', properties: { name: ['Kim Jong Un', '---'], passportNumber: ['x'.repeat(600)], nationality: ['kp'] } }, 'q', 'q', warnings);
    expect(q.properties).toEqual({ name: ['Kim Jong Un'], nationality: ['kp'] });
    expect(warnings).toEqual([expect.stringMatching(/^q\.properties\.passportNumber\[0\]: is too long .*; left out$/), expect.stringMatching(/^q\.properties\.name\[1\]: must contain letters or digits; left out$/)]);
    expect(() => parseQuery({ schema: 'Person', properties: { name: ['---'], birthDate: ['1960'] } }, 'q', 'q', [])).toThrow(/q\.properties\.name\[0\]: must contain letters or digits/);
  });
});
