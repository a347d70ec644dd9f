// Which embargo provisions a transfer breaches, and why: the date against the provision's entry
// into force, the direction (to or from the DPRK), the item categories, and who the parties are.
// A range of dates that straddles an entry into force gives "possible", not "breach".
import { gradeRank, type EvidenceGrade } from '../model/grades.ts';
import { dayNumber } from '../graph/dates.ts';
import { spanText, transferSpan, type Transfer, type TransferClaim } from './model.ts';
import { ARMS_CATEGORIES, ITEM_CATEGORIES, type ItemCategory } from '../model/arms-transfer.ts';
import { DPRK, UN_DPRK_RULES, type EmbargoRule } from './rules/un-dprk.ts';

export interface PartyInfo {
  id: string;
  caption: string;
  countries: string[];
  /** Lists designating the party (`us_ofac_sdn`, `un_sc_sanctions`). */
  designatedBy: string[];
}

/** What the checker may ask about parties; the store-backed one lives in service.ts. */
export interface TransferContext {
  party(id: string): Promise<PartyInfo | undefined>;
}

export const NO_CONTEXT: TransferContext = { party: async () => undefined };

export interface RuleFinding {
  rule: string;
  instrument: string;
  paragraph: string;
  /** `breach`: every condition holds; `possible`: one depends on a date range or a State's determination. */
  certainty: 'breach' | 'possible';
  reasons: string[];
  summary: string;
  quote: string;
  citation: { symbol: string; url: string };
}

export interface TransferCheck {
  transfer: string;
  name: string | null;
  date: string | null;
  direction: { toDprk: boolean; fromDprk: boolean; reasons: string[] };
  items: { category: ItemCategory; label: string }[];
  parties: (PartyInfo & { role: string })[];
  breaches: RuleFinding[];
  notApplicable: { rule: string; instrument: string; paragraph: string; why: string }[];
  evidence: {
    /** Strongest grade among the claims that the transfer took place (denials aside). */
    grade: EvidenceGrade | null;
    claims: TransferClaim[];
    denials: TransferClaim[];
    caveat: string | null;
  };
  warnings: string[];
}

export async function checkTransfer(t: Transfer, ctx: TransferContext = NO_CONTEXT, rules: readonly EmbargoRule[] = UN_DPRK_RULES): Promise<TransferCheck> {
  const parties: (PartyInfo & { role: string })[] = [];
  for (const [role, ids] of [
    ['supplier', t.supplier],
    ['recipient', t.recipient],
    ['intermediary', t.intermediaries],
    ['carrier', t.carrier],
  ] as const) {
    for (const id of ids) {
      const info = (await ctx.party(id)) ?? { id, caption: id, countries: [], designatedBy: [] };
      parties.push({ ...info, role });
    }
  }
  const direction = directionOf(t, parties);
  const span = transferSpan(t);
  const findings: RuleFinding[] = [];
  const notApplicable: TransferCheck['notApplicable'] = [];
  const designated = parties.filter((p) => p.designatedBy.length);
  const partyReasons = designated.map((p) => `${p.role} ${p.caption} is designated (${p.designatedBy.join(', ')})`);

  for (const rule of rules) {
    const skip = (why: string) => notApplicable.push({ rule: rule.id, instrument: rule.instrument, paragraph: rule.paragraph, why });
    const reasons: string[] = [];
    let certainty: RuleFinding['certainty'] = 'breach';

    const toOk = direction.toDprk && (rule.direction === 'to-dprk' || rule.direction === 'either');
    const fromOk = direction.fromDprk && (rule.direction === 'from-dprk' || rule.direction === 'either');
    if (!toOk && !fromOk) {
      skip(rule.direction === 'to-dprk' ? 'the items do not go to the DPRK' : rule.direction === 'from-dprk' ? 'the items do not come from the DPRK' : 'the transfer neither comes from nor goes to the DPRK');
      continue;
    }
    reasons.push(fromOk && toOk ? 'direction: to and from the DPRK' : fromOk ? 'direction: from the DPRK (an export by the DPRK)' : 'direction: to the DPRK (a supply to the DPRK)');

    const effective = dayNumber(rule.effective);
    const until = rule.until ? dayNumber(rule.until, true) : Infinity;
    if (!span) {
      certainty = 'possible';
      reasons.push(`date unknown: cannot tell whether it was after ${rule.effective}, when the paragraph took effect`);
    } else if (span.end < effective) {
      skip(`the transfer (${spanText(span)}) predates the paragraph's entry into force on ${rule.effective}`);
      continue;
    } else if (span.start > until) {
      skip(`the paragraph ceased to apply on ${rule.until}`);
      continue;
    } else if (span.start < effective) {
      certainty = 'possible';
      reasons.push(`date: ${spanText(span)} straddles the entry into force on ${rule.effective}`);
    } else {
      reasons.push(`date: ${spanText(span)}, on or after the entry into force on ${rule.effective}`);
    }

    const excluded = t.itemCategory.filter((c) => rule.except?.includes(c));
    const caught = t.itemCategory.filter((c) => rule.items.includes(c) && !rule.except?.includes(c));
    if (rule.services && t.purpose.some((p) => ['repair', 'servicing'].includes(p)) && !caught.includes('technical-assistance')) caught.push('technical-assistance');
    if (caught.length === 0) {
      const listed = t.itemCategory.length ? t.itemCategory.join(', ') : 'none recorded';
      skip(excluded.length && rule.exceptNote ? `items ${excluded.join(', ')} are excepted: ${rule.exceptNote}` : `item categories (${listed}) are not covered`);
      continue;
    }
    reasons.push(`items: ${caught.map((c) => `${c} (${ITEM_CATEGORIES[c]})`).join('; ')}`);

    if (rule.purposes) {
      const purposes = t.purpose.filter((p) => rule.purposes!.includes(p));
      if (purposes.length === 0) {
        skip(`applies to shipments for ${rule.purposes.join(', ')}; the transfer's purpose is ${t.purpose.join(', ') || 'not recorded'}`);
        continue;
      }
      reasons.push(`purpose: ${purposes.join(', ')}`);
    }
    if (rule.catchAll) {
      const armsAlready = caught.some((c) => ARMS_CATEGORIES.includes(c));
      if (!t.militaryEndUse && t.inExchangeFor.length === 0) {
        skip('catch-all: nothing recorded suggests a military end use or an exchange for arms');
        continue;
      }
      if (armsAlready) {
        skip('catch-all: the items are arms, caught by the specific arms provisions');
        continue;
      }
      certainty = 'possible';
      reasons.push(
        t.inExchangeFor.length
          ? `catch-all: supplied in exchange for ${t.inExchangeFor.join(', ')}; a breach if the supplying State determines the items could contribute to DPRK armed forces or arms exports`
          : 'catch-all: military end use recorded; a breach if the supplying State determines the items could contribute to DPRK armed forces',
      );
    }
    if (rule.exceptNote && !rule.catchAll && rule.except === undefined) reasons.push(`note: ${rule.exceptNote}`);
    reasons.push(...partyReasons);
    findings.push({ rule: rule.id, instrument: rule.instrument, paragraph: rule.paragraph, certainty, reasons, summary: rule.summary, quote: rule.quote, citation: rule.citation });
  }

  const denials = t.claims.filter((c) => c.evidenceGrade === 'denied' || c.status.includes('denied'));
  const affirming = t.claims.filter((c) => !denials.includes(c));
  const grade = affirming.length ? affirming.map((c) => c.evidenceGrade).sort((a, b) => gradeRank(a) - gradeRank(b))[0] : null;
  const caveat =
    affirming.length === 0
      ? 'Only denials are recorded: the findings describe what the transfer would breach had it taken place.'
      : denials.length
        ? `The findings rest on ${grade} claims; ${denials.length} denial${denials.length > 1 ? 's are' : ' is'} recorded.`
        : null;
  return {
    transfer: t.id,
    name: t.name,
    date: span ? spanText(span) : null,
    direction,
    items: t.itemCategory.map((category) => ({ category, label: ITEM_CATEGORIES[category] })),
    parties,
    breaches: findings,
    notApplicable,
    evidence: { grade, claims: affirming, denials, caveat },
    warnings: t.warnings,
  };
}

function directionOf(t: Transfer, parties: (PartyInfo & { role: string })[]): TransferCheck['direction'] {
  const reasons: string[] = [];
  let fromDprk = t.originCountry.includes(DPRK);
  if (fromDprk) reasons.push('origin country is the DPRK');
  for (const p of parties.filter((p) => p.role === 'supplier' && p.countries.includes(DPRK))) {
    fromDprk = true;
    reasons.push(`supplier ${p.caption} is a DPRK party`);
  }
  let toDprk = t.destinationCountry.includes(DPRK);
  if (toDprk) reasons.push('destination country is the DPRK');
  for (const p of parties.filter((p) => p.role === 'recipient' && p.countries.includes(DPRK))) {
    toDprk = true;
    reasons.push(`recipient ${p.caption} is a DPRK party`);
  }
  return { toDprk, fromDprk, reasons };
}
