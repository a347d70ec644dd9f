// The delta re-screen's sieve (sieveTargets): a target changed in any value the matcher reads is in
// it (a vessel's flag, a person's birth country, any name- or identifier-typed property), one changed
// only in what the matcher never reads is not. A vessel reflagged to the DPRK, or a registration number
// added under a property the old list of names left out, could raise a hit the delta never looked for.
import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../../src/model/entity.ts';
import { sieveTargets, type LiveScreening } from '../../src/monitor/service.ts';
import type { DatasetDiff, DatasetVersion } from '../../src/store/types.ts';

const version = (id: string) => ({ id, dataset: 'us_ofac_sdn' }) as unknown as DatasetVersion;

describe('the delta sieve', () => {
  it('takes targets changed in any value the matcher reads, and only those', () => {
    const changes: [string, string, string][] = [
      ['v-flag', 'Vessel', 'flag'],
      ['p-birth-country', 'Person', 'birthCountry'],
      ['c-vat', 'Company', 'vatCode'], // identifier-typed, not in the named list
      ['p-name', 'Person', 'alias'],
      ['p-notes', 'Person', 'notes'],
      ['c-address', 'Company', 'address'],
    ];
    const entities = new Map<string, FtmEntity>(changes.map(([id, schema]) => [id, { id, schema, properties: { name: [id] } }]));
    const diff: DatasetDiff = {
      dataset: 'us_ofac_sdn',
      from: version('a'),
      to: version('b'),
      added: [],
      removed: [],
      changed: changes.map(([id, schema, prop]) => ({ id, schema, caption: id, changes: { [prop]: { removed: ['x'], added: ['y'] } } })),
    };
    const sieve = sieveTargets(diff, (id) => id, { entities } as unknown as LiveScreening);
    expect(sieve.map((e) => e.id).sort()).toEqual(['c-vat', 'p-birth-country', 'p-name', 'v-flag']);
  });
});
