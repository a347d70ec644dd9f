// A transfer as the page shows it: its detail and its check against the embargo rules, side by
// side. The fields are the server's; this only joins the two answers and turns day numbers into dates.
import type { RuleFinding, Transfer, TransferCheck, TransferClaim, TransferParty } from '../api/transfers.ts';

export interface TransferView {
  id: string;
  caption: string;
  supplier: TransferParty[];
  recipient: TransferParty[];
  intermediaries: TransferParty[];
  supplierCountries: string[];
  recipientCountries: string[];
  items: string[];
  /** Earliest and latest day the transfer's dates allow (ISO), for the timeline. */
  start: string | null;
  end: string | null;
  dateText: string | null;
  detail: Transfer;
  check: TransferCheck;
  claims: TransferClaim[];
  breaches: RuleFinding[];
}

/** yyyymmdd day numbers (the transfers API's date spans) to ISO dates; open ends are null. */
function dayToIso(day: number): string | null {
  if (day <= 0 || day >= 99_991_231) return null;
  const t = String(day).padStart(8, '0');
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
}

export function transferView(detail: Transfer, check: TransferCheck): TransferView {
  const byRole = (role: string) => check.parties.filter((p) => p.role === role);
  const supplier = byRole('supplier');
  const recipient = byRole('recipient');
  const countries = (given: string[], parties: TransferParty[]) => [...new Set([...given, ...parties.flatMap((p) => p.countries)].map((c) => c.toLowerCase()))];
  const span = detail.deliveryDate ?? detail.orderDate ?? detail.otherDate;
  return {
    id: detail.id,
    caption: check.name ?? detail.name ?? (detail.itemDesignation.join(', ') || detail.id),
    supplier,
    recipient,
    intermediaries: byRole('intermediary'),
    supplierCountries: countries(detail.originCountry, supplier),
    recipientCountries: countries(detail.destinationCountry, recipient),
    items: [...detail.itemDesignation, ...check.items.map((i) => `(${i.label})`)],
    // An open start ("by March 2023") is drawn at the latest day the sources allow.
    start: span ? (dayToIso(span.start) ?? dayToIso(span.end)) : null,
    end: span ? (dayToIso(span.end) ?? dayToIso(span.start)) : null,
    dateText: span?.text ?? check.date,
    detail,
    check,
    claims: [...check.evidence.claims, ...check.evidence.denials],
    breaches: check.breaches,
  };
}

export const isDesignated = (p: TransferParty) => p.designatedBy.length > 0;
