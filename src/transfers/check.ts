// Which embargo provisions a transfer breaches, how surely, and why. A provision is breached when
// each of its necessary elements holds: the conduct (a delivery, or only a negotiation or an
// attempt), the direction (to or from the DPRK), the date against the entry into force, the items,
// and where the paragraph asks for them the purpose, the notification or a State's determination.
// Each element carries the grade of the statement it rests on, and the finding is only as strong as
// its weakest necessary element. UN provisions rest on these facts, never on a party's national
// designation: designations are shown as context only.
import { gradeRank, type EvidenceGrade } from '../model/grades.ts';
import { dayNumber, spanText, type DateSpan } from '../model/date-span.ts';
import { spanProps, strongestSupport, transferSpan, type Support, type Transfer, type TransferClaim } from './model.ts';
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

/** Strongest first. */
export const VERDICTS = ['breach', 'probable breach', 'possible breach', 'attempted or prospective breach', 'not applicable'] as const;
export type Verdict = (typeof VERDICTS)[number];

export type ElementName = 'conduct' | 'direction' | 'date' | 'items' | 'purpose' | 'notification' | 'end use' | 'determination';

export interface Element {
  element: ElementName;
  /** `yes`: the record establishes it; `uncertain`: it turns on a contestable reading, a date range, a missing fact or a State's determination. */
  holds: 'yes' | 'uncertain';
  /** Grade of the statement the element rests on; null where it is legal reasoning, not a fact. */
  grade: EvidenceGrade | null;
  reason: string;
  source: { document: string | null; locator: string | null } | null;
}

export interface RuleFinding {
  rule: string;
  instrument: string;
  paragraph: string;
  verdict: Exclude<Verdict, 'not applicable'>;
  /** The weakest grade among the necessary elements. */
  grade: EvidenceGrade | null;
  elements: Element[];
  /** The elements as sentences, then any exemption the record cannot show. */
  reasons: string[];
  summary: string;
  quote: string;
  citation: { symbol: string; url: string };
  verified: 'text' | 'summary';
}

export interface TransferCheck {
  transfer: string;
  name: string | null;
  date: string | null;
  /** The strongest verdict among the provisions. */
  verdict: Verdict;
  conduct: { kind: 'completed' | 'inchoate' | 'unknown'; status: string | null; grade: EvidenceGrade | null };
  direction: { toDprk: boolean; fromDprk: boolean; reasons: string[] };
  items: { category: ItemCategory; label: string }[];
  parties: (PartyInfo & { role: string })[];
  /** Every provision the transfer breaches, may breach, or was a step towards breaching. */
  breaches: RuleFinding[];
  notApplicable: { rule: string; instrument: string; paragraph: string; why: string }[];
  /** Facts shown for context that no UN finding rests on (national designations). */
  context: string[];
  evidence: {
    /** How strongly the sources say the transfer took place: its status claim's grade, else the strongest affirming claim's. */
    grade: EvidenceGrade | null;
    claims: TransferClaim[];
    denials: TransferClaim[];
    caveat: string | null;
  };
  warnings: string[];
}

const COMPLETED = ['delivered', 'in-progress'];
const INCHOATE = ['negotiated', 'planned', 'ordered', 'attempted', 'intercepted'];
const PROGRAMME_USES = ['nuclear-programme', 'ballistic-missile-programme', 'wmd-programme'];

type Party = PartyInfo & { role: string };

function sourceOf(s: Support | null): Element['source'] {
  return s ? { document: s.sourceDocument, locator: s.locator } : null;
}

function cite(s: Support | null): string {
  if (!s) return '';
  return ` [${s.grade}${s.sourceDocument ? `; ${s.sourceDocument}${s.locator ? `, ${s.locator}` : ''}` : ''}]`;
}

function weaker(a: Support | null, b: Support | null): Support | null {
  if (!a || !b) return a ?? b;
  return gradeRank(a.grade) >= gradeRank(b.grade) ? a : b;
}

/** What was done: the strongest status a source gives, a completed one first. */
function conductOf(t: Transfer): { kind: TransferCheck['conduct']['kind']; support: Support | null; element: Element } {
  const done = strongestSupport(t, 'status', COMPLETED);
  if (done) {
    return { kind: 'completed', support: done, element: { element: 'conduct', holds: 'yes', grade: done.grade, reason: `conduct: ${done.value}${cite(done)}`, source: sourceOf(done) } };
  }
  const tried = strongestSupport(t, 'status', INCHOATE);
  if (tried) {
    return {
      kind: 'inchoate',
      support: tried,
      element: { element: 'conduct', holds: 'yes', grade: tried.grade, reason: `conduct: ${tried.value}, not a completed supply: an attempted or prospective breach${cite(tried)}`, source: sourceOf(tried) },
    };
  }
  const other = strongestSupport(t, 'status');
  return {
    kind: 'unknown',
    support: other,
    element: { element: 'conduct', holds: 'uncertain', grade: other?.grade ?? null, reason: `conduct: no source says the items were delivered${other ? ` (status "${other.value}")` : ''}${cite(other)}`, source: sourceOf(other) },
  };
}

interface Route {
  support: Support;
  reason: string;
}

/** The ways the record shows the items leaving or reaching the DPRK, strongest first. */
function routes(t: Transfer, parties: Party[], way: 'from' | 'to'): Route[] {
  const out: Route[] = [];
  const country = strongestSupport(t, way === 'from' ? 'originCountry' : 'destinationCountry', [DPRK]);
  if (country) out.push({ support: country, reason: `${way === 'from' ? 'origin' : 'destination'} country is the DPRK` });
  const role = way === 'from' ? 'supplier' : 'recipient';
  for (const p of parties.filter((p) => p.role === role && p.countries.includes(DPRK))) {
    const s = strongestSupport(t, role, [p.id]);
    if (s) out.push({ support: s, reason: `${role} ${p.caption} is a DPRK party` });
  }
  return out.sort((a, b) => gradeRank(a.support.grade) - gradeRank(b.support.grade));
}

function directionElement(rule: EmbargoRule, from: Route[], to: Route[]): Element | string {
  const fromOk = from.length > 0 && (rule.direction === 'from-dprk' || rule.direction === 'either');
  const toOk = to.length > 0 && (rule.direction === 'to-dprk' || rule.direction === 'either');
  if (!fromOk && !toOk) {
    return rule.direction === 'to-dprk' ? 'the items do not go to the DPRK' : rule.direction === 'from-dprk' ? 'the items do not come from the DPRK' : 'the transfer neither comes from nor goes to the DPRK';
  }
  const candidates = [...(fromOk ? [{ r: from[0], text: 'from the DPRK (an export by the DPRK)' }] : []), ...(toOk ? [{ r: to[0], text: 'to the DPRK (a supply to the DPRK)' }] : [])];
  const best = candidates.sort((a, b) => gradeRank(a.r.support.grade) - gradeRank(b.r.support.grade))[0];
  const label = fromOk && toOk ? 'to and from the DPRK' : best.text;
  return { element: 'direction', holds: 'yes', grade: best.r.support.grade, reason: `direction: ${label}; ${best.r.reason}${cite(best.r.support)}`, source: sourceOf(best.r.support) };
}

function dateElement(rule: EmbargoRule, span: DateSpan | null, support: Support | null): Element | string {
  const effective = dayNumber(rule.effective);
  const until = rule.until ? dayNumber(rule.until, true) : Infinity;
  if (!span) {
    return { element: 'date', holds: 'uncertain', grade: null, reason: `date unknown: cannot tell whether it was after ${rule.effective}, when the paragraph took effect`, source: null };
  }
  if (span.end < effective) return `the transfer (${spanText(span)}) predates the paragraph's entry into force on ${rule.effective}`;
  if (span.start > until) return `the paragraph ceased to apply on ${rule.until}`;
  if (span.start < effective) {
    return { element: 'date', holds: 'uncertain', grade: support?.grade ?? null, reason: `date: ${spanText(span)} straddles the entry into force on ${rule.effective}${cite(support)}`, source: sourceOf(support) };
  }
  return { element: 'date', holds: 'yes', grade: support?.grade ?? null, reason: `date: ${spanText(span)}, on or after the entry into force on ${rule.effective}${cite(support)}`, source: sourceOf(support) };
}

export async function checkTransfer(t: Transfer, ctx: TransferContext = NO_CONTEXT, rules: readonly EmbargoRule[] = UN_DPRK_RULES): Promise<TransferCheck> {
  const parties: Party[] = [];
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
  const from = routes(t, parties, 'from');
  const to = routes(t, parties, 'to');
  const span = transferSpan(t);
  const spanSupport = spanProps(t)
    .map((p) => strongestSupport(t, p))
    .reduce<Support | null>((a, b) => weaker(a, b), null);
  const conduct = conductOf(t);
  const findings: RuleFinding[] = [];
  const notApplicable: TransferCheck['notApplicable'] = [];

  for (const rule of rules) {
    const skip = (why: string) => void notApplicable.push({ rule: rule.id, instrument: rule.instrument, paragraph: rule.paragraph, why });
    const elements: Element[] = [conduct.element];
    const notes: string[] = [];

    const direction = directionElement(rule, from, to);
    if (typeof direction === 'string') {
      skip(direction);
      continue;
    }
    elements.push(direction);
    const date = dateElement(rule, span, spanSupport);
    if (typeof date === 'string') {
      skip(date);
      continue;
    }
    elements.push(date);

    // Items: those the paragraph catches, less its exceptions and notified items.
    const excluded = t.itemCategory.filter((c) => rule.except?.includes(c));
    let caught = t.itemCategory.filter((c) => rule.items.includes(c) && !rule.except?.includes(c));
    if (rule.services && t.purpose.some((p) => ['repair', 'servicing'].includes(p)) && !caught.includes('technical-assistance') && rule.items.includes('technical-assistance')) caught.push('technical-assistance');
    if (rule.catchAll === 'armed-forces' && caught.some((c) => ARMS_CATEGORIES.includes(c))) {
      skip('catch-all: the items are arms, caught by the specific arms provisions');
      continue;
    }
    const notice = rule.notification;
    if (notice) {
      const notifiable = caught.filter((c) => notice.items.includes(c));
      const others = caught.filter((c) => !notice.items.includes(c));
      if (notifiable.length && others.length === 0) {
        if (span && span.start > dayNumber(notice.until, true)) {
          skip(`items ${notifiable.join(', ')}: the notification rule ended on ${notice.until}; resolution 2270 para 6 bans them outright from then`);
          continue;
        }
        const said = strongestSupport(t, 'committeeNotified');
        if (t.committeeNotified === true) {
          skip(`items ${notifiable.join(', ')} were notified to the Committee${cite(said)}: ${notice.note}`);
          continue;
        }
        elements.push(
          t.committeeNotified === false
            ? { element: 'notification', holds: 'yes', grade: said?.grade ?? null, reason: `notification: the Committee was not notified before the supply of ${notifiable.join(', ')}${cite(said)}`, source: sourceOf(said) }
            : {
                element: 'notification',
                holds: 'uncertain',
                grade: null,
                reason: `notification: no source says whether the Committee was notified at least five days before the supply of ${notifiable.join(', ')}; without notice the supply breaches the paragraph`,
                source: null,
              },
        );
      }
      caught = others.length ? others : notifiable;
    }
    if (caught.length === 0) {
      const listed = t.itemCategory.length ? t.itemCategory.join(', ') : 'none recorded';
      skip(excluded.length && rule.exceptNote ? `items ${excluded.join(', ')} are excepted: ${rule.exceptNote}` : `item categories (${listed}) are not covered`);
      continue;
    }
    const itemSupport = caught.map((c) => strongestSupport(t, 'itemCategory', [c])).reduce<Support | null>((a, b) => (a && b ? (gradeRank(a.grade) <= gradeRank(b.grade) ? a : b) : (a ?? b)), null);
    const certain = caught.filter((c) => !rule.contestable?.items.includes(c));
    const itemText = `items: ${caught.map((c) => `${c} (${ITEM_CATEGORIES[c]})`).join('; ')}${cite(itemSupport)}`;
    elements.push(
      certain.length
        ? { element: 'items', holds: 'yes', grade: itemSupport?.grade ?? null, reason: itemText, source: sourceOf(itemSupport) }
        : { element: 'items', holds: 'uncertain', grade: itemSupport?.grade ?? null, reason: `${itemText}; contestable: ${rule.contestable!.reasoning}`, source: sourceOf(itemSupport) },
    );

    if (rule.purposes) {
      const purpose = strongestSupport(t, 'purpose', rule.purposes);
      if (!purpose) {
        skip(`applies to shipments for ${rule.purposes.join(', ')}; the transfer's purpose is ${t.purpose.join(', ') || 'not recorded'}`);
        continue;
      }
      elements.push({ element: 'purpose', holds: 'yes', grade: purpose.grade, reason: `purpose: ${purpose.value}${cite(purpose)}`, source: sourceOf(purpose) });
    }

    if (rule.catchAll) {
      const endUse = catchAllEndUse(rule.catchAll, t);
      if (typeof endUse === 'string') {
        skip(endUse);
        continue;
      }
      elements.push(endUse, {
        element: 'determination',
        holds: 'uncertain',
        grade: null,
        reason:
          rule.catchAll === 'armed-forces'
            ? "determination: a breach only if the supplying State determines the items could directly contribute to the DPRK armed forces' capabilities, or to DPRK exports supporting another State's armed forces"
            : "determination: a breach only if a State determines the items could contribute to the DPRK's nuclear or ballistic-missile programmes or other prohibited activities",
        source: null,
      });
    }
    if (rule.exemption && (!rule.exemptionItems || caught.some((c) => rule.exemptionItems!.includes(c)))) notes.push(`exemption the record cannot show: ${rule.exemption}`);

    const grades = elements.map((e) => e.grade).filter((g): g is EvidenceGrade => g !== null);
    const grade = grades.length ? grades.reduce((a, b) => (gradeRank(a) >= gradeRank(b) ? a : b)) : null;
    findings.push({
      rule: rule.id,
      instrument: rule.instrument,
      paragraph: rule.paragraph,
      verdict: verdictOf(conduct.kind, elements, grade),
      grade,
      elements,
      reasons: [...elements.map((e) => e.reason), ...notes],
      summary: rule.summary,
      quote: rule.quote,
      citation: rule.citation,
      verified: rule.verified,
    });
  }

  const context = parties
    .filter((p) => p.designatedBy.length)
    .map((p) => `${p.role} ${p.caption} is designated (${p.designatedBy.join(', ')}); context only: no UN finding rests on a national designation`);
  const denials = t.claims.filter((c) => c.evidenceGrade === 'denied' || c.status.includes('denied'));
  const affirming = t.claims.filter((c) => !denials.includes(c));
  // How strongly the sources say the transfer took place: the grade of the status claim when there
  // is one (a report that imagery was shown does not make the supply itself stronger than alleged).
  const grade = conduct.support?.grade ?? (affirming.length ? affirming.map((c) => c.evidenceGrade).sort((a, b) => gradeRank(a) - gradeRank(b))[0] : null);
  const caveat =
    affirming.length === 0
      ? 'Only denials are recorded: the findings describe what the transfer would breach had it taken place.'
      : denials.length
        ? `The transfer rests on ${grade} claims; ${denials.length} denial${denials.length > 1 ? 's are' : ' is'} recorded.`
        : null;
  const verdict = VERDICTS.find((v) => findings.some((f) => f.verdict === v)) ?? 'not applicable';
  return {
    transfer: t.id,
    name: t.name,
    date: span ? spanText(span) : null,
    verdict,
    conduct: { kind: conduct.kind, status: conduct.support?.value ?? null, grade: conduct.support?.grade ?? null },
    direction: { fromDprk: from.length > 0, toDprk: to.length > 0, reasons: [...from, ...to].map((r) => `${r.reason}${cite(r.support)}`) },
    items: t.itemCategory.map((category) => ({ category, label: ITEM_CATEGORIES[category] })),
    parties,
    breaches: findings,
    notApplicable,
    context,
    evidence: { grade, claims: affirming, denials, caveat },
    warnings: t.warnings,
  };
}

/**
 * A delivery whose every necessary element holds on corroborated evidence or better is a breach;
 * on reported evidence a probable breach; on alleged evidence, or where an element turns on a
 * reading, a range or a determination, a possible breach. A negotiation, plan, order or attempt is
 * an attempted or prospective breach whatever the grades (they are shown element by element).
 */
function verdictOf(conduct: TransferCheck['conduct']['kind'], elements: Element[], grade: EvidenceGrade | null): RuleFinding['verdict'] {
  if (conduct === 'inchoate') return 'attempted or prospective breach';
  if (elements.some((e) => e.holds === 'uncertain')) return 'possible breach';
  if (grade === null || gradeRank(grade) <= gradeRank('corroborated')) return 'breach';
  if (grade === 'reported') return 'probable breach';
  return 'possible breach';
}

function catchAllEndUse(kind: NonNullable<EmbargoRule['catchAll']>, t: Transfer): Element | string {
  if (kind === 'programmes') {
    const use = strongestSupport(t, 'endUse', PROGRAMME_USES);
    if (use) return { element: 'end use', holds: 'yes', grade: use.grade, reason: `end use: ${use.value}${cite(use)}`, source: sourceOf(use) };
    const sub = strongestSupport(t, 'endUse', ['submarine-programme']);
    if (sub) {
      return {
        element: 'end use',
        holds: 'uncertain',
        grade: sub.grade,
        reason: `end use: submarine programme${cite(sub)}; not itself a prohibited programme, caught only if the items could contribute to the ballistic-missile programme (submarine-launched missiles) or another prohibited activity`,
        source: sourceOf(sub),
      };
    }
    return 'catch-all: no source says the items are for the nuclear, ballistic-missile or other WMD programmes';
  }
  const forces = strongestSupport(t, 'endUse', ['armed-forces']) ?? strongestSupport(t, 'militaryEndUse', ['true']);
  if (forces) return { element: 'end use', holds: 'yes', grade: forces.grade, reason: `end use: the DPRK armed forces${cite(forces)}`, source: sourceOf(forces) };
  const exports = strongestSupport(t, 'endUse', ['arms-exports']) ?? strongestSupport(t, 'leg', ['counter']) ?? (t.inExchangeFor.length ? strongestSupport(t, 'inExchangeFor') : null);
  if (exports) {
    return {
      element: 'end use',
      holds: 'uncertain',
      grade: exports.grade,
      reason: `end use: supplied in exchange for DPRK arms (${t.inExchangeFor.join(', ') || exports.value}); whether the items could contribute to DPRK exports supporting another State's armed forces is for the supplying State to determine${cite(exports)}`,
      source: sourceOf(exports),
    };
  }
  return "catch-all: nothing recorded links the items to the DPRK's armed forces or to its arms exports";
}
