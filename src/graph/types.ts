// Shapes shared by the graph analyses. Results carry every edge with its own provenance so an
// analyst can see which link rests on a list version and which on a press report.
import type { EvidenceGrade } from '../model/grades.ts';

/**
 * What kind of link an edge is. Relationship schemata keep their FtM name (`Ownership`,
 * `UnknownLink`, ...); `possibleSameAs` is an identity hypothesis (never a merge); property links
 * are entity-typed properties of non-relationship schemata (`Vessel.owner`, `ArmsTransfer.supplier`).
 */
export type EdgeKind = 'relationship' | 'possibleSameAs' | 'property';

/** Where one claim of a link comes from. */
export interface EdgeProvenance {
  dataset: string;
  versionId: number;
  sourceDocument: string | null;
  locator: string | null;
  evidenceGrade: EvidenceGrade;
  claimDate: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  author: string | null;
}

/** An edge as analyses return it: endpoints, type, dates, and every claim behind it. */
export interface GraphEdge {
  /** The relationship entity id (or `<entity>#<prop>` for property links). */
  id: string;
  kind: EdgeKind;
  /** FtM schema (`Ownership`) or `<Schema>.<prop>` for property links. */
  type: string;
  /** FtM's label for the relationship ("owns", "linked to"). */
  label: string;
  source: string;
  target: string;
  directed: boolean;
  role: string | null;
  percentage: number | null;
  startDate: string | null;
  endDate: string | null;
  /** The strongest grade among the claims (a denial alone gives `denied`). */
  evidenceGrade: EvidenceGrade;
  provenance: EdgeProvenance[];
}

export interface GraphNode {
  id: string;
  schema: string;
  caption: string;
  datasets: string[];
  /** True when a sanctions list designates the entity (topic `sanction` or a Sanction entity). */
  sanctioned: boolean;
  /** The lists that designate it, e.g. `us_ofac_sdn`. */
  sanctionedBy: string[];
  /** False for ids referenced by a relationship but with no statements of their own. */
  known: boolean;
}

/** Filters every traversal accepts. */
export interface EdgeFilter {
  /** Relationship types (`Ownership`, `UnknownLink`, `possibleSameAs`, `Vessel.owner`); default all. */
  types?: string[];
  /** Only edges whose strongest claim is at least this strong. */
  minGrade?: EvidenceGrade;
  /** Only edges whose dates overlap this window (undated edges pass). ISO dates, any precision. */
  fromDate?: string;
  toDate?: string;
  /** Follow identity hypotheses (`possibleSameAs`); default true for paths, true for exposure. */
  includeSameAs?: boolean;
}

export interface GraphPath {
  /** Node ids from start to end. */
  nodes: string[];
  /** Edges in order; `edges[i]` joins `nodes[i]` and `nodes[i+1]` (in either direction). */
  edges: GraphEdge[];
  hops: number;
}
