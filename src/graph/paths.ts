// Shortest paths by hop count (bidirectional BFS) and the k shortest loopless paths (Yen's
// algorithm). Links are walked in both directions: "A linked to B" connects B to A as well.
import type { CompiledFilter, Graph } from './graph.ts';

export interface RawPath {
  nodes: number[];
  edges: number[];
}

/** Reusable visit marks so repeated searches (Yen's) allocate nothing per call. */
class SearchState {
  readonly stampF: Int32Array;
  readonly stampB: Int32Array;
  readonly parentF: Int32Array;
  readonly parentB: Int32Array;
  readonly depthF: Int32Array;
  readonly depthB: Int32Array;
  stamp = 0;

  constructor(n: number) {
    this.stampF = new Int32Array(n);
    this.stampB = new Int32Array(n);
    this.parentF = new Int32Array(n);
    this.parentB = new Int32Array(n);
    this.depthF = new Int32Array(n);
    this.depthB = new Int32Array(n);
  }
}

const states = new WeakMap<Graph, SearchState>();
function stateFor(g: Graph): SearchState {
  let s = states.get(g);
  if (!s) states.set(g, (s = new SearchState(g.nodeCount)));
  if (++s.stamp >= 0x7fffffff) {
    s.stampF.fill(0);
    s.stampB.fill(0);
    s.stamp = 1;
  }
  return s;
}

export interface Bans {
  nodes?: Set<number>;
  edges?: Set<number>;
}

/** One shortest path from `s` to `t` within `maxHops`, or null. */
export function shortestPath(g: Graph, s: number, t: number, f: CompiledFilter, maxHops: number, bans: Bans = {}): RawPath | null {
  if (s === t) return { nodes: [s], edges: [] };
  if (bans.nodes?.has(s) || bans.nodes?.has(t)) return null;
  const st = stateFor(g);
  const mark = st.stamp;
  st.stampF[s] = mark;
  st.depthF[s] = 0;
  st.parentF[s] = -1;
  st.stampB[t] = mark;
  st.depthB[t] = 0;
  st.parentB[t] = -1;
  let frontF = [s];
  let frontB = [t];
  let depthF = 0;
  let depthB = 0;
  const { adjOffset, adjEdge, edgeSrc, edgeDst } = g;
  while (frontF.length && frontB.length && depthF + depthB < maxHops) {
    const forward = frontF.length <= frontB.length;
    const front = forward ? frontF : frontB;
    const stampMine = forward ? st.stampF : st.stampB;
    const stampOther = forward ? st.stampB : st.stampF;
    const parent = forward ? st.parentF : st.parentB;
    const depth = forward ? st.depthF : st.depthB;
    const otherDepth = forward ? st.depthB : st.depthF;
    const next: number[] = [];
    let bestMeet = -1;
    let bestLen = Infinity;
    const d = (forward ? depthF : depthB) + 1;
    for (const u of front) {
      for (let i = adjOffset[u], end = adjOffset[u + 1]; i < end; i++) {
        const e = adjEdge[i];
        if (!g.passes(e, f) || bans.edges?.has(e)) continue;
        const v = edgeSrc[e] === u ? edgeDst[e] : edgeSrc[e];
        if (bans.nodes?.has(v)) continue;
        if (stampOther[v] === mark) {
          const len = d + otherDepth[v];
          if (len < bestLen && len <= maxHops) {
            bestLen = len;
            bestMeet = v;
            // The meeting node may be new to this side: record how we got there.
            if (stampMine[v] !== mark) {
              stampMine[v] = mark;
              parent[v] = e;
              depth[v] = d;
            } else if (depth[v] > d) {
              parent[v] = e;
              depth[v] = d;
            }
          }
          continue;
        }
        if (stampMine[v] === mark) continue;
        stampMine[v] = mark;
        parent[v] = e;
        depth[v] = d;
        next.push(v);
      }
    }
    if (bestMeet >= 0) {
      return assemble(g, st, bestMeet);
    }
    if (forward) {
      frontF = next;
      depthF = d;
    } else {
      frontB = next;
      depthB = d;
    }
  }
  return null;
}

function assemble(g: Graph, st: SearchState, meet: number): RawPath {
  const left: number[] = [];
  const leftEdges: number[] = [];
  let v = meet;
  while (st.parentF[v] >= 0) {
    const e = st.parentF[v];
    leftEdges.push(e);
    v = g.other(e, v);
    left.push(v);
  }
  const nodes = [...left.reverse(), meet];
  const edges = leftEdges.reverse();
  v = meet;
  while (st.parentB[v] >= 0) {
    const e = st.parentB[v];
    edges.push(e);
    v = g.other(e, v);
    nodes.push(v);
  }
  return { nodes, edges };
}

/** Up to `k` loopless paths in order of hop count (Yen's algorithm over the multigraph). */
export function kShortestPaths(g: Graph, s: number, t: number, f: CompiledFilter, maxHops: number, k: number): RawPath[] {
  const first = shortestPath(g, s, t, f, maxHops);
  if (!first) return [];
  const found: RawPath[] = [first];
  const candidates: RawPath[] = [];
  const seen = new Set<string>([first.edges.join(',')]);
  while (found.length < k) {
    const last = found[found.length - 1];
    for (let i = 0; i < last.nodes.length - 1; i++) {
      const spur = last.nodes[i];
      const rootNodes = last.nodes.slice(0, i + 1);
      const rootEdges = last.edges.slice(0, i);
      const bannedEdges = new Set<number>();
      for (const p of found) {
        if (p.edges.length > i && sameStart(p.edges, rootEdges)) bannedEdges.add(p.edges[i]);
      }
      const bannedNodes = new Set(rootNodes.slice(0, -1));
      const spurPath = shortestPath(g, spur, t, f, maxHops - i, { nodes: bannedNodes, edges: bannedEdges });
      if (!spurPath) continue;
      const path = { nodes: [...rootNodes.slice(0, -1), ...spurPath.nodes], edges: [...rootEdges, ...spurPath.edges] };
      const key = path.edges.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(path);
    }
    if (candidates.length === 0) break;
    let best = 0;
    for (let j = 1; j < candidates.length; j++) if (candidates[j].edges.length < candidates[best].edges.length) best = j;
    found.push(candidates.splice(best, 1)[0]);
  }
  return found;
}

function sameStart(edges: number[], root: number[]): boolean {
  for (let i = 0; i < root.length; i++) if (edges[i] !== root[i]) return false;
  return true;
}
