// What the explorer has drawn, as React state: the nodes and links loaded so far, how many links
// each node has on the server (for "n more") and where its next page starts. Pure: the cytoscape
// hook draws whatever this holds.
import type { GraphEdge, GraphNode } from '../api/graph.ts';

/** What the last change asks of the drawing: lay the graph out, or place new nodes around an anchor. */
export type Change = { kind: 'reset' } | { kind: 'loaded' } | { kind: 'expanded'; anchor: string } | { kind: 'paths'; anchor: string; highlight: string[] };

export interface DrawnGraph {
  start: string | null;
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, GraphEdge>;
  /** Links drawn per node. */
  degree: ReadonlyMap<string, number>;
  /** Links the server knows per node (from the adjacent pages' totals). */
  total: ReadonlyMap<string, number>;
  /** Offset of the next page of links per node. */
  cursor: ReadonlyMap<string, number>;
  /** Relationship types seen since the start was chosen (the filter offers these). */
  types: readonly string[];
  change: Change;
}

export type GraphAction =
  | { type: 'reset'; start: string | null }
  | { type: 'merge'; nodes: GraphNode[]; edges: GraphEdge[]; change: Change; keepTypes?: boolean }
  | { type: 'paged'; id: string; total: number; cursor?: number };

export const emptyGraph = (start: string | null): DrawnGraph => ({
  start, nodes: new Map(), edges: new Map(), degree: new Map(), total: new Map(), cursor: new Map(), types: [], change: { kind: 'reset' },
});

/** A node a link names that the answer did not describe (drawn until the server says more). */
export function placeholder(id: string): GraphNode {
  return { id, caption: id, schema: 'LegalEntity', datasets: [], sanctioned: false, sanctionedBy: [], known: false };
}

export function graphReducer(g: DrawnGraph, action: GraphAction): DrawnGraph {
  switch (action.type) {
    case 'reset':
      return { ...emptyGraph(action.start), types: action.start === g.start ? g.types : [] };
    case 'merge': {
      const nodes = new Map(g.nodes);
      const edges = new Map(g.edges);
      const degree = new Map(g.degree);
      for (const n of action.nodes) if (!nodes.has(n.id) || !nodes.get(n.id)!.known) nodes.set(n.id, n);
      for (const e of action.edges) {
        if (edges.has(e.id)) continue;
        edges.set(e.id, e);
        for (const end of new Set([e.source, e.target])) {
          if (!nodes.has(end)) nodes.set(end, placeholder(end));
          degree.set(end, (degree.get(end) ?? 0) + 1);
        }
      }
      const types = [...new Set([...g.types, ...action.edges.map((e) => e.type)])].sort();
      return { ...g, nodes, edges, degree, types, change: action.change };
    }
    case 'paged': {
      const total = new Map(g.total).set(action.id, Math.max(action.total, g.degree.get(action.id) ?? 0));
      const cursor = action.cursor === undefined ? g.cursor : new Map(g.cursor).set(action.id, action.cursor);
      return { ...g, total, cursor };
    }
  }
}

/** Links of a node the server has and the view does not show yet. */
export function moreOf(g: DrawnGraph, id: string): number {
  return Math.max(0, (g.total.get(id) ?? 0) - (g.degree.get(id) ?? 0));
}
