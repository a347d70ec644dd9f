// Exposure: which designated entities lie within N hops, by which paths, and how much each path
// is worth. A path's weight is the product of its links' weights (type × evidence grade), so an
// official ownership counts more than an alleged association, and a denial counts for nothing.
import type { EvidenceGrade } from '../model/grades.ts';
import { EVIDENCE_GRADES } from '../model/grades.ts';
import type { CompiledFilter, Graph } from './graph.ts';
import { SAME_AS_TYPE } from './links.ts';
import { assessOwnership, type OwnershipAssessment } from './ownership.ts';

/** How strongly a link of each type transmits exposure (data, not code: tune here). */
export const TYPE_WEIGHTS: Record<string, number> = {
  Ownership: 1,
  Directorship: 0.9,
  Succession: 0.9,
  Representation: 0.8,
  Employment: 0.7,
  Membership: 0.7,
  UnknownLink: 0.6,
  Family: 0.6,
  Associate: 0.5,
  [SAME_AS_TYPE]: 0.5,
};
const PROPERTY_LINK_WEIGHT = 0.6;
const DEFAULT_TYPE_WEIGHT = 0.5;

export const GRADE_WEIGHTS: Record<EvidenceGrade, number> = {
  official: 1,
  corroborated: 0.9,
  reported: 0.7,
  alleged: 0.4,
  disputed: 0.2,
  denied: 0,
};

export function edgeWeight(g: Graph, e: number): number {
  const t = g.types[g.edgeType[e]];
  const typeWeight = TYPE_WEIGHTS[t.type] ?? (t.kind === 'property' ? PROPERTY_LINK_WEIGHT : DEFAULT_TYPE_WEIGHT);
  return typeWeight * GRADE_WEIGHTS[EVIDENCE_GRADES[g.edgeGrade[e]]];
}

export interface RawExposureHit {
  node: number;
  score: number;
  nodes: number[];
  edges: number[];
}

export interface RawExposure {
  hits: RawExposureHit[];
  reached: number;
  truncated: boolean;
  ownership: OwnershipAssessment;
}

interface LayerEntry {
  score: number;
  parent: number;
  edge: number;
}

/**
 * Best-weighted path to every node within `hops` (layered relaxation: layer h holds nodes whose
 * best score improved with an h-hop path, so paths rebuild exactly and never exceed `hops`).
 */
export function exposure(g: Graph, start: number, hops: number, f: CompiledFilter, maxReached = 200_000): RawExposure {
  const best = new Map<number, number>([[start, 1]]);
  const layers: Map<number, LayerEntry>[] = [new Map([[start, { score: 1, parent: -1, edge: -1 }]])];
  let truncated = false;
  for (let h = 1; h <= hops; h++) {
    const prev = layers[h - 1];
    const layer = new Map<number, LayerEntry>();
    for (const [u, entry] of prev) {
      for (let i = g.adjOffset[u], end = g.adjOffset[u + 1]; i < end; i++) {
        const e = g.adjEdge[i];
        if (!g.passes(e, f)) continue;
        const w = edgeWeight(g, e);
        if (w <= 0) continue;
        const v = g.other(e, u);
        const score = entry.score * w;
        if (score <= (best.get(v) ?? 0)) continue;
        best.set(v, score);
        layer.set(v, { score, parent: u, edge: e });
      }
      if (best.size > maxReached) {
        truncated = true;
        break;
      }
    }
    if (layer.size === 0 || truncated) {
      if (layer.size) layers.push(layer);
      break;
    }
    layers.push(layer);
  }
  // The last layer in which each node improved holds its best path.
  const lastLayer = new Map<number, number>();
  layers.forEach((layer, h) => layer.forEach((_, v) => lastLayer.set(v, h)));
  const hits: RawExposureHit[] = [];
  for (const [v, h] of lastLayer) {
    if (v === start || !g.isSanctioned(v)) continue;
    const nodes = [v];
    const edges: number[] = [];
    let cur = v;
    for (let layer = h; layer > 0; layer--) {
      const entry = layers[layer].get(cur)!;
      edges.push(entry.edge);
      cur = entry.parent;
      nodes.push(cur);
    }
    hits.push({ node: v, score: best.get(v)!, nodes: nodes.reverse(), edges: edges.reverse() });
  }
  hits.sort((a, b) => b.score - a.score || a.edges.length - b.edges.length || g.nodeCaption[a.node].localeCompare(g.nodeCaption[b.node]));
  return { hits, reached: best.size - 1, truncated, ownership: assessOwnership(g, start) };
}
