// interdict-v2, the learned combination (src/screening/learned.ts): selectable beside v1, its
// explanation's contributions add up to the score it shows (issue 18), the bands keep their
// meaning, and people who share a name are ordered by their other details.
import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../../src/model/entity.ts';
import { resolveAlgorithm } from '../../src/screening/algorithms.ts';
import { bandOf } from '../../src/screening/bands.ts';
import { compareEntities, DEFAULT_THRESHOLD } from '../../src/screening/compare.ts';
import { matcherEngine } from '../../src/screening/engine.ts';
import { Screener } from '../../src/screening/screener.ts';
import weights from '../../src/screening/weights/interdict-v2.json' with { type: 'json' };
import { NAME_FEATURES } from '../../src/screening/features/names.ts';

const v2 = { algorithm: 'interdict-v2' };
const person = (name: string, extra: Record<string, string[]> = {}) => ({ schema: 'Person', properties: { name: [name], ...extra } });
const sum = (r: { explanations: { weight: number }[] }) => Math.round(r.explanations.reduce((a, e) => a + e.weight, 0) * 1000) / 1000;

describe('interdict-v2', () => {
  it('is selectable by name and scores differently from interdict-v1, which stays the default', () => {
    expect(resolveAlgorithm('interdict-v2')).toBe('interdict-v2');
    const q = person('Ashott Mkrtichev');
    const listed = person('MKRTYCHEV, Ashot Vardanovich');
    const one = compareEntities(q, listed);
    expect(compareEntities(q, listed, { algorithm: 'interdict-v1' })).toEqual(one);
    expect(compareEntities(q, listed, { algorithm: 'logic-v2' })).toEqual(one);
    const two = compareEntities(q, listed, v2);
    expect(two.score).not.toBe(one.score);
    expect(two.explanations.some((e) => e.feature === 'model.baseline')).toBe(true);
  });

  it('lists each feature contribution, and they add up to the score shown', () => {
    const listed = person('MKRTYCHEV, Ashot Vardanovich', { birthDate: ['1966-05-07'], nationality: ['am'], passportNumber: ['AB123456'] });
    const queries = [
      person('Ashot Mkrtychev', { birthDate: ['1963'] }),
      person('Ashot Mkrtychev'),
      person('Ashott Mkrtichev', { birthDate: ['1966'], nationality: ['ru'] }),
      person('Ashot Vardanovich Mkrtychev', { birthDate: ['1966-05-07'], nationality: ['am'], passportNumber: ['AB123456'] }),
      person('Vardan Ashotovich Petrosyan'),
    ];
    for (const q of queries) {
      const r = compareEntities(q, listed, v2);
      expect(sum(r), JSON.stringify(q.properties)).toBeCloseTo(r.score, 3);
      // Every contribution names a feature of the model or a detail, with a sentence.
      for (const e of r.explanations.filter((x) => x.weight !== 0)) expect(e.detail.length, e.feature).toBeGreaterThan(10);
    }
    const full = compareEntities(queries[3], listed, v2);
    for (const f of ['name.logit', 'birthDate.exact', 'country.match', 'identifier.match']) expect(full.explanations.some((e) => e.feature === f && e.weight > 0), f).toBe(true);
  });

  it('keeps the bands: an exact name with another birth date is review, a different person is clear', () => {
    const listed = person('PRIGOZHIN, Yevgeniy Viktorovich', { birthDate: ['1961-06-01'] });
    const exact = compareEntities(person('Yevgeniy Viktorovich Prigozhin'), listed, v2);
    expect(exact.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    const otherYear = compareEntities(person('Yevgeniy Viktorovich Prigozhin', { birthDate: ['1975'] }), listed, v2);
    expect(bandOf(otherYear, DEFAULT_THRESHOLD)).toBe('review');
    const other = compareEntities(person('Sergei Viktorovich Lavrov'), listed, v2);
    expect(bandOf(other, DEFAULT_THRESHOLD)).toBe('clear');
  });

  it('orders people who share a name by birth date and nationality', () => {
    const entity = (id: string, name: string, extra: Record<string, string[]>): FtmEntity => ({
      id,
      schema: 'Person',
      caption: name,
      datasets: ['test_list'],
      properties: { name: [name], topics: ['sanction'], ...extra },
    });
    const screener = Screener.build([entity('a-1', 'KIM, Chol', { nationality: ['kp'] }), entity('a-2', 'KIM, Chol', { birthDate: ['1968-03-02'], nationality: ['kp'] }), entity('a-3', 'KIM, Chol', {})], matcherEngine);
    const top = screener.screen({ id: 'q', schema: 'Person', properties: { name: ['Kim Chol'], birthDate: ['1968-03-02'] } } as never, { limit: 5, threshold: 0.72, algorithm: 'interdict-v2' }).results;
    expect(top[0].entity.id).toBe('a-2');
  });

  it('was trained on the features the matcher measures, with its training data described', () => {
    expect(weights.features).toEqual([...NAME_FEATURES]);
    expect(weights.training.split).toMatch(/no name is on both sides/);
    expect(Object.keys(weights.metrics)).toContain('name_pairs_dev.csv test');
  });
});
