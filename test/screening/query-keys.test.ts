// A query's blocking keys when the query before it had the same names (CandidateIndex reuses their
// keys): each query must still get exactly its own keys, its birth years and identifiers included.
import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../../src/model/entity.ts';
import { CandidateIndex, type QueryKeys } from '../../src/screening/candidate-index.ts';
import { matcherEngine } from '../../src/screening/engine.ts';
import type { QueryEntity } from '../../src/screening/query.ts';

const LISTED: FtmEntity[] = [
  { id: 'p1', schema: 'Person', properties: { name: ['KIM, Jong Un'], birthDate: ['1984-01-08'] } },
  { id: 'c1', schema: 'Company', properties: { name: ['KOREA KWANGSON BANKING CORP'] } },
  { id: 'v1', schema: 'Vessel', properties: { name: ['SPARTA II'], imoNumber: ['IMO9160994'] } },
];

const query = (schema: string, properties: Record<string, string[]>): QueryEntity => ({ id: '', schema, properties });

/** The keys as plain arrays, to compare by value. */
const plain = (keys: QueryKeys) => keys.map(({ keys: list, factor }) => ({ factor, hashes: [...list.hashes], families: [...list.families] }));

describe('CandidateIndex.queryKeys after a query with the same names', () => {
  it('gives each query the keys a fresh index gives it', () => {
    // In name order: one name with other birth dates, identifiers and schemata side by side.
    const queries = [
      query('Person', { name: ['Kim Jong-un'], birthDate: ['1970-05-01'] }),
      query('Person', { name: ['Kim Jong-un'], birthDate: ['1984-01-08'] }),
      query('Person', { name: ['Kim Jong-un'] }),
      query('Person', { name: ['Kim Jong-un'], birthDate: ['1984'], idNumber: ['A123456'] }),
      query('LegalEntity', { name: ['Kim Jong-un'] }),
      query('Company', { name: ['Kim Jong-un'] }),
      query('Company', { name: ['Kim Jong-un'], registrationNumber: ['1027700132195'] }),
      query('Company', { name: ['Kim Jong-un', 'Korea Kwangson'] }),
      query('Vessel', { name: ['Sparta II'], imoNumber: ['IMO9160994'] }),
      query('Vessel', { name: ['Sparta II'] }),
    ];
    const index = CandidateIndex.build(LISTED, matcherEngine);
    const inTurn = queries.map((q) => plain(index.queryKeys(q, matcherEngine)));
    const alone = queries.map((q) => plain(CandidateIndex.build(LISTED, matcherEngine).queryKeys(q, matcherEngine)));
    expect(inTurn).toEqual(alone);
    // The cases differ where they should: a birth year, an identifier and a schema each change the keys.
    expect(inTurn[0]).not.toEqual(inTurn[1]);
    expect(inTurn[1]).not.toEqual(inTurn[2]);
    expect(inTurn[4]).not.toEqual(inTurn[5]);
    expect(inTurn[8]).not.toEqual(inTurn[9]);
  });
});
