// The one place that knows the HTTP API's shapes. Pages get normalised, typed values from here,
// so a change on the server side is fixed once. Everything goes through the public API.

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

export interface DatasetVersion {
  id: number;
  dataset: string;
  version: string;
  publishedAt: string | null;
  importedAt: string | null;
  status: string;
  entityCount: number;
  statementCount: number;
  schemaCounts: Record<string, number>;
}

export interface CatalogDataset {
  name: string;
  title: string;
  publisher: string;
  licence: string;
  live: DatasetVersion | null;
  versions: number;
  stale: boolean;
  ageDays: number | null;
  /** The publisher no longer issues the list (e.g. OFSI's Consolidated List since 2026-01-28). */
  retired: { on: string; supersededBy: string; note: string } | null;
}

export interface DiffEntry { id: string; schema: string; caption: string }
export interface DiffChange extends DiffEntry { changes: Record<string, { removed: string[]; added: string[] }> }
export type DiffKind = 'added' | 'removed' | 'changed';
export interface DiffCounts { added: number; removed: number; changed: number }
export interface DiffRow extends DiffEntry { kind: DiffKind; target: boolean; changes?: DiffChange['changes'] }
/** A page of a diff (the server pages and filters it, list entries first). */
export interface DatasetDiff {
  dataset: string;
  from: DatasetVersion;
  to: DatasetVersion;
  counts: DiffCounts & { targets: DiffCounts };
  schemata: (DiffCounts & { schema: string })[];
  total: number;
  offset: number;
  limit: number;
  results: DiffRow[];
}
export interface DiffFilter { kind?: DiffKind | ''; schema?: string; q?: string; offset?: number; limit?: number }

export interface FacetValue { name: string; label: string; count: number }
export interface SearchResult extends AnswerContext {
  total: number;
  limit: number;
  offset: number;
  results: (Entity & { score?: number })[];
  facets: Record<string, { label: string; values: FacetValue[] }>;
}

/** The list versions an answer rests on, as /match and /search name them. */
export interface ListVersion { dataset: string; version: string; publishedAt: string | null; stale: boolean; warning: string | null }
export interface AnswerContext {
  /** What was screened or searched: `default` (the sanctions lists for screening), `all`, or a dataset. */
  scope: { name: string; description: string; datasets: string[] };
  lists: ListVersion[];
  /** Stale (or otherwise flagged) lists in scope. */
  warnings: string[];
}

export type Band = 'match' | 'review' | 'clear';

export interface QueryAnswer {
  results: MatchResult[];
  band: Band;
  /** Values the server read leniently or left out, each named. */
  warnings: string[];
}

export interface ScreenResponse extends AnswerContext {
  responses: Record<string, QueryAnswer>;
}

export interface Explanation {
  /** One line a person can read. */
  text: string;
  feature: string | null;
  score: number | null;
  /** The query's value and the listed value that met, when the feature is about a pair. */
  query: string | null;
  candidate: string | null;
  /** True when the feature counts against the match. */
  against: boolean;
}

export interface MatchResult {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  score: number;
  match: boolean;
  /** match / review / clear, as the server decided it. */
  band: Band;
  /** The server's one-line reason. */
  reason: string;
  /** The server's word: a sanctions list designates this entity. */
  target: boolean;
  explanations: Explanation[];
  /** The explanations as the API sent them (`feature`, `weight`, `detail`…), for downloads in the CLI's schema. */
  rawExplanations: unknown;
}

export interface MatchQuery {
  schema: string;
  properties: Record<string, string[]>;
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

/** An error answer from the API, with the server's own message. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly url: string) {
    super(message);
  }
}

const BASE = '';

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(BASE + path, { ...init, headers: { accept: 'application/json', ...(init.headers ?? {}) } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(`The server cannot be reached (${(error as Error).message}).`, 0, path);
  }
  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) {
    const o = asObject(body);
    const message = str(o.message) ?? str(o.error) ?? (typeof body === 'string' && body.length < 300 ? body : null) ?? response.statusText;
    throw new ApiError(`${response.status}: ${message}`, response.status, path);
  }
  return body as T;
}

export function query(params: Record<string, string | number | boolean | string[] | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => q.append(key, v));
    else q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
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

/** Provenance arrives either as a flat statement list or grouped by property (and value). */
export function provenanceOf(raw: unknown): Provenance[] {
  const o = asObject(raw);
  if (Array.isArray(o.statements)) return o.statements.map((s) => toProvenance(s));
  const grouped = asObject(o.provenance);
  const out: Provenance[] = [];
  for (const [prop, entries] of Object.entries(grouped)) {
    if (Array.isArray(entries)) {
      for (const e of entries) {
        const eo = asObject(e);
        if (Array.isArray(eo.statements)) eo.statements.forEach((s) => out.push(toProvenance(s, prop, str(eo.value) ?? '')));
        else out.push(toProvenance(e, prop));
      }
    } else {
      // { prop: { value: [statements] } }
      for (const [value, statements] of Object.entries(asObject(entries))) arr(statements).forEach((s) => out.push(toProvenance(s, prop, value)));
    }
  }
  return out;
}

function toVersion(raw: unknown): DatasetVersion {
  const o = asObject(raw);
  return {
    id: num(o.id),
    dataset: str(o.dataset) ?? '',
    version: str(o.version) ?? String(o.id ?? ''),
    publishedAt: str(pick(o, 'publishedAt', 'published_at', 'publicationDate')),
    importedAt: str(pick(o, 'importedAt', 'imported_at')),
    status: str(o.status) ?? '',
    entityCount: num(pick(o, 'entityCount', 'entity_count', 'entities')),
    statementCount: num(pick(o, 'statementCount', 'statement_count', 'statements')),
    schemaCounts: Object.fromEntries(Object.entries(asObject(pick(o, 'schemaCounts', 'schema_counts'))).map(([k, v]) => [k, num(v)])),
  };
}

function toCatalogDataset(raw: unknown): CatalogDataset {
  const o = asObject(raw);
  const live = pick(o, 'live', 'liveVersion', 'current');
  // The server flattens the live version into the dataset row (version, published_at, counts…).
  const liveVersion = live ? toVersion(live) : o.version ? toVersion({ ...o, dataset: o.name, status: 'live', schemaCounts: o.schema_counts ?? o.schemaCounts }) : null;
  if (liveVersion && liveVersion.schemaCounts.$targets === undefined && o.target_count !== undefined) liveVersion.schemaCounts.$targets = num(o.target_count);
  const versions = o.versions;
  // The server computes the age (null when the publication date is unknown).
  const ageDays = num(pick(o, 'ageDays', 'age_days'), NaN);
  return {
    name: str(o.name) ?? '',
    title: str(o.title) ?? str(o.name) ?? '',
    publisher: str(o.publisher) ?? '',
    licence: str(pick(o, 'licence', 'license')) ?? '',
    live: liveVersion,
    versions: Array.isArray(versions) ? versions.length : num(pick(o, 'versions', 'versionCount')),
    stale: Boolean(pick(o, 'stale', 'isStale')),
    retired: o.retired === true ? { on: str(o.retired_on) ?? '', supersededBy: str(o.superseded_by) ?? '', note: str(o.retirement_note) ?? '' } : null,
    ageDays: Number.isFinite(ageDays) ? ageDays : null,
  };
}

function toExplanation(raw: unknown): Explanation {
  if (typeof raw === 'string') return { text: raw, feature: null, score: null, query: null, candidate: null, against: false };
  const o = asObject(raw);
  const score = pick(o, 'score', 'weight', 'value', 'contribution');
  const q = pick(o, 'query', 'queryValue', 'query_value', 'queryName', 'left', 'a');
  const c = pick(o, 'candidate', 'candidateValue', 'candidate_value', 'matchedName', 'listedName', 'right', 'b');
  const feature = str(pick(o, 'feature', 'name', 'kind', 'type'));
  const text = str(pick(o, 'text', 'explanation', 'description', 'detail', 'reason', 'message')) ?? [feature, str(q), str(c)].filter(Boolean).join(' · ');
  const numericScore = typeof score === 'number' ? score : null;
  return {
    text,
    feature,
    score: numericScore,
    query: typeof q === 'string' ? q : null,
    candidate: typeof c === 'string' ? c : null,
    against: Boolean(o.against ?? o.negative) || (numericScore !== null && numericScore < 0),
  };
}

function toExplanations(raw: unknown): Explanation[] {
  if (Array.isArray(raw)) return raw.map(toExplanation);
  // yente-style map: { feature: { score, ... } } or { feature: number }
  return Object.entries(asObject(raw)).map(([feature, v]) =>
    typeof v === 'number' ? toExplanation({ feature, score: v }) : toExplanation({ feature, ...asObject(v) }),
  );
}

function toMatchResult(raw: unknown): MatchResult {
  const o = asObject(raw);
  const e = toEntity(raw);
  return {
    id: e.id,
    caption: e.caption,
    schema: e.schema,
    properties: e.properties,
    datasets: e.datasets,
    referents: e.referents,
    score: num(o.score),
    match: Boolean(o.match),
    band: toBand(o.band, Boolean(o.match)),
    reason: str(o.reason) ?? '',
    target: o.target === true,
    explanations: toExplanations(pick(o, 'explanations', 'explanation', 'features')),
    rawExplanations: o.explanations ?? [],
  };
}

function toBand(raw: unknown, match: boolean): Band {
  return raw === 'match' || raw === 'review' || raw === 'clear' ? raw : match ? 'match' : 'clear';
}

function toAnswerContext(body: Record<string, unknown>): AnswerContext {
  const scope = asObject(body.scope);
  return {
    scope: { name: str(scope.name) ?? 'default', description: str(scope.description) ?? '', datasets: arr(scope.datasets).map((d) => String(d)) },
    lists: arr(body.lists).map((l) => {
      const o = asObject(l);
      return { dataset: str(o.dataset) ?? '', version: str(o.version) ?? '', publishedAt: str(pick(o, 'published_at', 'publishedAt')) ?? null, stale: o.stale === true, warning: str(o.warning) ?? null };
    }),
    warnings: arr(body.warnings).map((w) => String(w)),
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
  async catalog(signal?: AbortSignal): Promise<CatalogDataset[]> {
    const body = await request<unknown>('/catalog', { signal });
    return arr(Array.isArray(body) ? body : pick(asObject(body), 'datasets', 'results')).map(toCatalogDataset);
  },

  async versions(dataset: string, signal?: AbortSignal): Promise<DatasetVersion[]> {
    const body = await request<unknown>(`/datasets/${encodeURIComponent(dataset)}/versions`, { signal });
    return arr(Array.isArray(body) ? body : pick(asObject(body), 'versions', 'results')).map(toVersion);
  },

  async diff(dataset: string, from: string, to: string, filter: DiffFilter = {}, signal?: AbortSignal): Promise<DatasetDiff> {
    const body = asObject(await request<unknown>(`/datasets/${encodeURIComponent(dataset)}/diff${query({ from, to, ...filter })}`, { signal }));
    const counts = (v: unknown): DiffCounts => {
      const o = asObject(v);
      return { added: num(o.added), removed: num(o.removed), changed: num(o.changed) };
    };
    const c = asObject(body.counts);
    return {
      dataset: str(body.dataset) ?? dataset,
      from: toVersion(body.from),
      to: toVersion(body.to),
      counts: { ...counts(c), targets: counts(c.targets) },
      schemata: arr(body.schemata).map((x) => ({ schema: str(asObject(x).schema) ?? '', ...counts(x) })),
      total: num(body.total),
      offset: num(body.offset),
      limit: num(body.limit),
      results: arr(body.results).map((x) => {
        const o = asObject(x);
        const kind = (['added', 'removed', 'changed'].includes(String(o.kind)) ? o.kind : 'changed') as DiffKind;
        return { kind, id: str(o.id) ?? '', schema: str(o.schema) ?? '', caption: str(o.caption) ?? str(o.id) ?? '', target: o.target === true, changes: o.changes ? (asObject(o.changes) as DiffChange['changes']) : undefined };
      }),
    };
  },

  async entity(id: string, signal?: AbortSignal): Promise<{ entity: Entity; provenance: Provenance[] }> {
    const body = await request<unknown>(`/entities/${encodeURIComponent(id)}?provenance=true`, { signal });
    return { entity: toEntity(body), provenance: provenanceOf(body) };
  },

  entityJsonUrl(id: string): string {
    return `${BASE}/entities/${encodeURIComponent(id)}`;
  },

  async search(
    dataset: string,
    params: { q: string; schema?: string; countries?: string[]; datasets?: string[]; topics?: string[]; limit?: number; offset?: number },
    signal?: AbortSignal,
  ): Promise<SearchResult> {
    const body = asObject(await request<unknown>(`/search/${encodeURIComponent(dataset)}${query(params)}`, { signal }));
    const total = body.total;
    const facets: SearchResult['facets'] = {};
    for (const [name, f] of Object.entries(asObject(body.facets))) {
      const fo = asObject(f);
      const values = Array.isArray(f) ? f : arr(fo.values);
      facets[name] = {
        label: str(fo.label) ?? name,
        values: values.map((v) => {
          const vo = asObject(v);
          return { name: str(pick(vo, 'name', 'value', 'key')) ?? '', label: str(vo.label) ?? str(pick(vo, 'name', 'value', 'key')) ?? '', count: num(vo.count) };
        }),
      };
    }
    const results = arr(body.results).map((r) => ({ ...toEntity(r), score: typeof asObject(r).score === 'number' ? (asObject(r).score as number) : undefined }));
    return {
      total: typeof total === 'number' ? total : num(asObject(total).value, results.length),
      limit: num(body.limit, params.limit ?? 20),
      offset: num(body.offset, params.offset ?? 0),
      results,
      facets,
      ...toAnswerContext(body),
    };
  },

  /** yente-compatible /match: several queries in one request, answers keyed like the queries. */
  async match(
    dataset: string,
    queries: Record<string, MatchQuery>,
    options: { limit?: number; threshold?: number } = {},
    signal?: AbortSignal,
  ): Promise<Record<string, MatchResult[]>> {
    const body = asObject(
      await request<unknown>(`/match/${encodeURIComponent(dataset)}${query(options)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ queries }),
        signal,
      }),
    );
    const out: Record<string, MatchResult[]> = {};
    for (const [key, r] of Object.entries(asObject(body.responses))) out[key] = arr(asObject(r).results).map(toMatchResult);
    return out;
  },

  /** /match with everything a compliance answer needs: bands, warnings per query, scope and list versions. */
  async screen(
    scope: string,
    queries: Record<string, MatchQuery>,
    options: { limit?: number; threshold?: number } = {},
    signal?: AbortSignal,
  ): Promise<ScreenResponse> {
    const body = asObject(
      await request<unknown>(`/match/${encodeURIComponent(scope)}${query(options)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ queries }),
        signal,
      }),
    );
    const responses: Record<string, QueryAnswer> = {};
    for (const [key, r] of Object.entries(asObject(body.responses))) {
      const o = asObject(r);
      const results = arr(o.results).map(toMatchResult);
      responses[key] = { results, band: toBand(o.band, results.some((x) => x.match)), warnings: arr(o.warnings).map((w) => String(w)) };
    }
    return { responses, ...toAnswerContext(body) };
  },

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
