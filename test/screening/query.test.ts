import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/model/errors.ts';
import { parseDate, parseQuery } from '../../src/screening/query.ts';

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).field;
  }
  throw new Error('expected a ValidationError');
}

describe('screening query validation', () => {
  it('cleans a yente example: trims, collapses spaces, NFC, lower-case countries, strings from numbers', () => {
    const q = parseQuery(
      { schema: 'Vessel', properties: { name: ['  SPARTA   II '], imoNumber: [9160994], flag: 'RU' } },
      'queries.q1',
      'q1',
    );
    expect(q).toEqual({ id: 'q1', schema: 'Vessel', properties: { name: ['SPARTA II'], imoNumber: ['9160994'], flag: ['ru'] } });
  });

  it('builds a name from name parts when no name is given', () => {
    const q = parseQuery({ schema: 'Person', properties: { firstName: ['Jong Un'], lastName: ['Kim'] } }, 'q', 'q');
    expect(q.properties.name).toEqual(['Jong Un Kim']);
  });

  it('rejects bad input naming the field', () => {
    const person = (properties: Record<string, unknown>) => () => parseQuery({ schema: 'Person', properties }, 'queries.q1', 'q1');
    expect(fieldOf(person({ name: ['   '] }))).toBe('queries.q1.properties.name[0]');
    expect(fieldOf(person({ name: [''] }))).toBe('queries.q1.properties.name[0]');
    expect(fieldOf(person({ name: ['x'.repeat(10_240)] }))).toBe('queries.q1.properties.name[0]');
    expect(fieldOf(person({ name: ['Kim\u0000Jong'] }))).toBe('queries.q1.properties.name[0]');
    expect(fieldOf(person({ name: ['Kim\nJong'] }))).toBe('queries.q1.properties.name[0]');
    expect(fieldOf(person({ name: ['\ud800abc'] }))).toBe('queries.q1.properties.name[0]');
    expect(fieldOf(person({ name: ['---'] }))).toBe('queries.q1.properties.name[0]');
    expect(fieldOf(person({ name: ['Kim'], imoNumber: ['9160994'] }))).toBe('queries.q1.properties.imoNumber');
    expect(fieldOf(person({ name: [{ x: 1 }] }))).toBe('queries.q1.properties.name[0]');
    expect(fieldOf(person({ name: Array(51).fill('Kim') }))).toBe('queries.q1.properties.name');
    expect(fieldOf(person({ nationality: ['kp'] }))).toBe('queries.q1.properties.name');
    expect(fieldOf(() => parseQuery({ schema: 'Persn', properties: { name: ['Kim'] } }, 'queries.q1', 'q1'))).toBe('queries.q1.schema');
    expect(fieldOf(() => parseQuery({ schema: 'Address', properties: { full: ['x'] } }, 'queries.q1', 'q1'))).toBe('queries.q1.schema');
    expect(fieldOf(() => parseQuery({ properties: { name: ['Kim'] } }, 'queries.q1', 'q1'))).toBe('queries.q1.schema');
    expect(fieldOf(() => parseQuery('Kim', 'queries.q1', 'q1'))).toBe('queries.q1');
  });

  it('accepts an identifier alone, and skips blank optional values', () => {
    const q = parseQuery({ schema: 'Vessel', properties: { imoNumber: ['IMO 8807416'], buildDate: [''] } }, 'q', 'q');
    expect(q.properties).toEqual({ imoNumber: ['IMO 8807416'] });
  });

  it('parses FtM date prefixes and drops a time part', () => {
    expect(parseDate('1984', 'd')).toBe('1984');
    expect(parseDate('1984-01', 'd')).toBe('1984-01');
    expect(parseDate('2024-02-29', 'd')).toBe('2024-02-29');
    expect(parseDate('1984-01-08T00:00:00Z', 'd')).toBe('1984-01-08');
    expect(() => parseDate('2023-02-29', 'd')).toThrow(ValidationError);
    expect(() => parseDate('1984-13', 'd')).toThrow(ValidationError);
    expect(() => parseDate('circa 1960', 'd')).toThrow(/not a valid date/);
  });
});
