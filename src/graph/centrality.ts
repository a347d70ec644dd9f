// Centrality and communities for a subgraph (the entities an analyst is looking at): degree,
// betweenness (Brandes), PageRank and Louvain communities, to spot brokers and clusters.
// The subgraph is read as an undirected simple graph; parallel links add weight for Louvain.
import type { CompiledFilter, Graph } from './graph.ts';

export const MAX_SUBGRAPH_NODES = 5_000;

export interface Subgraph {
  /** Graph node indices of the subgraph's nodes. */
  nodes: number[];
  /** Undirected neighbour lists over local indices 0..nodes.length-1, with link multiplicity. */
  adj: Map<number, number>[];
  /** Graph edge indices inside the subgraph. */
  edges: number[];
}

/** The subgraph induced by `nodes` over edges passing the filter. */
export function inducedSubgraph(g: Graph, nodes: number[], f: CompiledFilter): Subgraph {
  const unique = [...new Set(nodes)];
  const local = new Map<number, number>(unique.map((n, i) => [n, i]));
  const adj = unique.map(() => new Map<number, number>());
  const edges: number[] = [];
  unique.forEach((u, i) => {
    for (let k = g.adjOffset[u], end = g.adjOffset[u + 1]; k < end; k++) {
      const e = g.adjEdge[k];
      if (g.edgeSrc[e] !== u || !g.passes(e, f)) continue; // each edge once, from its source
      const j = local.get(g.edgeDst[e]);
      if (j === undefined || j === i) continue;
      edges.push(e);
      adj[i].set(j, (adj[i].get(j) ?? 0) + 1);
      adj[j].set(i, (adj[j].get(i) ?? 0) + 1);
    }
  });
  return { nodes: unique, adj, edges };
}

export function degreeCentrality(sub: Subgraph): number[] {
  return sub.adj.map((m) => m.size);
}

/** Brandes' algorithm, unweighted, undirected; normalised to [0, 1] by (n-1)(n-2)/2. */
export function betweenness(sub: Subgraph): number[] {
  const n = sub.nodes.length;
  const cb = new Float64Array(n);
  const neighbours = sub.adj.map((m) => [...m.keys()]);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const stack: number[] = [];
    const preds: number[][] = Array.from({ length: n }, () => []);
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    const queue = [s];
    for (let qi = 0; qi < queue.length; qi++) {
      const v = queue[qi];
      stack.push(v);
      for (const w of neighbours[v]) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue.push(w);
        }
        if (dist[w] === dist[v] + 1) {
          sigma[w] += sigma[v];
          preds[w].push(v);
        }
      }
    }
    while (stack.length) {
      const w = stack.pop()!;
      for (const v of preds[w]) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      if (w !== s) cb[w] += delta[w];
    }
  }
  // Each pair was counted from both ends.
  const norm = n > 2 ? ((n - 1) * (n - 2)) / 2 : 1;
  return Array.from(cb, (x) => x / 2 / norm);
}

/** PageRank with damping 0.85 over the undirected subgraph; dangling mass spread evenly. */
export function pageRank(sub: Subgraph, damping = 0.85, iterations = 100, tolerance = 1e-10): number[] {
  const n = sub.nodes.length;
  if (n === 0) return [];
  const neighbours = sub.adj.map((m) => [...m.keys()]);
  let rank = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(n).fill((1 - damping) / n);
    let dangling = 0;
    for (let v = 0; v < n; v++) {
      const out = neighbours[v];
      if (out.length === 0) dangling += rank[v];
      else for (const w of out) next[w] += (damping * rank[v]) / out.length;
    }
    let diff = 0;
    for (let v = 0; v < n; v++) {
      next[v] += (damping * dangling) / n;
      diff += Math.abs(next[v] - rank[v]);
    }
    rank = next;
    if (diff < tolerance) break;
  }
  return Array.from(rank);
}

/**
 * Louvain community detection: move nodes to the neighbouring community with the best modularity
 * gain until nothing moves, fold communities into nodes, repeat. Returns a community per node
 * (numbered by size, largest first) and the final modularity.
 */
export function louvain(sub: Subgraph): { community: number[]; modularity: number } {
  const n = sub.nodes.length;
  let adj: Map<number, number>[] = sub.adj.map((m) => new Map(m));
  let membership = Array.from({ length: n }, (_, i) => i); // original node -> current super-node
  for (let level = 0; level < 20; level++) {
    const { community, moved } = localMoving(adj);
    if (!moved) break;
    const renumber = new Map<number, number>();
    for (const c of community) if (!renumber.has(c)) renumber.set(c, renumber.size);
    membership = membership.map((s) => renumber.get(community[s])!);
    const folded: Map<number, number>[] = Array.from({ length: renumber.size }, () => new Map());
    adj.forEach((m, u) => {
      const cu = renumber.get(community[u])!;
      for (const [v, w] of m) {
        const cv = renumber.get(community[v])!;
        folded[cu].set(cv, (folded[cu].get(cv) ?? 0) + w);
      }
    });
    adj = folded;
  }
  // Largest community first, for stable output.
  const sizes = new Map<number, number>();
  for (const c of membership) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const rank = new Map(order.map((c, i) => [c, i]));
  const community = membership.map((c) => rank.get(c)!);
  return { community, modularity: modularity(sub.adj, community) };
}

function localMoving(adj: Map<number, number>[]): { community: number[]; moved: boolean } {
  const n = adj.length;
  const community = Array.from({ length: n }, (_, i) => i);
  const k = adj.map((m) => {
    let s = 0;
    for (const w of m.values()) s += w;
    return s;
  });
  const m2 = k.reduce((a, b) => a + b, 0); // 2m (self-loops of folded nodes counted as stored)
  if (m2 === 0) return { community, moved: false };
  const tot = [...k];
  let movedAny = false;
  for (let pass = 0; pass < 50; pass++) {
    let moved = false;
    for (let u = 0; u < n; u++) {
      const cu = community[u];
      const links = new Map<number, number>();
      for (const [v, w] of adj[u]) if (v !== u) links.set(community[v], (links.get(community[v]) ?? 0) + w);
      tot[cu] -= k[u];
      let bestC = cu;
      let bestGain = (links.get(cu) ?? 0) - (tot[cu] * k[u]) / m2;
      for (const [c, w] of links) {
        const gain = w - (tot[c] * k[u]) / m2;
        if (gain > bestGain + 1e-12) {
          bestGain = gain;
          bestC = c;
        }
      }
      tot[bestC] += k[u];
      if (bestC !== cu) {
        community[u] = bestC;
        moved = true;
        movedAny = true;
      }
    }
    if (!moved) break;
  }
  return { community, moved: movedAny };
}

function modularity(adj: Map<number, number>[], community: number[]): number {
  let m2 = 0;
  const k = adj.map((m) => {
    let s = 0;
    for (const w of m.values()) s += w;
    m2 += s;
    return s;
  });
  if (m2 === 0) return 0;
  let q = 0;
  const tot = new Map<number, number>();
  adj.forEach((m, u) => {
    tot.set(community[u], (tot.get(community[u]) ?? 0) + k[u]);
    for (const [v, w] of m) if (community[u] === community[v]) q += w;
  });
  q /= m2;
  for (const t of tot.values()) q -= (t / m2) ** 2;
  return Math.round(q * 1e6) / 1e6;
}
