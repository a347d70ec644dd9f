// A transfer as the rules read it, assembled from its statements: the properties, the claims
// behind them (who says so, on which grade; a denial is a claim of its own), and for every
// property the grades and sources of the statements that give it, so a finding can say how strong
// each element it rests on is.
import { parseDateSpan, widenSpan, type DateSpan } from '../model/date-span.ts';
import { gradeRank, isEvidenceGrade, type EvidenceGrade } from '../model/grades.ts';
import type { StatementDraft } from '../model/statement.ts';
import { ID_PROP } from '../model/statement.ts';
import { isItemCategory, NUMBER_RE, type ItemCategory } from '../model/arms-transfer.ts';

export type { DateSpan } from '../model/date-span.ts';

export interface TransferClaim {
  evidenceGrade: EvidenceGrade;
  sourceDocument: string | null;
  locator: string | null;
  claimDate: string | null;
  /** What this claim says about the status ("delivered", "denied"). */
  status: string[];
  claimant: string[];
  notes: string[];
}

/** One statement behind a property value: what a finding's element rests on. */
export interface Support {
  value: string;
  grade: EvidenceGrade;
  sourceDocument: string | null;
  locator: string | null;
}

/** A SIPRI-style figure: "24", "24?" (uncertain), "20-30" (a range). */
export interface Figure {
  text: string;
  low: number;
  high: number;
  uncertain: boolean;
}

export interface Transfer {
  id: string;
  name: string | null;
  supplier: string[];
  recipient: string[];
  intermediaries: string[];
  carrier: string[];
  claimant: string[];
  originCountry: string[];
  destinationCountry: string[];
  itemCategory: ItemCategory[];
  itemDesignation: string[];
  itemDescription: string[];
  weaponCategory: string[];
  quantity: string[];
  numberOrdered: Figure | null;
  numberDelivered: Figure | null;
  orderDate: DateSpan | null;
  deliveryDate: DateSpan | null;
  /** Interval dates inherited from FtM (`date`, `startDate`/`endDate`). */
  otherDate: DateSpan | null;
  dateQualifier: string[];
  route: string[];
  means: string[];
  /** Status values of affirming claims (a denial's "denied" is in its claim, not here). */
  status: string[];
  purpose: string[];
  endUse: string[];
  militaryEndUse: boolean;
  /** true / false when a source says whether the 1718 Committee was notified; null when none does. */
  committeeNotified: boolean | null;
  deal: string | null;
  leg: string | null;
  inExchangeFor: string[];
  sources: string[];
  claims: TransferClaim[];
  /** Per property, the affirming statements behind its values, strongest first. */
  support: Record<string, Support[]>;
  warnings: string[];
}

export function parseFigure(text: string): Figure | null {
  const m = NUMBER_RE.exec(text.trim());
  if (!m) return null;
  const low = Number(m[1]);
  return { text: text.trim(), low, high: m[2] ? Number(m[2]) : low, uncertain: Boolean(m[3]) };
}

/** When the transfer happened, as well as the sources let us say: delivery, else order, else any date. */
export function transferSpan(t: Transfer): DateSpan | null {
  return t.deliveryDate ?? t.orderDate ?? t.otherDate;
}

/** The property the transfer's date comes from (to find the date's grade). */
export function spanProps(t: Transfer): string[] {
  return t.deliveryDate ? ['deliveryDate'] : t.orderDate ? ['orderDate'] : ['date', 'startDate', 'endDate'];
}

type Draftish = Pick<StatementDraft, 'prop' | 'value' | 'evidenceGrade' | 'sourceDocument' | 'locator' | 'claimDate'> & { entityId: string };

const LIST_PROPS = [
  'supplier',
  'recipient',
  'intermediaries',
  'carrier',
  'originCountry',
  'destinationCountry',
  'itemDesignation',
  'itemDescription',
  'weaponCategory',
  'quantity',
  'dateQualifier',
  'route',
  'means',
  'purpose',
  'endUse',
  'inExchangeFor',
  'sources',
] as const;

/** Assemble a transfer from its statements (drafts or stored statements). */
export function transferFromStatements(id: string, statements: Draftish[]): Transfer {
  const t: Transfer = {
    id,
    name: null,
    supplier: [],
    recipient: [],
    intermediaries: [],
    carrier: [],
    claimant: [],
    originCountry: [],
    destinationCountry: [],
    itemCategory: [],
    itemDesignation: [],
    itemDescription: [],
    weaponCategory: [],
    quantity: [],
    numberOrdered: null,
    numberDelivered: null,
    orderDate: null,
    deliveryDate: null,
    otherDate: null,
    dateQualifier: [],
    route: [],
    means: [],
    status: [],
    purpose: [],
    endUse: [],
    militaryEndUse: false,
    committeeNotified: null,
    deal: null,
    leg: null,
    inExchangeFor: [],
    sources: [],
    claims: [],
    support: {},
    warnings: [],
  };
  const claims = new Map<string, TransferClaim>();
  const add = (list: string[], v: string) => void (list.includes(v) ? undefined : list.push(v));
  for (const s of statements) {
    if (s.prop === ID_PROP) continue;
    const grade = s.evidenceGrade && isEvidenceGrade(s.evidenceGrade) ? s.evidenceGrade : 'reported';
    const key = [s.sourceDocument ?? '', grade, s.claimDate ?? '', s.locator ?? ''].join('\u0000');
    let claim = claims.get(key);
    if (!claim) {
      claims.set(key, (claim = { evidenceGrade: grade, sourceDocument: s.sourceDocument ?? null, locator: s.locator ?? null, claimDate: s.claimDate ?? null, status: [], claimant: [], notes: [] }));
    }
    const v = s.value;
    if (s.prop === 'claimant') add(claim.claimant, v);
    if (s.prop === 'status') add(claim.status, v);
    if (['notes', 'summary', 'description'].includes(s.prop)) add(claim.notes, v);
    // A denial says what did not happen: it is evidence against, never the ground of a property.
    if (grade === 'denied') continue;
    (t.support[s.prop] ??= []).push({ value: s.prop.endsWith('Country') ? v.toLowerCase() : v, grade, sourceDocument: s.sourceDocument ?? null, locator: s.locator ?? null });
    switch (s.prop) {
      case 'name':
        t.name ??= v;
        break;
      case 'claimant':
        add(t.claimant, v);
        break;
      case 'status':
        add(t.status, v);
        break;
      case 'itemCategory':
        if (isItemCategory(v)) add(t.itemCategory, v);
        else t.warnings.push(`unknown item category "${v}"`);
        break;
      case 'militaryEndUse':
        t.militaryEndUse ||= v === 'true';
        break;
      case 'committeeNotified':
        t.committeeNotified = (t.committeeNotified ?? false) || v === 'true';
        break;
      case 'deal':
        t.deal ??= v;
        break;
      case 'leg':
        t.leg ??= v;
        break;
      case 'numberOrdered':
      case 'numberDelivered': {
        const figure = parseFigure(v);
        if (figure) t[s.prop] ??= figure;
        else t.warnings.push(`${s.prop} "${v}" is not a number or range`);
        break;
      }
      case 'orderDate':
      case 'deliveryDate':
      case 'date':
      case 'startDate':
      case 'endDate': {
        const span = parseDateSpan(v);
        if (!span) {
          t.warnings.push(`${s.prop} "${v}" is not an ISO date or range`);
          break;
        }
        if (s.prop === 'orderDate') t.orderDate = widenSpan(t.orderDate, span);
        else if (s.prop === 'deliveryDate') t.deliveryDate = widenSpan(t.deliveryDate, span);
        else t.otherDate = widenSpan(t.otherDate, span);
        break;
      }
      default:
        if ((LIST_PROPS as readonly string[]).includes(s.prop)) add(t[s.prop as (typeof LIST_PROPS)[number]], s.prop.endsWith('Country') ? v.toLowerCase() : v);
        break;
    }
  }
  if (t.orderDate && t.deliveryDate && t.orderDate.start > t.deliveryDate.end) {
    t.warnings.push(`order date ${t.orderDate.text} is after delivery date ${t.deliveryDate.text}`);
  }
  for (const list of Object.values(t.support)) list.sort((a, b) => gradeRank(a.grade) - gradeRank(b.grade));
  t.claims = [...claims.values()].sort((a, b) => gradeRank(a.evidenceGrade) - gradeRank(b.evidenceGrade));
  return t;
}

/** Transfers from the statements of many (a CSV's rows), one per entity id, in file order. */
export function transfersFromStatements(statements: Draftish[]): Transfer[] {
  const byId = new Map<string, Draftish[]>();
  for (const s of statements) {
    let list = byId.get(s.entityId);
    if (!list) byId.set(s.entityId, (list = []));
    list.push(s);
  }
  return [...byId].map(([id, list]) => transferFromStatements(id, list));
}

/** The strongest statement giving `prop` one of `values` (any value when omitted). */
export function strongestSupport(t: Transfer, prop: string, values?: readonly string[]): Support | null {
  return (t.support[prop] ?? []).find((s) => !values || values.includes(s.value)) ?? null;
}

/** Group transfers into deals: the legs sharing a `deal` id, or linked by `inExchangeFor`. */
export function dealsOf(transfers: Transfer[]): { deal: string; legs: string[] }[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x) ?? (parent.set(x, x), x);
    return x;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  for (const t of transfers) parent.set(t.id, t.id);
  const byDeal = new Map<string, string>();
  for (const t of transfers) {
    if (t.deal) {
      const first = byDeal.get(t.deal);
      if (first) union(t.id, first);
      else byDeal.set(t.deal, t.id);
    }
    for (const other of t.inExchangeFor) if (parent.has(other)) union(t.id, other);
  }
  const groups = new Map<string, string[]>();
  for (const t of transfers) {
    const root = find(t.id);
    groups.set(root, [...(groups.get(root) ?? []), t.id]);
  }
  return [...groups.values()].filter((legs) => legs.length > 1).map((legs) => ({ deal: transfers.find((t) => legs.includes(t.id) && t.deal)?.deal ?? legs[0], legs }));
}
