// The rebuilt case file through a real store on each engine: imported as one version, each
// transfer checked from what the store gives back (grades, sources, open date spans intact).
import { describe, expect, it } from 'vitest';
import { importWith } from '../../src/ingest/import.ts';
import { caseFileCsv } from '../../src/sources/transfers/case-file.ts';
import { TransferService } from '../../src/transfers/service.ts';
import { ENGINES, freshStoreForBlock } from '../support/engines.ts';

const P = 'case-dprk-russia-';
const DIR = 'data/case_dprk_russia/';

describe.each(ENGINES)('the case file on %s', (engine) => {
  const t = freshStoreForBlock(engine);

  it('imports, and every transfer gets the verdict its sources allow', async () => {
    await importWith(t.store, caseFileCsv, [`${DIR}statements.csv`, `${DIR}transfers.csv`]);
    const service = new TransferService(t.store);
    const listed = await service.list();
    expect(listed).toHaveLength(7);
    const verdicts: Record<string, string> = {};
    for (const { id } of listed) verdicts[id.slice(P.length)] = (await service.violations(id)).verdict;
    expect(verdicts).toEqual({
      'tr-2022-11-dprk-wagner-rail': 'possible breach',
      'tr-2022-dprk-russia-shells': 'possible breach',
      'tr-2023-rim-wagner': 'possible breach',
      'tr-2023-mkrtychev-arms-for-russia': 'attempted or prospective breach',
      'tr-2023-mkrtychev-barter-to-dprk': 'attempted or prospective breach',
      'tr-2016-2021-diplomat-procurement': 'possible breach',
      'tr-2016-2021-diplomat-submarine-steel': 'attempted or prospective breach',
    });
    const barter = await service.get(`${P}tr-2023-mkrtychev-barter-to-dprk`);
    expect(barter.orderDate?.text).toBe('../2023-03');
    expect([barter.deal, barter.leg]).toEqual([`${P}deal-2023-mkrtychev`, 'counter']);
    expect(await service.deals()).toEqual([
      { deal: `${P}deal-2023-mkrtychev`, legs: expect.arrayContaining([{ id: `${P}tr-2023-mkrtychev-arms-for-russia`, leg: 'arms' }, { id: `${P}tr-2023-mkrtychev-barter-to-dprk`, leg: 'counter' }]) },
    ]);
  });
});
