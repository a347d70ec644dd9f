// Embargo checks on the case file's transfers and on made-up ones, and the CSV layout's errors.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkTransfer } from '../../src/transfers/check.ts';
import { loadTransfersCsv } from '../../src/transfers/csv.ts';
import { transferFromStatements } from '../../src/transfers/model.ts';
import { TransferService } from '../../src/transfers/service.ts';
import { MemoryReader } from '../../src/store/memory-reader.ts';
import { SourceError, NotFoundError } from '../../src/model/errors.ts';
import type { StatementDraft } from '../../src/model/statement.ts';
import { caseDrafts, CASE_DIR } from '../graph/support.ts';

const P = 'case-dprk-russia-';
let service: TransferService;

beforeAll(async () => {
  const reader = new MemoryReader();
  // The Wagner entry as the OFAC list has it (so the check can say the recipient is designated).
  reader.addDataset('us_ofac_sdn', [
    { entityId: 'us-ofac-sdn-22543', schema: 'Organization', prop: 'name', value: "PRIVATE MILITARY COMPANY 'WAGNER'" },
    { entityId: 'us-ofac-sdn-22543', schema: 'Organization', prop: 'topics', value: 'sanction' },
  ]);
  reader.addDataset('case_dprk_russia', await caseDrafts());
  service = new TransferService(reader);
});

function made(id: string, props: Record<string, string | string[]>): ReturnType<typeof transferFromStatements> {
  const drafts: (StatementDraft & { entityId: string })[] = [];
  for (const [prop, v] of Object.entries(props)) for (const value of [v].flat()) drafts.push({ entityId: id, schema: 'ArmsTransfer', prop, value, evidenceGrade: 'reported', sourceDocument: 'doc' });
  return transferFromStatements(id, drafts);
}

describe('the November 2022 DPRK → Wagner rail delivery', () => {
  it('breaches UNSCR 1718 para 8(b) and UNSCR 1874 para 9, with the reasons', async () => {
    const r = await service.violations(`${P}tr-2022-11-dprk-wagner-rail`);
    const ids = r.breaches.map((b) => b.rule);
    expect(ids).toEqual(expect.arrayContaining(['unscr-1718-8b', 'unscr-1874-9', 'unscr-2270-6']));
    const b8 = r.breaches.find((b) => b.rule === 'unscr-1718-8b')!;
    expect(b8).toMatchObject({ instrument: 'UNSCR 1718 (2006)', paragraph: '8(b)', certainty: 'breach' });
    expect(b8.reasons).toEqual(
      expect.arrayContaining([
        'direction: from the DPRK (an export by the DPRK)',
        'date: 2022-11-01 to 2022-11-30, on or after the entry into force on 2006-10-14',
        expect.stringMatching(/^items: VII \(Missiles and missile launchers\)$/),
        "recipient PRIVATE MILITARY COMPANY 'WAGNER' is designated (us_ofac_sdn)",
      ]),
    );
    const p9 = r.breaches.find((b) => b.rule === 'unscr-1874-9')!;
    expect(p9.reasons.find((x) => x.startsWith('items:'))).toContain('SALW');
    // Supply-to-DPRK paragraphs do not apply to an export.
    expect(ids).not.toContain('unscr-1718-8a-i');
    expect(r.notApplicable.find((n) => n.rule === 'unscr-1874-10')?.why).toBe('the items do not go to the DPRK');
  });

  it('records the grade of the claim and the two denials with their sources', async () => {
    const r = await service.violations(`${P}tr-2022-11-dprk-wagner-rail`);
    expect(r.evidence.grade).toBe('official');
    expect(r.evidence.denials).toHaveLength(2);
    expect(r.evidence.denials.map((d) => d.claimant[0]).sort()).toEqual([`${P}gov-dprk`, 'us-ofac-sdn-21171']);
    expect(r.evidence.denials.every((d) => d.sourceDocument === `${P}src-seed-article` && d.locator?.startsWith('seed article, para 6'))).toBe(true);
    expect(r.evidence.caveat).toContain('2 denials are recorded');
  });
});

describe('dates, directions and items', () => {
  it('a 2005 transfer of the same items breaches neither 1718 8(b) nor 1874 9', async () => {
    const t = made('tr-2005', { originCountry: 'kp', destinationCountry: 'ir', itemCategory: ['VII', 'SALW'], deliveryDate: '2005-06' });
    const r = await checkTransfer(t);
    expect(r.breaches).toEqual([]);
    expect(r.notApplicable.find((n) => n.rule === 'unscr-1718-8b')?.why).toContain("predates the paragraph's entry into force on 2006-10-14");
    expect(r.notApplicable.find((n) => n.rule === 'unscr-1874-9')?.why).toContain('2009-06-12');
  });

  it('small arms exported by the DPRK in 2008 breach nothing yet; in 2010 they breach 1874 para 9', async () => {
    const early = await checkTransfer(made('t', { originCountry: 'kp', itemCategory: 'SALW', deliveryDate: '2008' }));
    expect(early.breaches).toEqual([]);
    const late = await checkTransfer(made('t', { originCountry: 'kp', itemCategory: 'SALW', deliveryDate: '2010' }));
    expect(late.breaches.map((b) => b.rule)).toEqual(['unscr-1874-9']);
  });

  it('small arms supplied TO the DPRK in 2012 are excepted by 1874 para 10 (notification) but banned from 2016', async () => {
    const r2012 = await checkTransfer(made('t', { destinationCountry: 'kp', itemCategory: 'SALW', deliveryDate: '2012' }));
    expect(r2012.breaches).toEqual([]);
    expect(r2012.notApplicable.find((n) => n.rule === 'unscr-1874-10')?.why).toContain('notify the Committee');
    const r2017 = await checkTransfer(made('t', { destinationCountry: 'kp', itemCategory: 'SALW', deliveryDate: '2017' }));
    expect(r2017.breaches.map((b) => b.rule)).toEqual(['unscr-2270-6']);
  });

  it('a range straddling an entry into force is "possible", not "breach"', async () => {
    const r = await service.violations(`${P}tr-2016-2021-diplomat-procurement`);
    expect(r.breaches.find((b) => b.rule === 'unscr-1718-8a-ii')?.certainty).toBe('breach');
    const metals = r.breaches.find((b) => b.rule === 'unscr-2397-7')!;
    expect(metals.certainty).toBe('possible');
    expect(metals.reasons).toContain('date: 2016-01-01 to 2021-12-31 straddles the entry into force on 2017-12-22');
  });

  it('the barter for Mkrtychev’s scheme breaches 2397 para 7 (aircraft are transportation vehicles) and may fall under the 2270 catch-all', async () => {
    const r = await service.violations(`${P}tr-2023-mkrtychev-barter-to-dprk`);
    expect(r.direction.toDprk).toBe(true);
    expect(r.breaches.find((b) => b.rule === 'unscr-2397-7')?.certainty).toBe('breach');
    expect(r.breaches.find((b) => b.rule === 'unscr-2270-8')?.certainty).toBe('possible');
  });

  it('repair of DPRK arms abroad falls under 2270 para 7', async () => {
    const r = await checkTransfer(made('t', { originCountry: 'kp', destinationCountry: 'kp', itemCategory: 'IV', purpose: 'repair', deliveryDate: '2019' }));
    expect(r.breaches.map((b) => b.rule)).toContain('unscr-2270-7');
  });

  it('without any DPRK party nothing applies', async () => {
    const r = await checkTransfer(made('t', { originCountry: 'ru', destinationCountry: 'sy', itemCategory: 'I', deliveryDate: '2019' }));
    expect(r.breaches).toEqual([]);
  });

  it('an undated transfer gives "possible" findings that say why', async () => {
    const r = await checkTransfer(made('t', { originCountry: 'kp', itemCategory: 'VII' }));
    expect(r.breaches.every((b) => b.certainty === 'possible')).toBe(true);
    expect(r.breaches[0].reasons.some((x) => x.startsWith('date unknown'))).toBe(true);
  });

  it('unknown ids and non-transfers are not found', async () => {
    await expect(service.violations('nothing-here')).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.violations(`${P}gov-dprk`)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('transfers CSV', () => {
  it('reads the case file: six transfers, every statement with a source', async () => {
    const { transfers, statements } = await loadTransfersCsv(`${CASE_DIR}transfers.csv`);
    expect(transfers).toHaveLength(6);
    expect(statements.every((s) => s.sourceDocument && s.evidenceGrade)).toBe(true);
    const rail = transfers.find((t) => t.id === `${P}tr-2022-11-dprk-wagner-rail`)!;
    expect(rail.means).toEqual(['rail']);
    expect(rail.claims.map((c) => c.evidenceGrade)).toEqual(['official', 'denied', 'denied']);
  });

  it.each([
    ['bad-grade.csv', /bad-grade\.csv:3 \(record tr-bad\): column evidence_grade: "rumour" is not one of/],
    ['no-source.csv', /no-source\.csv:2 \(record tr-1\): column source_document: every claim must cite its source/],
    ['bad-range.csv', /bad-range\.csv:2 \(record tr-1\): column order_date: range "2021\/2016" ends before it starts/],
    ['bad-category.csv', /bad-category\.csv:2 \(record tr-1\): column item_category: "tanks" is not one of/],
    ['no-grade-column.csv', /no-grade-column\.csv:1: missing column "evidence_grade"/],
    ['short-row.csv', /short-row\.csv:3: 6 fields where the header has 7/],
  ])('rejects %s naming the file, line and column', async (file, message) => {
    const err = await loadTransfersCsv(`test/fixtures/transfers/${file}`).catch((e) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect(err.message).toMatch(message);
  });
});
