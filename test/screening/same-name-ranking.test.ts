// Two or more listed people who share a name: the query's birth date and nationality decide the
// order, and the right one is among the candidates scored even when many people share the name.
import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../../src/model/entity.ts';
import { matcherEngine } from '../../src/screening/engine.ts';
import { Screener } from '../../src/screening/screener.ts';

const person = (id: string, name: string, extra: Record<string, string[]> = {}): FtmEntity => ({
  id,
  schema: 'Person',
  caption: name,
  datasets: ['test_list'],
  properties: { name: [name], topics: ['sanction'], ...extra },
});
const screen = (screener: Screener, properties: Record<string, string[]>) =>
  screener.screen({ id: 'q', schema: 'Person', properties } as never, { limit: 5, threshold: 0.72 }).results;

describe('people who share a name', () => {
  it('the one whose birth date and nationality agree comes first, even where both scores reach 1', () => {
    const screener = Screener.build(
      [person('a-1', 'KIM, Chol', { nationality: ['kp'] }), person('a-2', 'KIM, Chol', { birthDate: ['1968-03-02'], nationality: ['kp'] }), person('a-3', 'KIM, Chol')],
      matcherEngine,
    );
    expect(screen(screener, { name: ['Kim Chol'], birthDate: ['1968-03-02'] })[0].entity.id).toBe('a-2');
    expect(screen(screener, { name: ['Kim Chol'], nationality: ['kp'] }).map((r) => r.entity.id).slice(0, 2).sort()).toEqual(['a-1', 'a-2']);
    expect(screen(screener, { name: ['Kim Chol'], nationality: ['kp'], birthDate: ['1968'] })[0].entity.id).toBe('a-2');
  });

  it('finds the one born in the query year among sixty people of one name', () => {
    const many = Array.from({ length: 60 }, (_, i) => person(`b-${String(i).padStart(2, '0')}`, 'PAK, Song Il', { birthDate: [`${1930 + i}`] }));
    const screener = Screener.build(many, matcherEngine);
    const top = screen(screener, { name: ['Pak Song Il'], birthDate: ['1987-05-01'] })[0];
    expect(top.entity.id).toBe('b-57');
    expect(top.match).toBe(true);
  });
});
