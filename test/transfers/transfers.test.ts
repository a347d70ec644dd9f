// Embargo checks on the case file's transfers and on constructed ones: the verdict follows the
// transfer's status and its weakest necessary element; and the CSV layout's errors.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkTransfer } from '../../src/transfers/check.ts';
import { armsTransfersCsv } from '../../src/sources/transfers/csv.ts';
import { collect } from '../../src/sources/collect.ts';
import { dealsOf, transferFromStatements, transfersFromStatements } from '../../src/transfers/model.ts';
import { TransferService } from '../../src/transfers/service.ts';
import { MemoryReader } from '../../src/store/memory-reader.ts';
import { SourceError, NotFoundError } from '../../src/model/errors.ts';
import type { EvidenceGrade } from '../../src/model/grades.ts';
import type { StatementDraft } from '../../src/model/statement.ts';
import { caseDrafts, CASE_DIR } from '../graph/support.ts';

const P = 'case-dprk-russia-';
let service: TransferService;

beforeAll(async () => {
  const reader = new MemoryReader();
  // The Wagner entry as the OFAC list has it (so the check can show the designation as context).
  reader.addDataset('us_ofac_sdn', [
    { entityId: 'us-ofac-sdn-22543', schema: 'Organization', prop: 'name', value: "PRIVATE MILITARY COMPANY 'WAGNER'" },
    { entityId: 'us-ofac-sdn-22543', schema: 'Organization', prop: 'topics', value: 'sanction' },
  ]);
  reader.addDataset('case_dprk_russia', await caseDrafts());
  service = new TransferService(reader);
});

/** A constructed transfer: every property on one grade (or per property, `{ value, grade }`). */
function made(id: string, props: Record<string, string | string[] | { value: string | string[]; grade: EvidenceGrade }>, grade: EvidenceGrade = 'corroborated') {
  const drafts: (StatementDraft & { entityId: string })[] = [];
  for (const [prop, v] of Object.entries(props)) {
    const [values, g] = typeof v === 'object' && !Array.isArray(v) ? [v.value, v.grade] : [v, grade];
    for (const value of [values].flat()) drafts.push({ entityId: id, schema: 'ArmsTransfer', prop, value, evidenceGrade: g, sourceDocument: 'doc', locator: `p. ${prop}` });
  }
  return transferFromStatements(id, drafts);
}

describe('the verdict follows the status and the weakest necessary element', () => {
  const base = { originCountry: 'kp', destinationCountry: 'ru', itemCategory: 'arms-unspecified', deliveryDate: '2022-11' };

  it('a delivery on corroborated evidence is a breach, element by element with grades and sources', async () => {
    const r = await checkTransfer(made('t', { ...base, status: 'delivered' }));
    const f = r.breaches.find((b) => b.rule === 'unscr-1874-9')!;
    expect(f.verdict).toBe('breach');
    expect(f.grade).toBe('corroborated');
    expect(f.elements.map((e) => [e.element, e.holds, e.grade])).toEqual([
      ['conduct', 'yes', 'corroborated'],
      ['direction', 'yes', 'corroborated'],
      ['date', 'yes', 'corroborated'],
      ['items', 'yes', 'corroborated'],
    ]);
    expect(f.elements[1].source).toEqual({ document: 'doc', locator: 'p. originCountry' });
    expect(r.verdict).toBe('breach');
  });

  it('on reported evidence it is a probable breach; on alleged evidence a possible one', async () => {
    expect((await checkTransfer(made('t', { ...base, status: 'delivered' }, 'reported'))).verdict).toBe('probable breach');
    expect((await checkTransfer(made('t', { ...base, status: 'delivered' }, 'alleged'))).verdict).toBe('possible breach');
  });

  it('one weak necessary element weakens the finding: an alleged DPRK origin makes it possible, whatever else is official', async () => {
    const r = await checkTransfer(made('t', { ...base, originCountry: { value: 'kp', grade: 'alleged' }, status: 'delivered' }, 'official'));
    const f = r.breaches.find((b) => b.rule === 'unscr-1874-9')!;
    expect(f.verdict).toBe('possible breach');
    expect(f.grade).toBe('alleged');
    expect(f.elements.find((e) => e.element === 'direction')?.grade).toBe('alleged');
  });

  it.each(['negotiated', 'planned', 'ordered', 'attempted', 'intercepted'])('a transfer %s is an attempted or prospective breach, not a breach', async (status) => {
    const r = await checkTransfer(made('t', { ...base, status }, 'official'));
    expect(r.verdict).toBe('attempted or prospective breach');
    expect(r.breaches.every((b) => b.verdict === 'attempted or prospective breach')).toBe(true);
    expect(r.conduct).toEqual({ kind: 'inchoate', status, grade: 'official' });
  });

  it('without a status no source says the items were delivered: a possible breach at most', async () => {
    const r = await checkTransfer(made('t', base, 'official'));
    expect(r.verdict).toBe('possible breach');
    expect(r.breaches[0].elements[0]).toMatchObject({ element: 'conduct', holds: 'uncertain' });
  });

  it('a denial is evidence against, never the ground of an element', async () => {
    const drafts: (StatementDraft & { entityId: string })[] = [
      { entityId: 't', schema: 'ArmsTransfer', prop: 'originCountry', value: 'kp', evidenceGrade: 'denied', sourceDocument: 'd' },
      { entityId: 't', schema: 'ArmsTransfer', prop: 'status', value: 'denied', evidenceGrade: 'denied', sourceDocument: 'd' },
    ];
    const r = await checkTransfer(transferFromStatements('t', drafts));
    expect(r.direction.fromDprk).toBe(false);
    expect(r.evidence.denials).toHaveLength(1);
  });

  it('a national designation is context, never a ground of a UN finding', async () => {
    const ctx = { party: async (id: string) => ({ id, caption: 'WAGNER', countries: ['ru'], designatedBy: ['us_ofac_sdn'] }) };
    const r = await checkTransfer(made('t', { ...base, recipient: 'w', status: 'delivered' }), ctx);
    expect(r.context).toEqual(['recipient WAGNER is designated (us_ofac_sdn); context only: no UN finding rests on a national designation']);
    for (const b of r.breaches) expect(b.reasons.join(' ')).not.toContain('us_ofac_sdn');
  });
});

describe('the case file: never stronger than the seed article', () => {
  it('the November 2022 rail delivery is only a possible breach: the article says the supply is alleged', async () => {
    const r = await service.violations(`${P}tr-2022-11-dprk-wagner-rail`);
    expect(r.verdict).toBe('possible breach');
    expect(r.breaches.map((b) => b.rule)).toEqual(['unscr-1874-9', 'unscr-2270-6']);
    for (const b of r.breaches) expect(b.grade).toBe('alleged');
    // Infantry rockets and missiles read as light weapons: not the major systems of 1718 8(b).
    expect(r.notApplicable.find((n) => n.rule === 'unscr-1718-8b')?.why).toBe('item categories (SALW) are not covered');
    expect(r.context).toEqual(["recipient PRIVATE MILITARY COMPANY 'WAGNER' is designated (us_ofac_sdn); context only: no UN finding rests on a national designation"]);
  });

  it('records the two denials with their sources and no date the article does not give', async () => {
    const r = await service.violations(`${P}tr-2022-11-dprk-wagner-rail`);
    expect(r.evidence.denials.map((d) => d.claimant[0]).sort()).toEqual([`${P}gov-dprk`, 'us-ofac-sdn-21171']);
    expect(r.evidence.denials.every((d) => d.sourceDocument === `${P}src-seed-article` && d.locator?.startsWith('seed article, para 6') && d.claimDate === null)).toBe(true);
    expect(r.evidence.caveat).toContain('2 denials are recorded');
    // The supply claim is alleged; the report that imagery was shown does not make it stronger.
    expect(r.evidence.grade).toBe('alleged');
  });

  it('artillery shells under 1718 para 8(b) are a possible breach with the reasoning; under 1874 para 9 the items hold', async () => {
    const r = await service.violations(`${P}tr-2022-dprk-russia-shells`);
    const b8 = r.breaches.find((b) => b.rule === 'unscr-1718-8b')!;
    expect(b8.verdict).toBe('possible breach');
    const items = b8.elements.find((e) => e.element === 'items')!;
    expect(items.holds).toBe('uncertain');
    expect(items.reason).toContain('contestable');
    expect(r.breaches.find((b) => b.rule === 'unscr-1874-9')!.elements.find((e) => e.element === 'items')!.holds).toBe('yes');
    // The date is the article's "in the past year", not the date of the U.S. statement.
    expect(r.date).toBe('2022-01-01 to 2023-12-31');
  });

  it('Mkrtychev’s deal was negotiated: an attempted or prospective breach, with an exchange leg to the DPRK', async () => {
    const arms = await service.violations(`${P}tr-2023-mkrtychev-arms-for-russia`);
    expect(arms.verdict).toBe('attempted or prospective breach');
    const barter = await service.violations(`${P}tr-2023-mkrtychev-barter-to-dprk`);
    expect(barter.direction.toDprk).toBe(true);
    expect(barter.parties.filter((p) => p.role === 'supplier')).toEqual([]); // the article names no supplier
    expect(barter.breaches.map((b) => [b.rule, b.verdict])).toEqual([
      ['unscr-2270-8', 'attempted or prospective breach'],
      ['unscr-2397-7', 'attempted or prospective breach'],
    ]);
  });

  it('the diplomat: the steel was an attempt, the missile technology a procurement whose outcome is not stated', async () => {
    const tech = await service.violations(`${P}tr-2016-2021-diplomat-procurement`);
    expect(tech.conduct.kind).toBe('unknown');
    expect(tech.breaches.find((b) => b.rule === 'unscr-1718-8a-ii')?.verdict).toBe('possible breach');
    const steel = await service.violations(`${P}tr-2016-2021-diplomat-submarine-steel`);
    expect(steel.conduct).toMatchObject({ kind: 'inchoate', status: 'attempted' });
    const metals = steel.breaches.find((b) => b.rule === 'unscr-2397-7')!;
    expect(metals.elements.find((e) => e.element === 'date')).toMatchObject({ holds: 'uncertain', reason: expect.stringContaining('straddles the entry into force on 2017-12-22') });
  });

  it('unknown ids and non-transfers are not found', async () => {
    await expect(service.violations('nothing-here')).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.violations(`${P}gov-dprk`)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('dates, directions and items', () => {
  it('a 2005 transfer of the same items breaches neither 1718 8(b) nor 1874 9', async () => {
    const r = await checkTransfer(made('tr-2005', { originCountry: 'kp', destinationCountry: 'ir', itemCategory: ['VII', 'SALW'], deliveryDate: '2005-06', status: 'delivered' }));
    expect(r.breaches).toEqual([]);
    expect(r.verdict).toBe('not applicable');
    expect(r.notApplicable.find((n) => n.rule === 'unscr-1718-8b')?.why).toContain("predates the paragraph's entry into force on 2006-10-14");
    expect(r.notApplicable.find((n) => n.rule === 'unscr-1874-9')?.why).toContain('2009-06-12');
  });

  it('small arms exported by the DPRK in 2008 breach nothing yet; in 2010 they breach 1874 para 9', async () => {
    const early = await checkTransfer(made('t', { originCountry: 'kp', itemCategory: 'SALW', deliveryDate: '2008', status: 'delivered' }));
    expect(early.breaches).toEqual([]);
    const late = await checkTransfer(made('t', { originCountry: 'kp', itemCategory: 'SALW', deliveryDate: '2010', status: 'delivered' }));
    expect(late.breaches.map((b) => [b.rule, b.verdict])).toEqual([['unscr-1874-9', 'breach']]);
  });

  it('a range straddling an entry into force is a possible breach, with the reason', async () => {
    const r = await checkTransfer(made('t', { destinationCountry: 'kp', itemCategory: 'metals', deliveryDate: '2016/2021', status: 'delivered' }));
    const metals = r.breaches.find((b) => b.rule === 'unscr-2397-7')!;
    expect(metals.verdict).toBe('possible breach');
    expect(metals.reasons).toContain('date: 2016-01-01 to 2021-12-31 straddles the entry into force on 2017-12-22 [corroborated; doc, p. deliveryDate]');
  });

  it('repair of DPRK arms abroad falls under 2270 para 7', async () => {
    const r = await checkTransfer(made('t', { originCountry: 'kp', destinationCountry: 'kp', itemCategory: 'IV', purpose: 'repair', deliveryDate: '2019', status: 'delivered' }));
    expect(r.breaches.find((b) => b.rule === 'unscr-2270-7')?.elements.find((e) => e.element === 'purpose')).toMatchObject({ holds: 'yes', grade: 'corroborated' });
  });

  it('without any DPRK party nothing applies', async () => {
    const r = await checkTransfer(made('t', { originCountry: 'ru', destinationCountry: 'sy', itemCategory: 'I', deliveryDate: '2019', status: 'delivered' }));
    expect(r.breaches).toEqual([]);
  });

  it('an undated transfer gives possible findings that say why', async () => {
    const r = await checkTransfer(made('t', { originCountry: 'kp', itemCategory: 'VII', status: 'delivered' }));
    expect(r.breaches.every((b) => b.verdict === 'possible breach')).toBe(true);
    expect(r.breaches[0].reasons.some((x) => x.startsWith('date unknown'))).toBe(true);
  });
});

describe('register fields like SIPRI’s', () => {
  it('reads numbers with their uncertainty, uncertain years, designation and category, and the deal’s two legs', async () => {
    const { statements } = await collect(armsTransfersCsv, ['test/fixtures/transfers/sipri-fields.csv']);
    const transfers = transfersFromStatements(statements);
    const arms = transfers.find((t) => t.id === 'tr-arms')!;
    expect(arms.numberOrdered).toEqual({ text: '20-30', low: 20, high: 30, uncertain: false });
    expect(arms.numberDelivered).toEqual({ text: '24?', low: 24, high: 24, uncertain: true });
    expect(arms.orderDate?.text).toBe('../2022-06');
    expect(arms.deliveryDate?.text).toBe('2022/2023');
    expect(arms.weaponCategory).toEqual(['artillery']);
    expect(arms.itemDesignation).toEqual(['M-1978 Koksan']);
    expect(dealsOf(transfers)).toEqual([{ deal: 'deal-1', legs: ['tr-arms', 'tr-counter'] }]);
  });

  it('the case file holds the Mkrtychev deal as one deal with two legs', async () => {
    const { statements } = await collect(armsTransfersCsv, [`${CASE_DIR}transfers.csv`]);
    expect(dealsOf(transfersFromStatements(statements))).toEqual([{ deal: `${P}deal-2023-mkrtychev`, legs: [`${P}tr-2023-mkrtychev-arms-for-russia`, `${P}tr-2023-mkrtychev-barter-to-dprk`] }]);
  });
});

describe('transfers CSV', () => {
  it('reads the case file: seven transfers, every statement with a source', async () => {
    const { statements } = await collect(armsTransfersCsv, [`${CASE_DIR}transfers.csv`]);
    const transfers = transfersFromStatements(statements);
    expect(transfers).toHaveLength(7);
    expect(statements.every((s) => s.sourceDocument && s.evidenceGrade)).toBe(true);
    const rail = transfers.find((t) => t.id === `${P}tr-2022-11-dprk-wagner-rail`)!;
    expect(rail.means).toEqual(['rail']);
    expect(rail.claims.map((c) => c.evidenceGrade)).toEqual(['reported', 'alleged', 'denied', 'denied']);
    expect(rail.purpose).toEqual([]); // no source says "sale"
  });

  it.each([
    ['bad-grade.csv', /bad-grade\.csv:3 \(record tr-bad\): column evidence_grade: "rumour" is not one of/],
    ['no-source.csv', /no-source\.csv:2 \(record tr-1\): column source_document: every claim must cite its source/],
    ['bad-range.csv', /bad-range\.csv:2 \(record tr-1\): column order_date: range "2021\/2016" ends before it starts/],
    ['bad-category.csv', /bad-category\.csv:2 \(record tr-1\): column item_category: "tanks" is not one of/],
    ['no-grade-column.csv', /no-grade-column\.csv:1: missing column "evidence_grade"/],
    ['short-row.csv', /short-row\.csv:3: 6 fields where the header has 7/],
    ['bad-number.csv', /bad-number\.csv:2 \(record tr-1\): column number_delivered: "about 24" is not a number/],
  ])('rejects %s naming the file, line and column', async (file, message) => {
    const err = await collect(armsTransfersCsv, [`test/fixtures/transfers/${file}`]).catch((e) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect(err.message).toMatch(message);
  });
});
