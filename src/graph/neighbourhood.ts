// What surrounds an entity: its direct links (paged) and its N-hop neighbourhood for the explorer,
// capped, with counts of what the cap left out so the UI can say "and 1,204 more".
import type { CompiledFilter, Graph } from './graph.ts';

export interface AdjacentPage {
  total: number;
  offset: number;
  limit: number;
  /** Edge indices in a stable order: strongest evidence first, then type, then the other end. */
  edges: number[];
}

export function adjacentEdges(g: Graph, n: number, f: CompiledFilter, offset: number, limit: number): AdjacentPage {
  const all: number[] = [];
  for (let i = g.adjOffset[n], end = g.adjOffset[n + 1]; i < end; i++) {
    const e = g.adjEdge[i];
    if (g.passes(e, f)) all.push(e);
  }
  all.sort(
    (a, b) =>
      g.edgeGrade[a] - g.edgeGrade[b] ||
      g.edgeTypeName(a).localeCompare(g.edgeTypeName(b)) ||
      g.nodeCaption[g.other(a, n)].localeCompare(g.nodeCaption[g.other(b, n)]) ||
      a - b,
  );
  return { total: all.length, offset, limit, edges: all.slice(offset, offset + limit) };
}

export interface RawNeighbourhood {
  /** Node indices, closest first; the first is the centre. */
  nodes: number[];
  /** Hop distance of each returned node. */
  hops: number[];
  edges: number[];
  /** Nodes and edges within reach that the cap left out. */
  cut: { nodes: number; edges: number };
  truncated: boolean;
}

/** Breadth-first out to `hops`, keeping the first `limit` nodes (closest first) and the edges among them. */
export function neighbourhood(g: Graph, centre: number, hops: number, limit: number, f: CompiledFilter): RawNeighbourhood {
  const dist = new Map<number, number>([[centre, 0]]);
  const order = [centre];
  let frontier = [centre];
  const edgeSeen = new Set<number>();
  // Counting what lies beyond the cap costs a full BFS; bound it so a hub cannot stall a request.
  const countBound = Math.max(limit * 200, 100_000);
  for (let h = 1; h <= hops && frontier.length && dist.size < countBound; h++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (let i = g.adjOffset[u], end = g.adjOffset[u + 1]; i < end; i++) {
        const e = g.adjEdge[i];
        if (!g.passes(e, f)) continue;
        edgeSeen.add(e);
        const v = g.other(e, u);
        if (dist.has(v)) continue;
        dist.set(v, h);
        order.push(v);
        next.push(v);
      }
    }
    frontier = next;
  }
  const kept = order.slice(0, limit);
  const keptSet = new Set(kept);
  const edges: number[] = [];
  for (const e of edgeSeen) if (keptSet.has(g.edgeSrc[e]) && keptSet.has(g.edgeDst[e])) edges.push(e);
  edges.sort((a, b) => g.edgeGrade[a] - g.edgeGrade[b] || a - b); // grade ranks, strongest first
  return {
    nodes: kept,
    hops: kept.map((n) => dist.get(n) ?? 0),
    edges,
    cut: { nodes: order.length - kept.length, edges: edgeSeen.size - edges.length },
    truncated: order.length > kept.length || dist.size >= countBound,
  };
}
