// The graph and transfer clients, still normalising shapes (their routes' schemas come in another
// change). Lists, entities and screening live in web/src/api/, typed from /openapi.json.
import { BASE, query, request } from './api/http.ts';

export { ApiError } from './api/http.ts';

export const GRADES = ['official', 'corroborated', 'reported', 'alleged', 'disputed', 'denied'] as const;
export type Grade = (typeof GRADES)[number];

export interface Entity {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  first_seen?: string;
  last_seen?: string;
  /**
   * Entities the server nested into properties (FtM "nested" JSON), by id: the sanctions and
   * relationships pointing at this one, under their reverse properties. The only related entities
   * the API sends.
   */
  nested: Record<string, Entity>;
  /** The server's word on whether the entity is a sanctions target, when it gives one. */
  target?: boolean;
}

export interface Provenance {
  prop: string;
  value: string;
  dataset: string;
  version: string | null;
  sourceDocument: string | null;
  locator: string | null;
  claimDate: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  grade: Grade | null;
  lang: string | null;
  originalValue: string | null;
}

export interface GraphNode {
  id: string;
  caption: string;
  schema: string;
  sanctioned: boolean;
}
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** FtM relationship schema: Ownership, Directorship, UnknownLink… */
  type: string;
  label: string;
  grade: Grade | null;
  startDate: string | null;
  endDate: string | null;
  provenance: Provenance[];
  properties: Record<string, string[]>;
}
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** How many nodes and edges the cap left out of the answer. */
  cutNodes: number;
  cutEdges: number;
}
export interface GraphPath { nodes: GraphNode[]; edges: GraphEdge[] }

/** A transfer as the list shows it: detail from /transfers/{id} and the check from /violations. */
export interface Transfer {
  id: string;
  caption: string;
  supplier: Party[];
  recipient: Party[];
  intermediaries: Party[];
  supplierCountries: string[];
  recipientCountries: string[];
  items: string[];
  /** Earliest and latest day the transfer's dates allow (ISO), for the timeline. */
  start: string | null;
  end: string | null;
  dateText: string | null;
  means: string[];
  status: string[];
  route: string[];
  quantity: string[];
  grade: Grade | null;
  sources: string[];
  claims: Claim[];
  denials: Claim[];
  caveat: string | null;
  breaches: Violation[];
  /** The strongest verdict among the provisions (`not applicable` when none applies). */
  verdict: string;
  /** Designations shown as context; no UN finding rests on them. */
  context: string[];
  /** SIPRI-style figures ("24?", "20-30") and the deal this transfer is a leg of. */
  numberOrdered: string | null;
  numberDelivered: string | null;
  deal: string | null;
  leg: string | null;
  inExchangeFor: string[];
  warnings: string[];
}
export interface Party { id: string; caption: string; countries: string[]; sanctioned: boolean; role: string }
export interface Claim { grade: Grade | null; sourceDocument: string | null; locator: string | null; claimDate: string | null; status: string[]; notes: string[] }
export interface Violation {
  instrument: string;
  paragraph: string;
  /** `breach`, `probable breach`, `possible breach`, `attempted or prospective breach`. */
  verdict: string;
  /** The weakest grade among the necessary elements. */
  grade: Grade | null;
  elements: { element: string; holds: 'yes' | 'uncertain'; grade: Grade | null; reason: string }[];
  verified: 'text' | 'summary';
  summary: string;
  quote: string | null;
  reasons: string[];
  citation: { symbol: string; url: string | null } | null;
}

export interface GraphFilter {
  types?: string[];
  /** Date window (ISO dates): relationships in force at some point inside it. */
  dateFrom?: string;
  dateTo?: string;
  minGrade?: Grade;
}

// ---- normalisers: tolerant of camelCase and snake_case, missing fields, nested shapes ----

type Obj = Record<string, unknown>;
function asObject(v: unknown): Obj {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}
function str(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}
function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() && Number.isFinite(Number(v)) ? Number(v) : fallback;
}
function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : str(asObject(x).id) ?? str(asObject(x).caption) ?? JSON.stringify(x)));
  return typeof v === 'string' ? [v] : [];
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function pick(o: Obj, ...keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
}
function grade(v: unknown): Grade | null {
  return typeof v === 'string' && (GRADES as readonly string[]).includes(v) ? (v as Grade) : null;
}

export function toEntity(raw: unknown): Entity {
  const o = asObject(raw);
  const properties: Record<string, string[]> = {};
  const nested: Record<string, Entity> = {};
  for (const [prop, values] of Object.entries(asObject(o.properties))) {
    properties[prop] = arr(values).map((v) => {
      if (v && typeof v === 'object') {
        const child = toEntity(v);
        nested[child.id] = child;
        return child.id;
      }
      return String(v);
    });
  }
  const id = str(o.id) ?? '';
  return {
    id,
    schema: str(o.schema) ?? 'Thing',
    caption: str(o.caption) ?? properties.name?.[0] ?? id,
    properties,
    datasets: strings(o.datasets),
    referents: strings(o.referents),
    first_seen: str(pick(o, 'first_seen', 'firstSeen')) ?? undefined,
    last_seen: str(pick(o, 'last_seen', 'lastSeen')) ?? undefined,
    nested,
    target: typeof o.target === 'boolean' ? o.target : undefined,
  };
}

export function toProvenance(raw: unknown, prop = '', value = ''): Provenance {
  const o = asObject(raw);
  const version = pick(o, 'version', 'datasetVersion', 'dataset_version', 'versionId', 'version_id');
  return {
    prop: str(o.prop) ?? prop,
    value: str(o.value) ?? value,
    dataset: str(o.dataset) ?? '',
    version: typeof version === 'object' ? str(asObject(version).version) : str(version),
    sourceDocument: str(pick(o, 'sourceDocument', 'source_document', 'source')),
    locator: str(o.locator),
    claimDate: str(pick(o, 'claimDate', 'claim_date')),
    firstSeen: str(pick(o, 'firstSeen', 'first_seen')),
    lastSeen: str(pick(o, 'lastSeen', 'last_seen')),
    grade: grade(pick(o, 'evidenceGrade', 'evidence_grade', 'grade')),
    lang: str(o.lang),
    originalValue: str(pick(o, 'originalValue', 'original_value')),
  };
}

export function isSanctioned(e: { properties: Record<string, string[]>; schema?: string; target?: boolean }, flag?: unknown): boolean {
  if (typeof flag === 'boolean') return flag;
  if (typeof e.target === 'boolean') return e.target;
  // Without the server's word, only a nested Sanction of the entity counts; a topic from a case file does not.
  return (e.properties.sanctions?.length ?? 0) > 0;
}

export function toGraphNode(raw: unknown): GraphNode {
  const o = asObject(raw);
  const inner = o.entity ? asObject(o.entity) : o;
  const e = toEntity(inner);
  return {
    id: e.id,
    caption: str(o.caption) ?? str(o.label) ?? e.caption,
    schema: str(o.schema) ?? e.schema,
    sanctioned: isSanctioned(e, pick(o, 'sanctioned', 'isSanctioned') ?? pick(inner, 'sanctioned')),
  };
}

export function toGraphEdge(raw: unknown): GraphEdge {
  const o = asObject(raw);
  const rel = o.relationship ? asObject(o.relationship) : o;
  const e = toEntity(rel);
  const type = str(pick(o, 'type', 'relType')) ?? e.schema;
  // The server resolves both ends of every edge (src/graph/types.ts GraphEdge.source/target).
  const endId = (v: unknown) => (typeof v === 'string' ? v : str(asObject(v).id));
  const source = endId(pick(o, 'source', 'from', 'sourceId')) ?? '';
  const target = endId(pick(o, 'target', 'to', 'targetId')) ?? '';
  const prov = arr(pick(o, 'provenance', 'statements', 'sources')).map((s) => toProvenance(s));
  return {
    id: str(o.id) ?? e.id ?? `${source}>${target}`,
    source,
    target,
    type,
    label: [str(o.role) ?? str(o.label) ?? e.properties.role?.[0] ?? e.properties.relationship?.[0] ?? type, typeof o.percentage === 'number' ? `${o.percentage}%` : e.properties.percentage?.[0] ? `${e.properties.percentage[0]}%` : ''].filter(Boolean).join(' '),
    grade: grade(pick(o, 'grade', 'evidenceGrade', 'evidence_grade')) ?? prov.map((p) => p.grade).find(Boolean) ?? null,
    startDate: str(pick(o, 'startDate', 'start_date')) ?? e.properties.startDate?.[0] ?? e.properties.date?.[0] ?? null,
    endDate: str(pick(o, 'endDate', 'end_date')) ?? e.properties.endDate?.[0] ?? null,
    provenance: prov,
    properties: e.properties,
  };
}

function toSubgraph(raw: unknown): Subgraph {
  const o = asObject(raw);
  const cut = pick(o, 'cut', 'omitted');
  const cutObj = asObject(cut);
  // Paths list node ids in `nodes` and the nodes themselves in `nodeDetails`.
  const rawNodes = arr(pick(o, 'nodeDetails', 'nodes', 'entities')).filter((n) => typeof n === 'object');
  return {
    nodes: rawNodes.map(toGraphNode),
    edges: arr(pick(o, 'edges', 'relationships', 'links')).map(toGraphEdge),
    cutNodes: typeof cut === 'number' ? cut : num(cutObj.nodes),
    cutEdges: num(cutObj.edges),
  };
}

/** yyyymmdd day numbers (the transfers API's date spans) to ISO dates. */
function dayToIso(n: unknown): string | null {
  const v = num(n, NaN);
  if (!Number.isFinite(v)) return typeof n === 'string' ? n : null;
  if (v <= 0 || v >= 99_991_231) return null; // an open end ("by March 2023")
  const t = String(Math.trunc(v)).padStart(8, '0');
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
}

function toClaim(raw: unknown): Claim {
  const o = asObject(raw);
  return {
    grade: grade(pick(o, 'evidenceGrade', 'grade')),
    sourceDocument: str(pick(o, 'sourceDocument', 'source')),
    locator: str(o.locator),
    claimDate: str(o.claimDate),
    status: strings(o.status),
    notes: strings(o.notes),
  };
}

function toViolation(raw: unknown): Violation {
  const o = asObject(raw);
  const c = asObject(o.citation);
  return {
    instrument: str(pick(o, 'instrument', 'citation')) ?? '',
    paragraph: str(pick(o, 'paragraph', 'provision')) ?? '',
    verdict: str(o.verdict) ?? 'possible breach',
    grade: grade(o.grade),
    elements: arr(o.elements).map((e) => {
      const x = asObject(e);
      return { element: str(x.element) ?? '', holds: x.holds === 'yes' ? 'yes' : 'uncertain', grade: grade(x.grade), reason: str(x.reason) ?? '' };
    }),
    verified: o.verified === 'text' ? 'text' : 'summary',
    summary: str(pick(o, 'summary', 'title')) ?? '',
    quote: str(o.quote),
    reasons: strings(pick(o, 'reasons', 'reason')),
    citation: o.citation && typeof o.citation === 'object' ? { symbol: str(c.symbol) ?? '', url: str(c.url) } : null,
  };
}

/** Combine a transfer's detail and its check into what the page shows. */
export function toTransfer(id: string, detailRaw: unknown, checkRaw: unknown): Transfer {
  const d = asObject(detailRaw);
  const c = asObject(checkRaw);
  const parties = arr(c.parties).map((p): Party => {
    const o = asObject(p);
    return {
      id: str(o.id) ?? '',
      caption: str(o.caption) ?? str(o.id) ?? '',
      countries: strings(o.countries),
      sanctioned: strings(o.designatedBy).length > 0,
      role: str(o.role) ?? '',
    };
  });
  const byRole = (role: string, ids: string[]) => {
    const known = parties.filter((p) => p.role === role);
    const missing = ids.filter((x) => !known.some((p) => p.id === x)).map((x) => ({ id: x, caption: x, countries: [], sanctioned: false, role }));
    return [...known, ...missing];
  };
  const supplier = byRole('supplier', strings(d.supplier));
  const recipient = byRole('recipient', strings(d.recipient));
  const intermediaries = byRole('intermediary', strings(d.intermediaries));
  const span = asObject(d.deliveryDate ?? d.orderDate ?? d.otherDate);
  const evidence = asObject(c.evidence);
  const claims = arr(evidence.claims ?? d.claims).map(toClaim);
  const denials = arr(evidence.denials).map(toClaim);
  const items = arr(c.items).map((i) => str(asObject(i).label) ?? '').filter(Boolean);
  const sources = new Set([...strings(d.sources), ...claims.concat(denials).map((x) => x.sourceDocument ?? '').filter(Boolean)]);
  const countries = (given: string[], ps: Party[]) => [...new Set([...given, ...ps.flatMap((p) => p.countries)].map((x) => x.toLowerCase()))];
  return {
    id,
    caption: str(pick(c, 'name')) ?? str(d.name) ?? (strings(d.itemDesignation).join(', ') || id),
    supplier,
    recipient,
    intermediaries,
    supplierCountries: countries(strings(d.originCountry), supplier),
    recipientCountries: countries(strings(d.destinationCountry), recipient),
    items: [...strings(d.itemDesignation), ...items.map((i) => `(${i})`)],
    // An open start ("by March 2023") is drawn at the latest day the sources allow.
    start: dayToIso(span.start) ?? dayToIso(span.end),
    end: dayToIso(span.end) ?? dayToIso(span.start),
    dateText: str(span.text) ?? str(c.date),
    means: strings(d.means),
    status: strings(d.status),
    route: strings(d.route),
    quantity: strings(d.quantity),
    grade: grade(evidence.grade),
    sources: [...sources],
    claims,
    denials,
    caveat: str(evidence.caveat),
    breaches: arr(c.breaches).map(toViolation),
    verdict: str(c.verdict) ?? 'not applicable',
    context: strings(c.context),
    numberOrdered: str(asObject(d.numberOrdered).text),
    numberDelivered: str(asObject(d.numberDelivered).text),
    deal: str(d.deal),
    leg: str(d.leg),
    inExchangeFor: strings(d.inExchangeFor),
    warnings: [...strings(d.warnings), ...strings(c.warnings)],
  };
}

// ---- the endpoints ----

export const api = {
  async neighborhood(id: string, hops: number, limit: number, filter: GraphFilter = {}, signal?: AbortSignal): Promise<Subgraph> {
    return toSubgraph(await request<unknown>(`/graph/neighborhood${query({ id, hops, limit, ...filterParams(filter) })}`, { signal }));
  },

  async adjacent(id: string, options: { limit?: number; offset?: number } & GraphFilter = {}, signal?: AbortSignal): Promise<Subgraph & { total: number }> {
    const { limit, offset, ...filter } = options;
    const body = asObject(await request<unknown>(`/entities/${encodeURIComponent(id)}/adjacent${query({ limit, offset, ...filterParams(filter) })}`, { signal }));
    const sub = toSubgraph(body);
    if (body.entity) sub.nodes.push(toGraphNode(body.entity));
    // Paged lists of {edge, other} pairs.
    for (const r of arr(body.results)) {
      const ro = asObject(r);
      if (ro.relationship || ro.edge) sub.edges.push(toGraphEdge(ro.edge ?? ro));
      const other = pick(ro, 'entity', 'other', 'node');
      if (other) sub.nodes.push(toGraphNode(other));
    }
    const total = body.total;
    return { ...sub, total: typeof total === 'number' ? total : num(asObject(total).value, sub.edges.length) };
  },

  async paths(from: string, to: string, options: { maxHops?: number; k?: number } & GraphFilter = {}, signal?: AbortSignal): Promise<GraphPath[]> {
    const { maxHops, k, ...filter } = options;
    const body = await request<unknown>(`/graph/paths${query({ from, to, maxHops, k, ...filterParams(filter) })}`, { signal });
    const list = Array.isArray(body) ? body : arr(pick(asObject(body), 'paths', 'results'));
    return list.map((p) => {
      const sub = toSubgraph(p);
      return { nodes: sub.nodes, edges: sub.edges };
    });
  },

  graphExportUrl(ids: string[], format: string): string {
    return `${BASE}/graph/export${query({ ids: ids.join(','), format })}`;
  },

  async transfers(signal?: AbortSignal): Promise<{ id: string; name: string | null }[]> {
    const body = await request<unknown>('/transfers', { signal });
    return arr(Array.isArray(body) ? body : pick(asObject(body), 'transfers', 'results')).map((t) => ({ id: str(asObject(t).id) ?? '', name: str(asObject(t).name) }));
  },

  /** A transfer's detail and its check against the embargo rules, combined. */
  async transfer(id: string, signal?: AbortSignal): Promise<Transfer> {
    const path = `/transfers/${encodeURIComponent(id)}`;
    const [detail, check] = await Promise.all([request<unknown>(path, { signal }), request<unknown>(`${path}/violations`, { signal })]);
    return toTransfer(id, detail, check);
  },
};

function filterParams(f: GraphFilter): Record<string, string | undefined> {
  return {
    types: f.types?.length ? f.types.join(',') : undefined,
    from_date: f.dateFrom || undefined,
    to_date: f.dateTo || undefined,
    minGrade: f.minGrade,
  };
}
