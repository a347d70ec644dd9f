// The CSV reader's fast path for plain lines (no quotes, no spaces to trim) must read every line
// exactly as csv-parse does with the options the reader uses; any other line goes to csv-parse.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { plainCsvFields } from '../../src/screening/batch-input.ts';
import { seededRandom } from './helpers/evaluation.ts';

const csvParse = (line: string) => (parse(line, { relax_quotes: false, relax_column_count: true, trim: true }) as string[][])[0] ?? [];

describe('plain CSV lines are read as csv-parse reads them', () => {
  it('takes the fast path for ordinary rows, with the same fields', () => {
    for (const line of ['r1,Person,Diego Haddad,1970', 'r2,Company,ACME TRADING LLC,', ',,,', 'c9,Person,Kim Jong-un,1984-01-08,kp', 'x,Person,Łukasz Żółć,', 'a']) {
      const fields = plainCsvFields(line);
      expect(fields, line).toBeDefined();
      expect(fields).toEqual(csvParse(line));
    }
  });

  it('leaves quoted fields and fields with spaces at their edges to csv-parse', () => {
    for (const line of ['1,Person,"Kim, Jong Un",1984', '1,Person, Kim Jong Un ,1984', '1,Person,Kim\t,', '1,\u00a0Kim,', 'c5,Person,Broken "quote" row,1970']) {
      expect(plainCsvFields(line), line).toBeUndefined();
    }
  });

  it('agrees with csv-parse on 20,000 random lines of letters, spaces, tabs, commas and quotes', () => {
    const random = seededRandom(17);
    const alphabet = ['a', 'Z', 'é', '1', '-', "'", ' ', ' ', '\t', '\u00a0', '\u3000', ',', ',', ',', '"', '.', '=', 'Ж'];
    let fast = 0;
    for (let n = 0; n < 20_000; n++) {
      const length = 1 + Math.floor(random() * 24);
      let line = '';
      for (let i = 0; i < length; i++) line += alphabet[Math.floor(random() * alphabet.length)];
      const fields = plainCsvFields(line);
      if (!fields) continue;
      fast++;
      expect(fields, JSON.stringify(line)).toEqual(csvParse(line));
    }
    expect(fast).toBeGreaterThan(1000);
  });
});
