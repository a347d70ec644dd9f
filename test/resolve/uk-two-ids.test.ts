// Issue 18: a UK Sanctions List designation that carries the OFSI Group ID of the retired ConList is
// one record under two ids. xref records it as an official cross-reference (a machine judgement with
// its evidence), so the resolved target's referents name both ids; a ConList group that no UK
// Sanctions List entry cites stays a record of its own. On the UK fixtures, SQLite and PostgreSQL.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/ingest/import.ts';
import { Resolver } from '../../src/resolve/service.ts';
import { ENGINES, freshStoreForBlock } from '../support/engines.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/uk_extra/', import.meta.url));

for (const engine of ENGINES) {
  describe(`the UK's two ids on ${engine}`, () => {
    const t = freshStoreForBlock(engine);
    let resolver: Resolver;
    beforeAll(async () => {
      await importFiles(t.store, [join(FIXTURES, 'UK-Sanctions-List-sample.csv')], { dataset: 'gb_fcdo_sanctions' });
      await importFiles(t.store, [join(FIXTURES, 'ConList-sample.csv')], { dataset: 'gb_hmt_sanctions' });
      resolver = new Resolver(t.store);
      await resolver.xref();
    });

    it('keeps the Unique ID and the OFSI Group ID as referents of one target', async () => {
      const person = await resolver.entity('gb_fcdo_sanctions:DPR9901');
      expect(person!.id).toMatch(/^NK-/);
      expect(person!.referents).toEqual(['gb_fcdo_sanctions:DPR9901', 'gb_hmt_sanctions:99901']);
      expect((await resolver.entity('gb_hmt_sanctions:99901'))!.id).toBe(person!.id);
      const company = await resolver.entity('gb_fcdo_sanctions:RUS9902');
      expect(company!.referents).toEqual(['gb_fcdo_sanctions:RUS9902', 'gb_hmt_sanctions:99902']);
    });

    it('records it as a machine judgement citing the group id', async () => {
      const [member] = (await resolver.members('gb-fcdo-sanctions-DPR9901')).filter((m) => m.id === 'gb-fcdo-sanctions-DPR9901');
      expect(member.judgements).toEqual([
        expect.objectContaining({ verdict: 'same', machine: true, author: 'interdict/xref', reason: expect.stringContaining('OFSI Group ID 99901'), basedOn: expect.objectContaining({ official: 'OFSI Group ID 99901' }) }),
      ]);
    });

    it('leaves a ConList group no UK Sanctions List entry cites, and an entry with no group id, alone', async () => {
      expect((await resolver.entity('gb_hmt_sanctions:99904'))!.referents).toEqual(['gb_hmt_sanctions:99904']);
      expect((await resolver.entity('gb_fcdo_sanctions:RUS9903'))!.referents).toEqual(['gb_fcdo_sanctions:RUS9903']);
    });
  });
}
