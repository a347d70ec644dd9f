// Every embargo rule on a constructed transfer that must trigger it on the day it took effect and
// must not the day before; then the rules whose scope turns on more than a date.
import { describe, expect, it } from 'vitest';
import { checkTransfer } from '../../src/transfers/check.ts';
import { transferFromStatements } from '../../src/transfers/model.ts';
import { UN_DPRK_RULES } from '../../src/transfers/rules/un-dprk.ts';
import type { EvidenceGrade } from '../../src/model/grades.ts';

function made(props: Record<string, string | string[]>, grade: EvidenceGrade = 'corroborated') {
  const drafts = Object.entries(props).flatMap(([prop, v]) =>
    [v].flat().map((value) => ({ entityId: 't', schema: 'ArmsTransfer', prop, value, evidenceGrade: grade, sourceDocument: 'doc', locator: 'p. 1' })),
  );
  return transferFromStatements('t', drafts);
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A transfer each rule catches (the date is added by the test). */
const CAUGHT: Record<string, Record<string, string | string[]>> = {
  'unscr-1718-8a-i': { destinationCountry: 'kp', itemCategory: 'I' },
  'unscr-1718-8a-ii': { destinationCountry: 'kp', itemCategory: 'wmd' },
  'unscr-1718-8a-iii': { destinationCountry: 'kp', itemCategory: 'luxury' },
  'unscr-1718-8b': { originCountry: 'kp', itemCategory: 'VII' },
  'unscr-1718-8c': { originCountry: 'kp', itemCategory: 'technical-assistance' },
  'unscr-1874-9': { originCountry: 'kp', itemCategory: 'SALW' },
  'unscr-1874-10': { destinationCountry: 'kp', itemCategory: 'arms-unspecified' },
  'unscr-2270-6': { originCountry: 'kp', itemCategory: 'SALW' },
  'unscr-2270-7': { originCountry: 'kp', destinationCountry: 'kp', itemCategory: 'IV', purpose: 'testing' },
  'unscr-2270-8': { destinationCountry: 'kp', itemCategory: 'transport-vehicles', endUse: 'armed-forces' },
  'unscr-2270-9': { originCountry: 'kp', itemCategory: 'military-training' },
  'unscr-2094-20': { destinationCountry: 'kp', itemCategory: 'industrial-machinery', endUse: 'nuclear-programme' },
  'unscr-2321-7': { destinationCountry: 'kp', itemCategory: 'conventional-dual-use' },
  'unscr-2321-30': { destinationCountry: 'kp', itemCategory: 'helicopters' },
  'unscr-2397-7': { destinationCountry: 'kp', itemCategory: 'industrial-machinery' },
};

describe('every rule at its boundary date', () => {
  it('has a constructed transfer for every rule', () => {
    expect(Object.keys(CAUGHT).sort()).toEqual(UN_DPRK_RULES.map((r) => r.id).sort());
  });

  it.each(UN_DPRK_RULES.map((r) => [r.id, r] as const))('%s: triggers on its effective date, not the day before', async (id, rule) => {
    const on = await checkTransfer(made({ ...CAUGHT[id], deliveryDate: rule.effective, status: 'delivered' }));
    const finding = on.breaches.find((b) => b.rule === id);
    expect(finding, `${id} on ${rule.effective}`).toBeDefined();
    expect(finding!.verdict).toBe(rule.catchAll ? 'possible breach' : 'breach');
    expect(finding!.citation.symbol).toMatch(/^S\/RES\/\d+ \(\d{4}\)$/);
    const before = await checkTransfer(made({ ...CAUGHT[id], deliveryDate: dayBefore(rule.effective), status: 'delivered' }));
    expect(before.breaches.find((b) => b.rule === id)).toBeUndefined();
    expect(before.notApplicable.find((n) => n.rule === id)?.why).toContain(`predates the paragraph's entry into force on ${rule.effective}`);
  });

  it('every rule carries its dates, citation and verification status, and quotes only what was seen', () => {
    for (const r of UN_DPRK_RULES) {
      expect(r.adopted <= r.effective).toBe(true);
      expect(['text', 'summary']).toContain(r.verified);
      expect(r.summary.length).toBeGreaterThan(30);
      if (r.verified === 'summary' && r.quote === '') expect(r.summary).not.toMatch(/["“]/);
    }
  });
});

describe('UNSCR 1874 para 10: small arms to the DPRK needed five days’ notice', () => {
  const salw = { destinationCountry: 'kp', itemCategory: 'SALW', deliveryDate: '2012-05', status: 'delivered' };

  it('an unnotified supply in 2012 breaches para 10', async () => {
    const r = await checkTransfer(made({ ...salw, committeeNotified: 'false' }));
    const f = r.breaches.find((b) => b.rule === 'unscr-1874-10')!;
    expect(f.verdict).toBe('breach');
    expect(f.elements.find((e) => e.element === 'notification')).toMatchObject({ holds: 'yes', grade: 'corroborated' });
  });

  it('a supply with no record of notification is a possible breach, saying what is missing', async () => {
    const r = await checkTransfer(made(salw));
    const f = r.breaches.find((b) => b.rule === 'unscr-1874-10')!;
    expect(f.verdict).toBe('possible breach');
    expect(f.elements.find((e) => e.element === 'notification')?.reason).toContain('no source says whether the Committee was notified at least five days before');
  });

  it('a notified supply is outside para 10', async () => {
    const r = await checkTransfer(made({ ...salw, committeeNotified: 'true' }));
    expect(r.breaches).toEqual([]);
    expect(r.notApplicable.find((n) => n.rule === 'unscr-1874-10')?.why).toContain('notified to the Committee');
  });

  it('from 2 March 2016 the notification rule gives way to the outright ban of 2270 para 6', async () => {
    const last = await checkTransfer(made({ ...salw, deliveryDate: '2016-03-01' }));
    expect(last.breaches.map((b) => b.rule)).toEqual(['unscr-1874-10']);
    const first = await checkTransfer(made({ ...salw, deliveryDate: '2016-03-02', committeeNotified: 'true' }));
    expect(first.breaches.map((b) => [b.rule, b.verdict])).toEqual([['unscr-2270-6', 'breach']]);
    expect(first.notApplicable.find((n) => n.rule === 'unscr-1874-10')?.why).toContain('the notification rule ended on 2016-03-01');
  });
});

describe('UNSCR 2270 para 8: a catch-all on supplies to the DPRK, reaching its arms exports through their inputs', () => {
  it('does not apply to an export from the DPRK (that is 1718 8(b), 1874 para 9, 2270 para 6)', async () => {
    const r = await checkTransfer(made({ originCountry: 'kp', destinationCountry: 'ru', itemCategory: 'raw-materials', militaryEndUse: 'true', deliveryDate: '2022', status: 'delivered' }));
    expect(r.notApplicable.find((n) => n.rule === 'unscr-2270-8')?.why).toBe('the items do not go to the DPRK');
  });

  it('reaches goods sent to the DPRK in exchange for its arms exports, as a possible breach needing the State’s determination', async () => {
    const r = await checkTransfer(made({ destinationCountry: 'kp', itemCategory: 'raw-materials', leg: 'counter', inExchangeFor: 'tr-arms', deliveryDate: '2022', status: 'delivered' }));
    const f = r.breaches.find((b) => b.rule === 'unscr-2270-8')!;
    expect(f.verdict).toBe('possible breach');
    expect(f.elements.map((e) => [e.element, e.holds])).toEqual(expect.arrayContaining([['end use', 'uncertain'], ['determination', 'uncertain']]));
  });

  it('leaves food and medicine alone, and items nothing links to the armed forces or arms exports', async () => {
    const food = await checkTransfer(made({ destinationCountry: 'kp', itemCategory: 'food', militaryEndUse: 'true', deliveryDate: '2022', status: 'delivered' }));
    expect(food.notApplicable.find((n) => n.rule === 'unscr-2270-8')?.why).toContain('excepted');
    const plain = await checkTransfer(made({ destinationCountry: 'kp', itemCategory: 'raw-materials', deliveryDate: '2022', status: 'delivered' }));
    expect(plain.notApplicable.find((n) => n.rule === 'unscr-2270-8')?.why).toContain('nothing recorded links the items');
  });
});

describe('the other catch-alls and the 2016 additions', () => {
  it('steel for the submarine programme is a possible case under the programmes catch-all, with the reading spelled out', async () => {
    const r = await checkTransfer(made({ destinationCountry: 'kp', itemCategory: 'metals', endUse: 'submarine-programme', deliveryDate: '2015', status: 'delivered' }));
    const f = r.breaches.find((b) => b.rule === 'unscr-2094-20')!;
    expect(f.verdict).toBe('possible breach');
    expect(f.elements.find((e) => e.element === 'end use')?.reason).toContain('not itself a prohibited programme');
  });

  it('items with no stated programme end use are outside the programmes catch-all', async () => {
    const r = await checkTransfer(made({ destinationCountry: 'kp', itemCategory: 'metals', deliveryDate: '2015', status: 'delivered' }));
    expect(r.notApplicable.find((n) => n.rule === 'unscr-2094-20')?.why).toContain('no source says the items are for');
  });

  it('new vessels to the DPRK breach 2321 para 30 from 30 November 2016, noting the Committee’s approval the record cannot show', async () => {
    const r = await checkTransfer(made({ destinationCountry: 'kp', itemCategory: 'vessels', deliveryDate: '2016-11-30', status: 'delivered' }));
    const f = r.breaches.find((b) => b.rule === 'unscr-2321-30')!;
    expect(f.verdict).toBe('breach');
    expect(f.reasons.at(-1)).toContain('approved in advance');
  });

  it('notes the 2397 para 7 aircraft-parts exemption only where vehicles are caught', async () => {
    const steel = await checkTransfer(made({ destinationCountry: 'kp', itemCategory: 'metals', deliveryDate: '2019', status: 'delivered' }));
    expect(steel.breaches.find((b) => b.rule === 'unscr-2397-7')!.reasons.join(' ')).not.toContain('exemption');
    const aircraft = await checkTransfer(made({ destinationCountry: 'kp', itemCategory: 'transport-vehicles', deliveryDate: '2019', status: 'delivered' }));
    expect(aircraft.breaches.find((b) => b.rule === 'unscr-2397-7')!.reasons.at(-1)).toContain('civilian passenger aircraft');
  });

  it('hosting DPRK military trainers abroad is caught by 2270 para 9', async () => {
    const abroad = await checkTransfer(made({ originCountry: 'kp', destinationCountry: 'ug', itemCategory: 'military-training', deliveryDate: '2017', status: 'delivered' }));
    expect(abroad.breaches.map((b) => b.rule)).toEqual(['unscr-2270-9']);
  });
});
