// A transfer as the rules read it, assembled from its statements: the properties, and the claims
// behind them (who says so, on which grade; a denial is a claim of its own).
import { dayNumber, dayToIso } from '../graph/dates.ts';
import { gradeRank, isEvidenceGrade, type EvidenceGrade } from '../model/grades.ts';
import type { StatementDraft } from '../model/statement.ts';
import { ID_PROP } from '../model/statement.ts';
import { isItemCategory, type ItemCategory } from '../model/arms-transfer.ts';

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

export interface DateSpan {
  text: string;
  /** Day numbers (yyyymmdd): the earliest and latest day the value allows. */
  start: number;
  end: number;
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
  quantity: string[];
  orderDate: DateSpan | null;
  deliveryDate: DateSpan | null;
  /** Interval dates inherited from FtM (`date`, `startDate`/`endDate`). */
  otherDate: DateSpan | null;
  route: string[];
  means: string[];
  status: string[];
  purpose: string[];
  militaryEndUse: boolean;
  inExchangeFor: string[];
  sources: string[];
  claims: TransferClaim[];
  warnings: string[];
}

/** "2022", "2022-11", "2022-11-05", or a range "2016/2021" (either end may be partial). */
export function parseDateSpan(text: string): DateSpan | null {
  const t = text.trim();
  if (!t) return null;
  const [a, b] = t.includes('/') ? t.split('/', 2) : [t, t];
  const start = dayNumber(a);
  const end = dayNumber(b, true);
  if (!start || !end || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(a.trim()) || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(b.trim())) return null;
  return { text: t, start, end };
}

/** When the transfer happened, as well as the sources let us say: delivery, else order, else any date. */
export function transferSpan(t: Transfer): DateSpan | null {
  return t.deliveryDate ?? t.orderDate ?? t.otherDate;
}

export function spanText(span: DateSpan): string {
  const a = dayToIso(span.start);
  const b = dayToIso(span.end);
  return a === b ? `${a}` : `${a} to ${b}`;
}

type Draftish = Pick<StatementDraft, 'prop' | 'value' | 'evidenceGrade' | 'sourceDocument' | 'locator' | 'claimDate'> & { entityId: string };

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
    quantity: [],
    orderDate: null,
    deliveryDate: null,
    otherDate: null,
    route: [],
    means: [],
    status: [],
    purpose: [],
    militaryEndUse: false,
    inExchangeFor: [],
    sources: [],
    claims: [],
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
    switch (s.prop) {
      case 'name':
        t.name ??= v;
        break;
      case 'supplier':
      case 'recipient':
      case 'intermediaries':
      case 'carrier':
      case 'originCountry':
      case 'destinationCountry':
      case 'itemDesignation':
      case 'itemDescription':
      case 'quantity':
      case 'route':
      case 'means':
      case 'purpose':
      case 'inExchangeFor':
      case 'sources':
        add(t[s.prop], s.prop.endsWith('Country') ? v.toLowerCase() : v);
        break;
      case 'claimant':
        add(t.claimant, v);
        add(claim.claimant, v);
        break;
      case 'status':
        add(t.status, v);
        add(claim.status, v);
        break;
      case 'notes':
      case 'summary':
      case 'description':
        add(claim.notes, v);
        break;
      case 'itemCategory':
        if (isItemCategory(v)) add(t.itemCategory, v);
        else t.warnings.push(`unknown item category "${v}"`);
        break;
      case 'militaryEndUse':
        t.militaryEndUse ||= v === 'true';
        break;
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
        if (s.prop === 'orderDate') t.orderDate = widen(t.orderDate, span);
        else if (s.prop === 'deliveryDate') t.deliveryDate = widen(t.deliveryDate, span);
        else t.otherDate = widen(t.otherDate, span);
        break;
      }
      default:
        break;
    }
  }
  if (t.orderDate && t.deliveryDate && t.orderDate.start > t.deliveryDate.end) {
    t.warnings.push(`order date ${t.orderDate.text} is after delivery date ${t.deliveryDate.text}`);
  }
  t.claims = [...claims.values()].sort((a, b) => gradeRank(a.evidenceGrade) - gradeRank(b.evidenceGrade));
  return t;
}

function widen(current: DateSpan | null, span: DateSpan): DateSpan {
  if (!current) return span;
  return { text: `${current.text}; ${span.text}`, start: Math.min(current.start, span.start), end: Math.max(current.end, span.end) };
}
