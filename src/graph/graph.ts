// The in-memory graph: nodes are entities, edges are relationships, both with integer ids.
// Edges live in typed arrays and a CSR adjacency (every edge listed under both endpoints) so a
// million relationships stay in a few hundred MB and traversals touch no objects.
import { EVIDENCE_GRADES, gradeRank, type EvidenceGrade } from '../model/grades.ts';
import { dayNumber, dayToIso, OPEN_END, OPEN_START } from '../model/date-span.ts';
import { StringPool } from './pool.ts';
import type { EdgeFilter, EdgeKind, EdgeProvenance, GraphEdge, GraphNode } from './types.ts';
import { SAME_AS_TYPE } from './links.ts';
import { ValidationError } from '../model/errors.ts';
import { isEvidenceGrade } from '../model/grades.ts';
import { commaList } from '../model/params.ts';
import type { Sees } from '../model/visibility.ts';

export interface EdgeType {
  type: string;
  kind: EdgeKind;
  label: string;
  directed: boolean;
}

export const FLAG_KNOWN = 1;
export const FLAG_SANCTIONED = 2;

/** A filter compiled against one graph's type table, for the inner loops. */
export interface CompiledFilter {
  typeAllowed: Uint8Array;
  maxGradeRank: number;
  from: number;
  to: number;
  /** Edges the reader may see (one claim from a visible dataset is enough); null: all of them. */
  visible: Uint8Array | null;
}

export class Graph {
  constructor(
    readonly nodeIds: string[],
    readonly nodeSchema: Uint16Array,
    readonly nodeCaption: string[],
    readonly nodeFlags: Uint8Array,
    /** Index into `sets` of the node's datasets and of the lists designating it. */
    readonly nodeDatasets: Int32Array,
    readonly nodeSanctionedBy: Int32Array,
    readonly sets: string[][],
    readonly schemata: string[],
    readonly nodeIndex: Map<string, number>,
    readonly edgeIds: string[],
    readonly edgeSrc: Int32Array,
    readonly edgeDst: Int32Array,
    readonly edgeType: Uint16Array,
    readonly edgeGrade: Uint8Array,
    readonly edgeStart: Int32Array,
    readonly edgeEnd: Int32Array,
    readonly edgePct: Float32Array,
    readonly edgeRole: (string | undefined)[],
    readonly types: EdgeType[],
    /** Primary provenance, interned. */
    readonly edgeDataset: Int32Array,
    readonly edgeVersion: Int32Array,
    readonly edgeSource: Int32Array,
    readonly edgeClaimDate: Int32Array,
    readonly edgeFirstSeen: Int32Array,
    readonly edgeLastSeen: Int32Array,
    readonly edgeAuthor: Int32Array,
    readonly edgeLocator: (string | undefined)[],
    readonly pool: StringPool,
    /** Further claims of edges that rest on more than one. */
    readonly extraProvenance: Map<number, EdgeProvenance[]>,
    readonly adjOffset: Int32Array,
    readonly adjEdge: Int32Array,
    readonly warnings: string[],
    readonly builtAt: string,
  ) {}

  get nodeCount(): number {
    return this.nodeIds.length;
  }

  get edgeCount(): number {
    return this.edgeIds.length;
  }

  /** Node index of an entity id, or -1. */
  indexOf(id: string): number {
    return this.nodeIndex.get(id) ?? -1;
  }

  isSanctioned(n: number): boolean {
    return (this.nodeFlags[n] & FLAG_SANCTIONED) !== 0;
  }

  node(n: number): GraphNode {
    return {
      id: this.nodeIds[n],
      schema: this.schemata[this.nodeSchema[n]],
      caption: this.nodeCaption[n],
      datasets: this.sets[this.nodeDatasets[n]] ?? [],
      sanctioned: this.isSanctioned(n),
      sanctionedBy: this.sets[this.nodeSanctionedBy[n]] ?? [],
      known: (this.nodeFlags[n] & FLAG_KNOWN) !== 0,
    };
  }

  degree(n: number): number {
    return this.adjOffset[n + 1] - this.adjOffset[n];
  }

  /** The node at the other end of edge `e` from node `n`. */
  other(e: number, n: number): number {
    return this.edgeSrc[e] === n ? this.edgeDst[e] : this.edgeSrc[e];
  }

  edgeTypeName(e: number): string {
    return this.types[this.edgeType[e]].type;
  }

  grade(e: number): EvidenceGrade {
    return EVIDENCE_GRADES[this.edgeGrade[e]];
  }

  provenance(e: number): EdgeProvenance[] {
    const pool = this.pool;
    const primary: EdgeProvenance = {
      dataset: pool.get(this.edgeDataset[e]) ?? '',
      versionId: this.edgeVersion[e],
      sourceDocument: pool.get(this.edgeSource[e]),
      locator: this.edgeLocator[e] ?? null,
      evidenceGrade: this.grade(e),
      claimDate: pool.get(this.edgeClaimDate[e]),
      firstSeen: pool.get(this.edgeFirstSeen[e]),
      lastSeen: pool.get(this.edgeLastSeen[e]),
      author: pool.get(this.edgeAuthor[e]),
    };
    return [primary, ...(this.extraProvenance.get(e) ?? [])];
  }

  edge(e: number): GraphEdge {
    const t = this.types[this.edgeType[e]];
    const pct = this.edgePct[e];
    return {
      id: this.edgeIds[e],
      kind: t.kind,
      type: t.type,
      label: t.label,
      source: this.nodeIds[this.edgeSrc[e]],
      target: this.nodeIds[this.edgeDst[e]],
      directed: t.directed,
      role: this.edgeRole[e] ?? null,
      percentage: Number.isNaN(pct) ? null : pct,
      startDate: dayToIso(this.edgeStart[e]),
      endDate: dayToIso(this.edgeEnd[e]),
      evidenceGrade: this.grade(e),
      provenance: this.provenance(e),
    };
  }

  /** Compile a user filter; unknown types are simply absent (they match nothing). */
  compile(filter: EdgeFilter = {}, sees: Sees = null): CompiledFilter {
    const typeAllowed = new Uint8Array(this.types.length);
    const wanted = filter.types?.length ? new Set(filter.types) : undefined;
    this.types.forEach((t, i) => {
      let ok = wanted ? wanted.has(t.type) || wanted.has(t.kind) : true;
      if (t.type === SAME_AS_TYPE && filter.includeSameAs === false) ok = false;
      typeAllowed[i] = ok ? 1 : 0;
    });
    const maxGradeRank = filter.minGrade ? gradeRank(filter.minGrade) : EVIDENCE_GRADES.length - 1;
    const from = filter.fromDate ? dayNumber(filter.fromDate) : OPEN_START;
    const to = filter.toDate ? dayNumber(filter.toDate, true) : OPEN_END;
    return { typeAllowed, maxGradeRank, from, to, visible: this.visibleEdges(sees) };
  }

  /** Which edges rest on at least one claim the reader may see; null when that is every edge. */
  visibleEdges(sees: Sees): Uint8Array | null {
    if (sees === null) return null;
    const seenByPoolId = new Map<number, boolean>();
    const out = new Uint8Array(this.edgeCount);
    let hidden = 0;
    for (let e = 0; e < out.length; e++) {
      const d = this.edgeDataset[e];
      let seen = seenByPoolId.get(d);
      if (seen === undefined) seenByPoolId.set(d, (seen = sees(this.pool.get(d) ?? '')));
      if (!seen) seen = this.extraProvenance.get(e)?.some((p) => sees(p.dataset)) ?? false;
      if (seen) out[e] = 1;
      else hidden++;
    }
    return hidden ? out : null;
  }

  /** Whether the reader may see a node: one visible dataset, or none at all (an id only referenced). */
  seesNode(n: number, sees: Sees): boolean {
    const datasets = this.sets[this.nodeDatasets[n]] ?? [];
    return sees === null || datasets.length === 0 || datasets.some(sees);
  }

  passes(e: number, f: CompiledFilter): boolean {
    return (
      (f.visible === null || f.visible[e] === 1) &&
      f.typeAllowed[this.edgeType[e]] === 1 &&
      this.edgeGrade[e] <= f.maxGradeRank &&
      this.edgeStart[e] <= f.to &&
      this.edgeEnd[e] >= f.from
    );
  }
}

/** An edge filter from text options, as the HTTP query and the CLI give them. */
export function filterFromText(o: { types?: string; minGrade?: string; fromDate?: string; toDate?: string; sameAs?: boolean }): EdgeFilter {
  const types = commaList(o.types);
  return {
    types: types.length ? types : undefined,
    minGrade: o.minGrade as EvidenceGrade | undefined,
    fromDate: o.fromDate || undefined,
    toDate: o.toDate || undefined,
    includeSameAs: o.sameAs,
  };
}

/** Checks the parts of a filter that come from users; throws ValidationError naming the field. */
export function validateFilter(filter: EdgeFilter): EdgeFilter {
  if (filter.minGrade !== undefined && !isEvidenceGrade(filter.minGrade)) {
    throw new ValidationError('minGrade', `must be one of ${EVIDENCE_GRADES.join(', ')}`);
  }
  for (const field of ['fromDate', 'toDate'] as const) {
    const v = filter[field];
    if (v !== undefined && dayNumber(v) === 0) throw new ValidationError(field, `not an ISO date: ${v}`);
  }
  if (filter.fromDate && filter.toDate && dayNumber(filter.fromDate) > dayNumber(filter.toDate, true)) {
    throw new ValidationError('fromDate', `${filter.fromDate} is after toDate ${filter.toDate}`);
  }
  return filter;
}
