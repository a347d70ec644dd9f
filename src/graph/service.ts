// The graph's domain functions, shared by the HTTP routes and the CLI. The service builds the
// graph from the store's live statements and swaps in a rebuilt one when a live version changes
// (an analyst edit or a judgement: the graph with just the entities it touches redone, build.ts
// updateGraph); queries in flight keep the graph they started with.
import { ConflictError, NotFoundError, ValidationError } from '../model/errors.ts';
import { numberParam } from '../model/params.ts';
import type { Statement } from '../model/statement.ts';
import { redoSinceSaved, sanctionsLists } from '../model/targets.ts';
import { assembleEntity } from '../model/entity.ts';
import { gradeRank, strongestGrade } from '../model/grades.ts';
import { seesAny, visibleStatements, type Sees } from '../model/visibility.ts';
import type { DatasetVersion, EntityReader, Store } from '../store/types.ts';
import { compareBytes, sortAsStreamed, versionOrder } from '../model/stream-order.ts';
import { buildGraph, updateGraph } from './build.ts';
import { loadSnapshot, savedGraphKeys, saveSnapshot, snapshotKey } from './snapshot.ts';
import { betweenness, degreeCentrality, inducedSubgraph, louvain, MAX_SUBGRAPH_NODES, pageRank } from './centrality.ts';
import { EXPORT_FORMATS, toFtmLines, toGexf, toGraphml, type ExportFormat } from './export.ts';
import { exposure as rawExposure, edgeWeight, GRADE_WEIGHTS } from './exposure.ts';
import { FLAG_KNOWN, validateFilter, type Graph } from './graph.ts';
import { adjacentEdges, neighbourhood as rawNeighbourhood } from './neighbourhood.ts';
import { assessOwnership, ownershipReach, round, type OwnershipAssessment } from './ownership.ts';
import { kShortestPaths } from './paths.ts';
import type { EdgeFilter, GraphEdge, GraphNode, GraphPath } from './types.ts';

export const LIMITS = {
  maxHops: { min: 1, max: 8, default: 4 },
  k: { min: 1, max: 10, default: 1 },
  neighbourhoodHops: { min: 1, max: 3, default: 2 },
  neighbourhoodLimit: { min: 1, max: 2_000, default: 500 },
  exposureHops: { min: 1, max: 4, default: 2 },
  pageLimit: { min: 1, max: 500, default: 50 },
  offset: { min: 0, max: 1e9, default: 0 },
  subgraphHops: { min: 0, max: 3, default: 0 },
} as const;

/** An integer option within bounds (a LIMITS entry), or a ValidationError naming the field. */
function intOption(field: string, value: unknown, bounds: { min: number; max: number; default: number }): number {
  return numberParam(value, field, bounds.default, { ...bounds, integer: true });
}

export interface PathsResult {
  from: GraphNode;
  to: GraphNode;
  maxHops: number;
  k: number;
  filter: EdgeFilter;
  paths: (GraphPath & { nodeDetails: GraphNode[] })[];
}

export interface ExposureHit {
  entity: GraphNode;
  score: number;
  hops: number;
  path: GraphPath;
}

export interface ExposureResult {
  entity: GraphNode;
  hops: number;
  /** Designated itself. */
  sanctioned: boolean;
  hits: ExposureHit[];
  reached: number;
  truncated: boolean;
  ownership: OwnershipAssessment;
  weights: { note: string };
}

export class GraphService {
  private current: Graph | undefined;
  private pending: Promise<Graph> | undefined;
  private stale = false;
  /** Entities analyst edits changed since the current graph, to be redone in it. */
  private readonly edited = new Set<string>();
  /** What judgements changed since the current graph (src/resolve/service.ts TargetChange). */
  private readonly retired = new Set<string>();
  private readonly retargeted = new Set<string>();

  constructor(
    private readonly reader: EntityReader,
    private readonly options: {
      /** Where built graphs are kept for the next start (see snapshot.ts); none: always build. */
      snapshotDir?: string;
      /** What went wrong and what was done instead (a rebuild, a graph not saved): the server's log. */
      warn?: (message: string) => void;
    } = {},
  ) {}

  /** A background rebuild or update that failed: the graph in use stays until the next change (none yet: the next `graph()` builds). */
  private readonly failed = (err: unknown) => this.options.warn?.(`graph not brought up to date: ${(err as Error).message}`);

  /**
   * Rebuild whenever a dataset's live version switches, or redo just the entities an analyst edit
   * appended to (one rebuild or update at a time).
   */
  attach(store: Pick<Store, 'onLiveChange'>): () => void {
    return store.onLiveChange((_dataset, appended) => {
      // A graph nobody has asked for yet is built on first use (imports at start-up fire this often).
      if (!this.current && !this.pending) return;
      if (appended) for (const id of appended) this.edited.add(id);
      else this.stale = true;
      void this.update().catch(this.failed);
    });
  }

  /**
   * New judgements: the ids in `removed` leave the graph and the targets `targets` (with the entities
   * linking to them and the Sanctions naming them) are redone, instead of a rebuild.
   */
  retarget(change: { removed: readonly string[]; targets: readonly string[] }): void {
    if (!this.current && !this.pending) return;
    for (const id of change.removed) this.retired.add(id);
    for (const id of change.targets) this.retargeted.add(id);
    void this.update().catch(this.failed);
  }

  /** Schedules a full rebuild of a graph already built or being built (the judgements in force changed, untold how). */
  refresh(): void {
    if (!this.current && !this.pending) return;
    this.stale = true;
    void this.update().catch(this.failed);
  }

  /** Resolves once no rebuild or update is in progress (tests, benchmarks). */
  async settled(): Promise<void> {
    while (this.pending) await this.pending.catch(() => undefined);
  }

  /** The current graph, building it on first use. */
  async graph(): Promise<Graph> {
    if (this.current) return this.current;
    return this.rebuild();
  }

  async rebuild(): Promise<Graph> {
    if (this.pending) return this.pending;
    this.stale = true;
    return this.update();
  }

  /** A full rebuild when one is due (or there is no graph yet), else the edited entities redone. */
  private update(): Promise<Graph> {
    if (this.pending) return this.pending;
    const current = this.current;
    const full = this.stale || !current;
    const ids = [...this.edited];
    const change = { removed: [...this.retired], targets: [...this.retargeted] };
    this.stale = false;
    this.edited.clear();
    this.retired.clear();
    this.retargeted.clear();
    const next = full
      ? this.load()
      : this.takeIn(current, ids, change).catch((err) => {
          this.options.warn?.(`graph: edits and judgements not taken in (${(err as Error).message}); rebuilding`);
          return this.load();
        });
    this.pending = next
      .then((g) => {
        this.current = g; // atomic swap: readers holding the old graph finish on it
        return g;
      })
      .finally(() => {
        this.pending = undefined;
        if (this.stale || this.edited.size || this.retargeted.size || this.retired.size) void this.update().catch(this.failed);
      });
    return this.pending;
  }

  /**
   * The graph with the entities `ids` (and a member's whole target) redone from their live statements
   * now, and the judgements' `change` taken in: its targets, the entities whose edges touch them or
   * the ids it retired, and the Sanctions naming them are redone; retired ids that are no target leave.
   */
  private async takeIn(g: Graph, ids: string[], change: { removed: string[]; targets: string[] }): Promise<Graph> {
    const versions = await this.reader.liveVersions();
    const targets = new Set(change.targets);
    const dropped = new Set(change.removed.filter((id) => !targets.has(id)));
    const redo = new Set([...ids, ...targets]);
    if (targets.size || dropped.size) {
      for (const id of targets) for (const e of await this.reader.getReferencing(id)) redo.add(e.id);
      for (const e of edgesTouching(g, new Set([...targets, ...dropped]))) {
        const hash = g.edgeIds[e].indexOf('#');
        redo.add(hash < 0 ? g.edgeIds[e] : g.edgeIds[e].slice(0, hash));
      }
    }
    const groups = new Map<string, Statement[]>();
    const order = versionOrder(versions);
    for (const id of redo) {
      if (dropped.has(id)) continue;
      const statements = await this.reader.getStatements(id);
      if (statements.length === 0) {
        if (ids.includes(id) || targets.has(id)) throw new Error(`entity ${id} has no live statements`);
        continue;
      }
      // A member's statements are its target's (the resolved reader gives the whole target).
      // As a full build streams them: the same caption and claim order.
      sortAsStreamed(statements, order);
      groups.set(statements[0].canonicalId, statements);
    }
    for (const canonical of groups.keys()) if (dropped.has(canonical)) throw new Error(`retired id ${canonical} is still a target`);
    const lists = sanctionsLists(versions);
    const sorted = [...groups.values()].sort((a, b) => compareBytes(a[0].canonicalId, b[0].canonicalId));
    return updateGraph(g, lists, sorted, { dropped, redesignated: targets });
  }

  /**
   * The graph saved for these live versions and judgements, or for earlier judgements with the targets
   * judged since redone; either with every entity an analyst dataset touches redone (their versions
   * are not in the name: an edit appends in place). Else a build from the store. Saved unless read
   * back under its own name.
   */
  private async load(): Promise<Graph> {
    const dir = this.options.snapshotDir;
    if (!dir) return buildGraph(this.reader);
    const versions = await this.reader.liveVersions();
    const key = snapshotKey(versions, await this.resolutionKey());
    const exact = await loadSnapshot(dir, key);
    const updated = await this.fromSaved(dir, versions, exact);
    if (exact && updated) return updated;
    const g = updated ?? (await buildGraph(this.reader));
    // Saved only if no version switched and no judgement came during the build, so a snapshot always matches its name.
    if (snapshotKey(await this.reader.liveVersions(), await this.resolutionKey()) === key) await saveSnapshot(dir, key, g).catch((err) => this.options.warn?.(`graph not saved: ${(err as Error).message}`));
    return g;
  }

  /** A saved graph brought up to date as a judgement's change and an edit are (see takeIn), or none (redoSinceSaved: a full build is due). */
  private async fromSaved(dir: string, versions: DatasetVersion[], exact?: Graph): Promise<Graph | undefined> {
    const saved = exact ? [] : savedGraphKeys(dir);
    if (!exact && !saved.length) return undefined;
    const redo = await redoSinceSaved(this.reader, versions, exact ? undefined : (r) => saved.includes(snapshotKey(versions, r)));
    if (!redo) return undefined;
    const { change, edited, resolutionKey } = redo;
    const g = exact ?? (await loadSnapshot(dir, snapshotKey(versions, resolutionKey)));
    if (!g) return undefined;
    if (!edited.length && !change.targets.length && !change.removed.length) return g;
    // Failing (a record gone meanwhile, say): the full build a start did before.
    return this.takeIn(g, edited, change).catch((err) => {
      this.options.warn?.(`graph: the saved one not brought up to date (${(err as Error).message}); building`);
      return undefined;
    });
  }

  /** The judgements a resolving reader (src/resolve/service.ts) resolves with; none for records as listed. */
  private async resolutionKey(): Promise<string> {
    return (await this.reader.resolutionKey?.()) ?? '';
  }

  /**
   * The id of the entity an id, referent or name stands for. A name matches the entities whose
   * caption has the same words in any order and case (else those whose caption holds all its
   * words); more than one is a ConflictError listing them, so the user picks by id.
   */
  async resolve(ref: string, field = 'id', sees: Sees = null): Promise<string> {
    if (!ref.trim()) throw new ValidationError(field, 'is required');
    const g = await this.graph();
    const n = g.indexOf(ref);
    if (n >= 0 && g.seesNode(n, sees)) return ref;
    const entity = await this.reader.getEntity(ref);
    if (entity && seesAny(sees, entity.datasets)) return entity.id;
    const found = nodesNamed(g, ref).filter((m) => g.seesNode(m, sees));
    if (found.length === 1) return g.nodeIds[found[0]];
    if (found.length === 0) throw new NotFoundError(`no entity with the id or name "${ref}"`);
    const shown = found.slice(0, MAX_CANDIDATES).map((n) => {
      const node = shownNode(g, n, sees);
      return `  ${node.id}  ${node.caption} (${node.schema}; ${node.datasets.join(', ')}${node.sanctioned ? '; designated' : ''})`;
    });
    const more = found.length > MAX_CANDIDATES ? [`  … and ${found.length - MAX_CANDIDATES} more`] : [];
    throw new ConflictError(`${field} "${ref}" names ${found.length} entities; give one of their ids:\n${[...shown, ...more].join('\n')}`);
  }

  /**
   * Node index of an id or referent; NotFoundError when the store has no such entity, or none the
   * reader may see (the same answer: nothing says a hidden entity exists).
   */
  private async locate(g: Graph, id: string, field = 'id', sees: Sees = null): Promise<number> {
    if (!id) throw new ValidationError(field, 'is required');
    const n = g.indexOf(id);
    if (n >= 0) {
      if (!g.seesNode(n, sees) || !this.seesBareNode(g, n, sees)) throw new NotFoundError(`no entity ${id}`);
      return n;
    }
    const entity = await this.reader.getEntity(id);
    if (!entity || !seesAny(sees, entity.datasets)) throw new NotFoundError(`no entity ${id}`);
    const m = g.indexOf(entity.id);
    // Known to the store but unlinked: -1 means "no edges".
    return m;
  }

  /** An id with no statements, only referenced: seen when one of its edges is. */
  private seesBareNode(g: Graph, n: number, sees: Sees): boolean {
    if (sees === null || (g.sets[g.nodeDatasets[n]] ?? []).length) return true;
    const visible = visibleEdgesOf(g, sees);
    if (!visible) return true;
    for (let i = g.adjOffset[n]; i < g.adjOffset[n + 1]; i++) if (visible[g.adjEdge[i]]) return true;
    return false;
  }

  private async nodeOf(g: Graph, n: number, id: string, sees: Sees): Promise<GraphNode> {
    if (n >= 0) return shownNode(g, n, sees, await this.visibleCaptions(g, [n], sees));
    const e = await this.reader.getEntity(id);
    return { id: e?.id ?? id, schema: e?.schema ?? 'Thing', caption: e?.caption ?? id, datasets: (e?.datasets ?? []).filter((d) => !sees || sees(d)), sanctioned: false, sanctionedBy: [], known: !!e };
  }

  async adjacent(id: string, options: { filter?: EdgeFilter; offset?: unknown; limit?: unknown; sees?: Sees } = {}) {
    const g = await this.graph();
    const sees = options.sees ?? null;
    const n = await this.locate(g, id, 'id', sees);
    const offset = intOption('offset', options.offset, LIMITS.offset);
    const limit = intOption('limit', options.limit, LIMITS.pageLimit);
    const f = compileFor(g, options.filter, sees);
    const page = n >= 0 ? adjacentEdges(g, n, f, offset, limit) : { total: 0, offset, limit, edges: [] };
    const captions = await this.visibleCaptions(g, page.edges.map((e) => g.other(e, n)), sees);
    return {
      entity: await this.nodeOf(g, n, id, sees),
      total: page.total,
      offset,
      limit,
      results: page.edges.map((e) => ({ edge: shownEdge(g, e, sees), other: shownNode(g, g.other(e, n), sees, captions) })),
    };
  }

  async paths(fromId: string, toId: string, options: { filter?: EdgeFilter; maxHops?: unknown; k?: unknown; sees?: Sees } = {}): Promise<PathsResult> {
    const g = await this.graph();
    const sees = options.sees ?? null;
    const from = await this.locate(g, fromId, 'from', sees);
    const to = await this.locate(g, toId, 'to', sees);
    const maxHops = intOption('maxHops', options.maxHops, LIMITS.maxHops);
    const k = intOption('k', options.k, LIMITS.k);
    const filter = validateFilter(options.filter ?? {});
    const raw = from >= 0 && to >= 0 ? kShortestPaths(g, from, to, compileFor(g, filter, sees), maxHops, k) : [];
    const captions = await this.visibleCaptions(g, raw.flatMap((p) => p.nodes), sees);
    return {
      from: await this.nodeOf(g, from, fromId, sees),
      to: await this.nodeOf(g, to, toId, sees),
      maxHops,
      k,
      filter,
      paths: raw.map((p) => ({ ...toPath(g, p.nodes, p.edges, sees), nodeDetails: p.nodes.map((n) => shownNode(g, n, sees, captions)) })),
    };
  }

  async neighbourhood(id: string, options: { filter?: EdgeFilter; hops?: unknown; limit?: unknown; sees?: Sees } = {}) {
    const g = await this.graph();
    const sees = options.sees ?? null;
    const n = await this.locate(g, id, 'id', sees);
    const hops = intOption('hops', options.hops, LIMITS.neighbourhoodHops);
    const limit = intOption('limit', options.limit, LIMITS.neighbourhoodLimit);
    const f = compileFor(g, options.filter, sees);
    if (n < 0) return { centre: await this.nodeOf(g, n, id, sees), hops, limit, nodes: [], edges: [], cut: { nodes: 0, edges: 0 }, truncated: false };
    const r = rawNeighbourhood(g, n, hops, limit, f);
    const captions = await this.visibleCaptions(g, [n, ...r.nodes], sees);
    return {
      centre: shownNode(g, n, sees, captions),
      hops,
      limit,
      nodes: r.nodes.map((m, i) => ({ ...shownNode(g, m, sees, captions), hops: r.hops[i] })),
      edges: r.edges.map((e) => shownEdge(g, e, sees)),
      cut: r.cut,
      truncated: r.truncated,
    };
  }

  async exposure(id: string, options: { filter?: EdgeFilter; hops?: unknown; sees?: Sees } = {}): Promise<ExposureResult> {
    const g = await this.graph();
    const sees = options.sees ?? null;
    const n = await this.locate(g, id, 'id', sees);
    const hops = intOption('hops', options.hops, LIMITS.exposureHops);
    const f = compileFor(g, options.filter, sees);
    const entity = await this.nodeOf(g, n, id, sees);
    const weights = { note: 'score = product over the path of type weight × grade weight (src/graph/exposure.ts)' };
    if (n < 0) {
      return { entity, hops, sanctioned: false, hits: [], reached: 0, truncated: false, ownership: emptyOwnership(entity.id), weights };
    }
    const r = rawExposure(g, n, hops, f);
    const captions = await this.visibleCaptions(g, r.hits.map((h) => h.node), sees);
    return {
      entity,
      hops,
      sanctioned: g.isSanctioned(n),
      hits: r.hits.map((h) => ({ entity: shownNode(g, h.node, sees, captions), score: Math.round(h.score * 1e4) / 1e4, hops: h.edges.length, path: toPath(g, h.nodes, h.edges, sees) })),
      reached: r.reached,
      truncated: r.truncated,
      ownership: r.ownership,
      weights,
    };
  }

  async ownership(id: string, sees: Sees = null): Promise<OwnershipAssessment> {
    const g = await this.graph();
    const n = await this.locate(g, id, 'id', sees);
    if (n < 0) return emptyOwnership(id);
    if (sees === null) return assessOwnership(g, n);
    const visible = visibleEdgesOf(g, sees);
    const grade = (e: number) => gradeRank(shownEdge(g, e, sees).evidenceGrade);
    return assessOwnership(g, n, visible, { captions: await this.visibleCaptions(g, ownershipReach(g, n, visible, grade), sees), grade });
  }

  /** Centrality and communities of the subgraph induced by `ids` (plus `hops` of surroundings). */
  async centrality(ids: string[], options: { filter?: EdgeFilter; hops?: unknown; sees?: Sees } = {}) {
    const g = await this.graph();
    const sees = options.sees ?? null;
    const nodes = await this.subgraphNodes(g, ids, options.hops, options.filter, sees);
    const f = compileFor(g, options.filter, sees);
    const sub = inducedSubgraph(g, nodes, f);
    const degree = degreeCentrality(sub);
    const between = betweenness(sub);
    const rank = pageRank(sub);
    const { community, modularity } = louvain(sub);
    const captions = await this.visibleCaptions(g, sub.nodes, sees);
    return {
      nodes: sub.nodes
        .map((n, i) => ({ ...shownNode(g, n, sees, captions), degree: degree[i], betweenness: round(between[i]), pageRank: round(rank[i]), community: community[i] }))
        .sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree),
      edges: sub.edges.length,
      communities: new Set(community).size,
      modularity,
    };
  }

  async export(ids: string[], format: string, options: { filter?: EdgeFilter; hops?: unknown; sees?: Sees } = {}): Promise<{ contentType: string; body: string }> {
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new ValidationError('format', `must be one of ${EXPORT_FORMATS.join(', ')}`);
    const g = await this.graph();
    const sees = options.sees ?? null;
    const nodes = await this.subgraphNodes(g, ids, options.hops, options.filter, sees);
    const sub = inducedSubgraph(g, nodes, compileFor(g, options.filter, sees));
    switch (format as ExportFormat) {
      case 'gexf':
        return { contentType: 'application/gexf+xml', body: toGexf(g, sub.nodes, sub.edges, sees, await this.visibleCaptions(g, sub.nodes, sees)) };
      case 'graphml':
        return { contentType: 'application/graphml+xml', body: toGraphml(g, sub.nodes, sub.edges, sees, await this.visibleCaptions(g, sub.nodes, sees)) };
      default:
        return { contentType: 'application/x-ndjson', body: await toFtmLines(this.reader, g, sub.nodes, sub.edges, sees) };
    }
  }

  /**
   * Captions of the nodes that also carry claims hidden from the reader, from their visible statements
   * (a workspace's alias never names a listed entity for a non-member). Nothing hidden: no reads.
   */
  private async visibleCaptions(g: Graph, nodes: Iterable<number>, sees: Sees): Promise<Captions> {
    const out = new Map<number, string>();
    if (sees === null) return out;
    for (const n of new Set(nodes)) {
      if (n < 0 || (g.sets[g.nodeDatasets[n]] ?? []).every(sees)) continue;
      const entity = assembleEntity(visibleStatements(sees, await this.reader.getStatements(g.nodeIds[n])));
      out.set(n, entity?.caption ?? g.nodeIds[n]);
    }
    return out;
  }

  private async subgraphNodes(g: Graph, ids: string[], hopsValue: unknown, filter: EdgeFilter | undefined, sees: Sees): Promise<number[]> {
    if (!ids.length) throw new ValidationError('ids', 'at least one entity id is required');
    if (ids.length > MAX_SUBGRAPH_NODES) throw new ValidationError('ids', `at most ${MAX_SUBGRAPH_NODES} ids`);
    const hops = intOption('hops', hopsValue, LIMITS.subgraphHops);
    const f = compileFor(g, filter, sees);
    const out = new Set<number>();
    for (const id of ids) {
      const n = await this.locate(g, id, 'ids', sees);
      if (n < 0) continue;
      if (hops === 0) out.add(n);
      else for (const m of rawNeighbourhood(g, n, hops, MAX_SUBGRAPH_NODES, f).nodes) out.add(m);
      if (out.size > MAX_SUBGRAPH_NODES) throw new ValidationError('ids', `the subgraph exceeds ${MAX_SUBGRAPH_NODES} nodes; ask for fewer hops or ids`);
    }
    return [...out];
  }

  async stats(sees: Sees = null) {
    const g = await this.graph();
    const visible = visibleEdgesOf(g, sees);
    if (visible) {
      let nodes = 0;
      for (let n = 0; n < g.nodeCount; n++) if (g.seesNode(n, sees) && this.seesBareNode(g, n, sees)) nodes++;
      return { nodes, edges: visible.reduce((sum, v) => sum + v, 0), types: g.types.map((t) => t.type), builtAt: g.builtAt, warnings: g.warnings };
    }
    return { nodes: g.nodeCount, edges: g.edgeCount, types: g.types.map((t) => t.type), builtAt: g.builtAt, warnings: g.warnings };
  }
}

const MAX_CANDIDATES = 20;

/** The edges with an end at one of the nodes named `ids`, self-loops too (they are not in the adjacency). */
function edgesTouching(g: Graph, ids: ReadonlySet<string>): number[] {
  const nodes = new Set<number>();
  for (const id of ids) {
    const n = g.indexOf(id);
    if (n >= 0 && g.nodeIds[n] === id) nodes.add(n);
  }
  if (nodes.size === 0) return [];
  const out: number[] = [];
  for (let e = 0; e < g.edgeCount; e++) if (nodes.has(g.edgeSrc[e]) || nodes.has(g.edgeDst[e])) out.push(e);
  return out;
}

/** The words of a name: case, accents and punctuation aside. */
function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Known nodes whose caption has the words of `name`: the same words if any, else all of them among others. */
function nodesNamed(g: Graph, name: string): number[] {
  const words = wordsOf(name);
  if (words.length === 0) return [];
  const key = [...words].sort().join(' ');
  const same: number[] = [];
  const containing: number[] = [];
  for (let n = 0; n < g.nodeCount; n++) {
    if ((g.nodeFlags[n] & FLAG_KNOWN) === 0) continue;
    const caption = wordsOf(g.nodeCaption[n]);
    if ([...caption].sort().join(' ') === key) same.push(n);
    else if (words.every((w) => caption.includes(w))) containing.push(n);
  }
  return same.length ? same : containing;
}

export function toPath(g: Graph, nodes: number[], edges: number[], sees: Sees = null): GraphPath {
  return { nodes: nodes.map((n) => g.nodeIds[n]), edges: edges.map((e) => shownPathEdge(g, e, sees)), hops: edges.length };
}

/** A path's edge and its weight, both from the claims the reader may see. */
function shownPathEdge(g: Graph, e: number, sees: Sees): GraphEdge {
  const edge = shownEdge(g, e, sees);
  const whole = GRADE_WEIGHTS[g.grade(e)];
  const weight = edge.evidenceGrade === g.grade(e) ? edgeWeight(g, e) : whole === 0 ? 0 : (edgeWeight(g, e) * GRADE_WEIGHTS[edge.evidenceGrade]) / whole;
  return { ...edge, weight: round(weight) } as GraphEdge;
}

function emptyOwnership(id: string): OwnershipAssessment {
  return { entity: id, listed: false, share: 0, blocked: false, blockedByOwnership: false, terms: [], termsTruncated: false, computation: '0% held by blocked persons < 50%: not blocked by ownership', warnings: [] };
}


// What a reader may see of the graph (issue 13). The graph holds every dataset; a request filters it.
// The visible-edge mask costs one pass over the edges, so it is kept per graph and per request's
// predicate (the server makes one predicate per request), never for the common case of seeing all.
const visibleMasks = new WeakMap<Graph, WeakMap<object, Uint8Array | null>>();

function visibleEdgesOf(g: Graph, sees: Sees): Uint8Array | null {
  if (sees === null) return null;
  let byPredicate = visibleMasks.get(g);
  if (!byPredicate) visibleMasks.set(g, (byPredicate = new WeakMap()));
  let mask = byPredicate.get(sees);
  if (mask === undefined) byPredicate.set(sees, (mask = g.visibleEdges(sees)));
  return mask;
}

function compileFor(g: Graph, filter: EdgeFilter | undefined, sees: Sees) {
  return { ...g.compile(validateFilter(filter ?? {})), visible: visibleEdgesOf(g, sees) };
}

/** Captions of nodes as the reader sees them, where they differ from the whole graph's. */
type Captions = ReadonlyMap<number, string>;

/** A node as the reader may see it: hidden datasets left out; one it may not see at all is a bare id. */
function shownNode(g: Graph, n: number, sees: Sees, captions?: Captions): GraphNode {
  const node = g.node(n);
  if (sees === null) return node;
  if (!g.seesNode(n, sees)) return { id: node.id, schema: 'Thing', caption: node.id, datasets: [], sanctioned: false, sanctionedBy: [], known: false };
  return { ...node, caption: captions?.get(n) ?? node.caption, datasets: node.datasets.filter(sees) };
}

/** An edge with only the claims the reader may see (the edge itself is visible: one claim is). */
function shownEdge(g: Graph, e: number, sees: Sees): GraphEdge {
  const edge = g.edge(e);
  if (sees === null) return edge;
  const provenance = edge.provenance.filter((p) => sees(p.dataset));
  return { ...edge, evidenceGrade: strongestGrade(provenance) ?? edge.evidenceGrade, provenance };
}

