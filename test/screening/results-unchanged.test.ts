// The matcher's speed work must not move a single result. This screens a sizeable real input (the
// OFAC SDN list of 2023-12-28 against 1,500 mangled list names, 1,500 people on no list, half with
// a birth year, and the public DPRK/Russia dev set), in the name order batches use, and compares a
// digest of every result (entity, score, rank, band, features and explanations) with the one saved
// in test/fixtures/screening/results-digest.json, made before the work. A change meant to move
// results (matcher quality) saves a new digest: UPDATE_RESULTS_DIGEST=1 npx vitest run <this file>.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { readScreeningInput } from '../../src/screening/batch-input.ts';
import { matcherEngine } from '../../src/screening/engine.ts';
import { nameOrder } from '../../src/screening/name-order.ts';
import type { QueryEntity } from '../../src/screening/query.ts';
import { briefResult, Screener } from '../../src/screening/screener.ts';
import { labelledQueries, syntheticPeople } from './helpers/evaluation.ts';
import { ofacSdnEntities } from './helpers/ofac.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/screening/results-digest.json', import.meta.url));
const DEV = fileURLToPath(new URL('../fixtures/screening/dprk_russia_dev.csv', import.meta.url));

it('screens 3,000+ real and synthetic queries against OFAC with results identical to the saved digest', async () => {
  const entities = await ofacSdnEntities();
  const screener = Screener.build(entities, matcherEngine);
  const dev = (await readScreeningInput(DEV, { map: { qid: 'id' } })).flatMap((r) => (r.query ? [r.query] : []));
  const queries: QueryEntity[] = [...labelledQueries(entities, 1500, 21).map((l) => l.query), ...syntheticPeople(1500, 22), ...dev];
  const options = { limit: 5, threshold: matcherEngine.defaultThreshold };
  const hash = createHash('sha256');
  let results = 0;
  let matches = 0;
  for (const at of nameOrder(queries)) {
    const outcome = screener.screen(queries[at], options);
    results += outcome.results.length;
    matches += outcome.results.filter((r) => r.match).length;
    hash.update(`${at}\t${JSON.stringify(outcome.results.map((r) => ({ ...briefResult(r), rank: r.rank, features: r.features })))}\n`);
  }
  const got = { queries: queries.length, results, matches, digest: hash.digest('hex') };
  if (process.env.UPDATE_RESULTS_DIGEST === '1') writeFileSync(FIXTURE, `${JSON.stringify(got, null, 2)}\n`);
  expect(got).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
}, 300_000);
