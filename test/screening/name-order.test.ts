// Queries screened in name order reuse the name scores of the query before them with the same names
// (compare.ts, prepareQuery): every answer must be the one the query gets on its own, whatever its
// other details, under both algorithms.
import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../../src/model/entity.ts';
import { matcherEngine } from '../../src/screening/engine.ts';
import { nameOrder } from '../../src/screening/name-order.ts';
import type { QueryEntity } from '../../src/screening/query.ts';
import { Screener, screenedJson } from '../../src/screening/screener.ts';
import { seededRandom, syntheticPeople } from './helpers/evaluation.ts';

const random = seededRandom(31);
const listed: FtmEntity[] = syntheticPeople(600, 21).map((q, i) => ({
  id: `p-${i}`,
  schema: 'Person',
  caption: q.properties.name[0],
  datasets: ['test_list'],
  properties: { ...q.properties, nationality: [random() < 0.5 ? 'kp' : 'ru'], topics: ['sanction'] },
}));
// Each name three times over, with other details: as a customer file names one person again.
const queries: QueryEntity[] = [];
for (const [i, q] of syntheticPeople(150, 22).entries()) {
  const name = i % 3 === 0 ? listed[i].properties.name : q.properties.name;
  queries.push({ id: `q${i}a`, schema: 'Person', properties: { name } });
  queries.push({ id: `q${i}b`, schema: 'Person', properties: { name, birthDate: [String(1950 + (i % 40))] } });
  queries.push({ id: `q${i}c`, schema: 'Person', properties: { name, nationality: ['kp'], birthDate: listed[i].properties.birthDate ?? ['1970'] } });
}
// Other names that meet candidates (a listed surname): screened before a query, it leaves nothing to reuse.
const unrelated: QueryEntity = { id: 'u', schema: 'Person', properties: { name: [`Quokka ${listed[599].properties.name[0].split(' ').pop()}`] } };

describe('screening in name order', () => {
  const screener = Screener.build(listed, matcherEngine);
  for (const algorithm of ['interdict-v1', 'interdict-v2']) {
    it(`gives every query the answer it gets alone (${algorithm})`, () => {
      const options = { limit: 5, threshold: 0.72, algorithm };
      // Each query on its own, after other names, and scored without any memo (weights given, none changed).
      const alone = queries.map((q) => {
        expect(screener.screen(unrelated, options).results.length).toBeGreaterThan(0);
        return screenedJson(screener.screen(q, { ...options, weights: {} }).results).json;
      });
      const order = nameOrder(queries);
      let neighbours = 0;
      for (let k = 1; k < order.length; k++) if (queries[order[k]].properties.name === queries[order[k - 1]].properties.name) neighbours++;
      expect(neighbours).toBe(300);
      const inOrder: string[] = new Array(queries.length);
      for (const at of order) inOrder[at] = screenedJson(screener.screen(queries[at], options).results).json;
      expect(inOrder).toEqual(alone);
      expect(alone.filter((json) => json !== '[]').length).toBeGreaterThan(200);
    });
  }

  it('orders by name within windows, each window after the one before', () => {
    const order = nameOrder(queries, 100);
    expect([...order].sort((a, b) => a - b)).toEqual(queries.map((_, i) => i));
    for (let w = 0; w < queries.length; w += 100) {
      const part = order.slice(w, w + 100);
      expect(Math.min(...part)).toBe(w);
      expect(Math.max(...part)).toBe(Math.min(queries.length, w + 100) - 1);
    }
  });
});
