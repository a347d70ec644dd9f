// What is left of the hand-written client: the entity page's shapes (Entity, Provenance) and its
// page of links. Every other resource lives in web/src/api/, typed from /openapi.json.
import { query, request, type Answer } from './api/http.ts';

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

// ---- the endpoints ----

export const api = {
  /** A page of an entity's links, in the shape the entity page reads (no guessing: a mapping of the server's own fields). */
  async adjacent(id: string, options: { limit?: number; offset?: number } = {}, signal?: AbortSignal): Promise<{ nodes: GraphNode[]; edges: GraphEdge[]; total: number }> {
    const page = await request<Answer<'/entities/{id}/adjacent'>>(`/entities/${encodeURIComponent(id)}/adjacent${query(options)}`, { signal });
    const node = (n: typeof page.entity): GraphNode => ({ id: n.id, caption: n.caption, schema: n.schema, sanctioned: n.sanctioned });
    const edge = ({ edge: e }: (typeof page.results)[number]): GraphEdge => ({
      id: e.id,
      source: e.source,
      target: e.target,
      type: e.type,
      label: [e.role ?? e.label, e.percentage !== null ? `${e.percentage}%` : ''].filter(Boolean).join(' '),
      grade: e.evidenceGrade,
      startDate: e.startDate,
      endDate: e.endDate,
      provenance: e.provenance.map((p) => ({
        prop: '', value: '', dataset: p.dataset, version: String(p.versionId), sourceDocument: p.sourceDocument, locator: p.locator, claimDate: p.claimDate,
        firstSeen: p.firstSeen, lastSeen: p.lastSeen, grade: p.evidenceGrade, lang: null, originalValue: null,
      })),
      properties: {},
    });
    return { nodes: [page.entity, ...page.results.map((r) => r.other)].map(node), edges: page.results.map(edge), total: page.total };
  },
};
