// The screening pool's threads give whole results (ScreeningPool.scored, read by fromScoredJson) equal to
// this thread's screener's: the same entities, scores, bands, features, ranks and explanations. A batch
// screener (monitor/service.ts) has its hits screened so, not again in its own thread.
import { describe, expect, it } from 'vitest';
import { matcherEngine } from '../../src/screening/engine.ts';
import { indexToBytes } from '../../src/screening/index-snapshot.ts';
import { ScreeningPool } from '../../src/screening/pool.ts';
import { fromScoredJson, Screener } from '../../src/screening/screener.ts';
import { labelledQueries } from './helpers/evaluation.ts';
import { ofacSdnEntities } from './helpers/ofac.ts';

describe('whole results from the screening threads', () => {
  it('are those of this thread, entity for entity', async () => {
    const subset = (await ofacSdnEntities()).filter((e) => ['Person', 'Organization', 'Vessel'].includes(e.schema)).slice(0, 1500);
    const screener = Screener.build(subset, matcherEngine);
    const queries = labelledQueries(subset, 400, 7).map((l) => l.query);
    const options = { limit: 5, threshold: matcherEngine.defaultThreshold };
    const pool = await ScreeningPool.start(indexToBytes(screener.index), 2);
    try {
      const texts = await pool.scored(queries, options);
      const entities = new Map(screener.index.entities.map((e) => [e.id, e]));
      const here = queries.map((q) => screener.screen(q, options).results);
      // Results with features, so that dropping them on the way would show.
      expect(here.filter((r) => r.some((x) => Object.keys(x.features).length)).length).toBeGreaterThan(100);
      expect(texts.map((t) => fromScoredJson(t, entities))).toEqual(here);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
