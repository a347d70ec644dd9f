// Graph explorer: start from an entity, expand neighbours (capped, with "n more"), find paths
// between two entities, filter by relationship type, dates and evidence grade, export PNG and SVG.
// Loaded on demand: cytoscape is only in this page's chunk.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape';
import { api, GRADES, type GraphEdge, type GraphFilter, type GraphNode, type GraphPath, type Grade, type Provenance } from '../api.ts';
import { href, navigate, type Route } from '../router.ts';
import { EntityLink, ErrorMessage, GradeBadge, SanctionedBadge, SchemaTag, Section } from '../components/common.tsx';
import { EntityPicker, type Picked } from '../components/EntityPicker.tsx';
import { SourceLink } from '../components/SourceLink.tsx';
import { VirtualTable, type Column } from '../components/VirtualTable.tsx';
import { graphToSvg } from '../lib/svgExport.ts';
import { download, downloadBlob, formatDate } from '../lib/format.ts';
import { isA, linkTypeLabel } from '../lib/ftm.ts';

/** Neighbours added per expansion; the rest is offered as "n more". */
const EXPAND_CAP = 25;
const START_LIMIT = 150;
/** Past this many nodes the drawing takes cheaper paths (no labels while moving, straight edges). */
const LARGE_GRAPH = 600;

const LAYOUTS: { name: string; label: string }[] = [
  { name: 'cose', label: 'Force-directed' },
  { name: 'breadthfirst', label: 'Tree' },
  { name: 'concentric', label: 'Concentric' },
  { name: 'circle', label: 'Circle' },
  { name: 'grid', label: 'Grid' },
];

function nodeClass(n: GraphNode): string {
  const kind = isA(n.schema, 'Person') ? 'person' : isA(n.schema, 'Vessel') ? 'vessel' : isA(n.schema, 'Airplane') ? 'airplane' : isA(n.schema, 'Organization') || isA(n.schema, 'LegalEntity') ? 'org' : 'other';
  return `${kind}${n.sanctioned ? ' sanctioned' : ''}`;
}

const STYLE: cytoscape.StylesheetJson = [
  { selector: 'node', style: {
    label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'wrap', 'text-max-width': '140px',
    'background-color': '#90a4ae', width: 22, height: 22, 'border-width': 1, 'border-color': '#ffffff', 'min-zoomed-font-size': 7,
    'font-family': 'system-ui, "Noto Sans", "Noto Sans CJK KR", sans-serif', color: '#1b1f24',
  } },
  { selector: 'node.person', style: { 'background-color': '#1e88e5', shape: 'ellipse' } },
  { selector: 'node.org', style: { 'background-color': '#43a047', shape: 'round-rectangle' } },
  { selector: 'node.vessel', style: { 'background-color': '#00838f', shape: 'round-rectangle' } },
  { selector: 'node.airplane', style: { 'background-color': '#6d4c41', shape: 'round-rectangle' } },
  { selector: 'node.sanctioned', style: { 'border-color': '#c62828', 'border-width': 4 } },
  { selector: 'node.start', style: { width: 34, height: 34, 'font-weight': 'bold' } },
  { selector: 'node.has-more', style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#78909c' } },
  { selector: 'node.has-more.sanctioned', style: { 'border-color': '#c62828' } },
  { selector: 'edge', style: {
    'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, width: 1.5, 'line-color': '#9e9e9e', 'target-arrow-color': '#9e9e9e',
    label: 'data(label)', 'font-size': 8, 'text-rotation': 'autorotate', 'min-zoomed-font-size': 7, color: '#555',
    'text-background-color': '#ffffff', 'text-background-opacity': 0.7, 'text-background-padding': '1px',
  } },
  { selector: 'edge.grade-official', style: { 'line-color': '#37474f', 'target-arrow-color': '#37474f', width: 2.5 } },
  { selector: 'edge.grade-corroborated', style: { 'line-color': '#2e7d32', 'target-arrow-color': '#2e7d32', width: 2 } },
  { selector: 'edge.grade-reported', style: { 'line-color': '#1565c0', 'target-arrow-color': '#1565c0', 'line-style': 'dashed' } },
  { selector: 'edge.grade-alleged', style: { 'line-color': '#ef6c00', 'target-arrow-color': '#ef6c00', 'line-style': 'dotted', width: 2 } },
  { selector: 'edge.grade-disputed', style: { 'line-color': '#8e24aa', 'target-arrow-color': '#8e24aa', 'line-style': 'dotted', width: 2 } },
  { selector: 'edge.grade-denied', style: { 'line-color': '#c62828', 'target-arrow-color': '#c62828', 'line-style': 'dotted', width: 2 } },
  { selector: 'edge.path', style: { 'line-color': '#d81b60', 'target-arrow-color': '#d81b60', width: 5, 'z-index': 10 } },
  { selector: 'node.path', style: { 'underlay-color': '#d81b60', 'underlay-opacity': 0.35, 'underlay-padding': 6 } },
  { selector: ':selected', style: { 'overlay-color': '#ffb300', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
  { selector: '.filtered', style: { display: 'none' } },
];

const typeLabel = linkTypeLabel;

function nodeLabel(n: GraphNode, more: number): string {
  return more > 0 ? `${n.caption}\n+${more} more` : n.caption;
}

function edgePasses(e: GraphEdge, f: GraphFilter): boolean {
  if (f.types?.length && !f.types.includes(e.type)) return false;
  if (f.minGrade && e.grade && GRADES.indexOf(e.grade) > GRADES.indexOf(f.minGrade)) return false;
  // A relationship passes the date window if it could have held at some time inside it.
  if (f.dateFrom && e.endDate && e.endDate < f.dateFrom) return false;
  if (f.dateTo && e.startDate && e.startDate > f.dateTo) return false;
  return true;
}

interface GraphState {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  /** Neighbours known to exist per node (from the API's totals). */
  total: Map<string, number>;
  /** Paging offset of the next expansion per node. */
  cursor: Map<string, number>;
  /** Relationships drawn per node. */
  drawn: (id: string) => number;
}

function emptyState(cy: () => Core | null): GraphState {
  return {
    nodes: new Map(), edges: new Map(), total: new Map(), cursor: new Map(),
    drawn: (id) => cy()?.getElementById(id).connectedEdges().length ?? 0,
  };
}

function moreOf(s: GraphState, id: string): number {
  return Math.max(0, (s.total.get(id) ?? 0) - s.drawn(id));
}

export default function GraphPage({ route }: { route: Route }) {
  const startId = route.params.get('id') ?? '';
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  /** The view shows the whole graph as laid out (no pan or zoom by the user since). */
  const fitted = useRef(false);
  const state = useRef<GraphState>(emptyState(() => cyRef.current));
  const [version, setVersion] = useState(0); // bumps when the graph data changes, to refresh lists
  const [selected, setSelected] = useState<{ kind: 'node' | 'edge'; id: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error>();
  const [layout, setLayout] = useState('cose');
  const [hops, setHops] = useState(1);
  const [cap, setCap] = useState(START_LIMIT);
  const [filter, setFilter] = useState<GraphFilter>({});
  const [pathFrom, setPathFrom] = useState<Picked | null>(null);
  const [pathTo, setPathTo] = useState<Picked | null>(null);
  const [maxHops, setMaxHops] = useState(6);
  const [paths, setPaths] = useState<GraphPath[] | null>(null);
  const [cut, setCut] = useState<{ nodes: number; edges: number } | null>(null);
  const [timing, setTiming] = useState<string | null>(null);

  // Create cytoscape once.
  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      style: STYLE,
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 4,
      pixelRatio: 1,
      // Pan and zoom move a cached picture instead of redrawing thousands of labels each frame.
      textureOnViewport: true,
      motionBlur: false,
    });
    cy.on('tap', 'node', (e) => setSelected({ kind: 'node', id: e.target.id() }));
    cy.on('tap', 'edge', (e) => setSelected({ kind: 'edge', id: e.target.id() }));
    cy.on('tap', (e) => {
      if (e.target === cy) setSelected(null);
    });
    cyRef.current = cy;
    (window as unknown as { __interdictGraph?: Core }).__interdictGraph = cy; // for the end-to-end tests
    // The drawing area changes size as results, messages and panels come and go (after a search, say):
    // cytoscape must be told, and a view the user has not moved yet is fitted again.
    cy.on('dragpan scrollzoom pinchzoom', () => void (fitted.current = false));
    const observer = new ResizeObserver(() => {
      cy.resize();
      if (fitted.current && cy.nodes().length) cy.fit(undefined, 30);
    });
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  const refreshNode = useCallback((id: string) => {
    const cy = cyRef.current;
    const n = state.current.nodes.get(id);
    if (!cy || !n) return;
    const more = moreOf(state.current, id);
    const el = cy.getElementById(id);
    el.data('label', nodeLabel(n, more));
    el.toggleClass('has-more', more > 0);
  }, []);

  /** Add nodes and edges not yet drawn; new nodes are placed around `anchor` when given. */
  const addElements = useCallback((nodes: GraphNode[], edges: GraphEdge[], anchor?: string) => {
    const cy = cyRef.current;
    if (!cy) return undefined;
    const s = state.current;
    const added: ElementDefinition[] = [];
    const anchorEl = anchor ? cy.getElementById(anchor) : cy.collection();
    const center = anchorEl.nonempty() ? { ...anchorEl.position() } : { x: 0, y: 0 };
    const fresh = nodes.filter((n) => n.id && !s.nodes.has(n.id));
    fresh.forEach((n, i) => {
      s.nodes.set(n.id, n);
      const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
      const radius = 80 + fresh.length * 4;
      added.push({ group: 'nodes', data: { id: n.id, label: n.caption }, classes: nodeClass(n), position: { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) } });
    });
    for (const e of edges) {
      if (!e.source || !e.target || s.edges.has(e.id)) continue;
      // An edge whose other end we do not have yet gets a placeholder node.
      for (const end of [e.source, e.target]) {
        if (!s.nodes.has(end)) {
          const placeholder: GraphNode = { id: end, caption: end, schema: 'LegalEntity', sanctioned: false };
          s.nodes.set(end, placeholder);
          added.push({ group: 'nodes', data: { id: end, label: end }, classes: nodeClass(placeholder), position: { x: center.x + Math.random() * 100, y: center.y + Math.random() * 100 } });
        }
      }
      s.edges.set(e.id, e);
      added.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, label: e.label === e.type ? typeLabel(e.type) : e.label }, classes: e.grade ? `grade-${e.grade}` : '' });
    }
    return cy.add(added);
  }, []);

  const runLayout = useCallback((name: string, fit = true) => {
    const cy = cyRef.current;
    if (!cy || cy.nodes().length === 0) return;
    cy.resize(); // the container may have changed size since cytoscape last looked
    if (fit) fitted.current = true;
    const large = cy.nodes().length > LARGE_GRAPH;
    // Force-directed layout costs O(n²) a step: past LARGE_GRAPH nodes a radial tree is drawn instead.
    const effective = large && name === 'cose' ? 'breadthfirst' : name;
    const options = { name: effective, animate: false, fit, padding: 30, nodeDimensionsIncludeLabels: !large } as LayoutOptions & Record<string, unknown>;
    if (effective === 'cose') Object.assign(options, { numIter: 1000, idealEdgeLength: () => 90, nodeRepulsion: () => 9000, randomize: true });
    if (effective === 'breadthfirst') Object.assign(options, { directed: false, circle: large, roots: cy.nodes('.start').length ? cy.nodes('.start') : undefined, spacingFactor: large ? 0.6 : 1.1 });
    if (name === 'concentric') Object.assign(options, { concentric: (n: cytoscape.NodeSingular) => (n.hasClass('start') ? 10 : n.degree(false)), levelWidth: () => 2 });
    cy.layout(options).run();
  }, []);

  const applyFilter = useCallback(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const s = state.current;
    cy.batch(() => {
      const visibleNodes = new Set<string>();
      cy.edges().forEach((el) => {
        const e = s.edges.get(el.id());
        const ok = !e || edgePasses(e, filter);
        el.toggleClass('filtered', !ok);
        if (ok) {
          visibleNodes.add(el.source().id());
          visibleNodes.add(el.target().id());
        }
      });
      const anyFilter = Boolean(filter.types?.length || filter.minGrade || filter.dateFrom || filter.dateTo);
      cy.nodes().forEach((n) => {
        n.toggleClass('filtered', anyFilter && !visibleNodes.has(n.id()) && !n.hasClass('start') && !n.hasClass('path'));
      });
    });
    // Large graphs: straight edges without labels (the selection panel still names each link).
    const large = cy.nodes().length > LARGE_GRAPH;
    cy.style().selector('edge').style({ 'curve-style': large ? 'haystack' : 'bezier', 'text-opacity': large ? 0 : 1 }).update();
    // And edges hidden while the view moves (the renderer reads this flag on every frame).
    (cy as unknown as { renderer(): { hideEdgesOnViewport: boolean } }).renderer().hideEdgesOnViewport = large;
  }, [filter]);

  useEffect(applyFilter, [applyFilter, version]);

  // Load the start entity's neighbourhood whenever the start changes.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements().remove();
    state.current = emptyState(() => cyRef.current);
    setSelected(null);
    setPaths(null);
    setCut(null);
    setTiming(null);
    setError(undefined);
    if (!startId) {
      setVersion((v) => v + 1);
      return;
    }
    const controller = new AbortController();
    setBusy('Loading the neighbourhood…');
    const started = performance.now();
    api.neighborhood(startId, hops, cap, {}, controller.signal).then(
      (sub) => {
        addElements(sub.nodes, sub.edges);
        const s = state.current;
        setCut(sub.cutNodes || sub.cutEdges ? { nodes: sub.cutNodes, edges: sub.cutEdges } : null);
        for (const id of s.nodes.keys()) refreshNode(id);
        cy.getElementById(startId).addClass('start');
        setPathFrom({ id: startId, caption: s.nodes.get(startId)?.caption ?? startId });
        runLayout(layout);
        setVersion((v) => v + 1);
        setBusy(null);
        setTiming(`${s.nodes.size} entities drawn in ${Math.round(performance.now() - started)} ms`);
      },
      (e: Error) => {
        if (controller.signal.aborted) return;
        setError(e);
        setBusy(null);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [startId, hops, cap]);

  const expand = useCallback(async (id: string) => {
    const s = state.current;
    setBusy(`Expanding ${s.nodes.get(id)?.caption ?? id}…`);
    setError(undefined);
    try {
      const offset = s.cursor.get(id) ?? 0;
      const page = await api.adjacent(id, { limit: EXPAND_CAP, offset, ...filter });
      addElements(page.nodes, page.edges, id);
      s.total.set(id, Math.max(page.total, s.drawn(id)));
      s.cursor.set(id, offset + page.edges.length);
      refreshNode(id);
      page.nodes.forEach((n) => refreshNode(n.id));
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  }, [addElements, refreshNode, filter]);

  // When a node is selected, learn how many neighbours it has, so "n more" can be offered.
  useEffect(() => {
    if (selected?.kind !== 'node') return;
    const id = selected.id;
    const s = state.current;
    if (s.total.has(id)) return;
    const controller = new AbortController();
    api.adjacent(id, { limit: 1, ...filter }, controller.signal).then(
      (page) => {
        s.total.set(id, Math.max(page.total, s.drawn(id)));
        refreshNode(id);
        setVersion((v) => v + 1);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [selected, filter, refreshNode]);

  const findPaths = async () => {
    if (!pathFrom || !pathTo) return;
    setBusy('Finding paths…');
    setError(undefined);
    try {
      const found = await api.paths(pathFrom.id, pathTo.id, { maxHops, k: 3, ...filter });
      setPaths(found);
      const cy = cyRef.current!;
      cy.elements().removeClass('path');
      let grew = false;
      for (const p of found) {
        const added = addElements(p.nodes, p.edges, pathFrom.id);
        if (added?.nonempty()) grew = true;

      }
      const first = found[0];
      if (first) {
        const ids = [...first.nodes.map((n) => n.id), ...first.edges.map((e) => e.id)];
        let els = cy.collection();
        for (const id of ids) els = els.union(cy.getElementById(id));
        els.addClass('path');
        if (grew) runLayout(layout);
        cy.fit(els, 60);
      }
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };

  const exportPng = async () => {
    const cy = cyRef.current;
    if (!cy) return;
    const blob = await cy.png({ output: 'blob-promise', bg: '#ffffff', full: true, scale: 2 });
    downloadBlob(`interdict-graph-${startId || 'graph'}.png`, blob);
  };
  const exportSvg = () => {
    const cy = cyRef.current;
    if (cy) download(`interdict-graph-${startId || 'graph'}.svg`, graphToSvg(cy), 'image/svg+xml');
  };

  const s = state.current;
  const types = useMemo(() => [...new Set([...s.edges.values()].map((e) => e.type))].sort(), [version]); // eslint-disable-line react-hooks/exhaustive-deps
  const nodeRows = useMemo(() => [...s.nodes.values()], [version]); // eslint-disable-line react-hooks/exhaustive-deps

  const selectNode = (id: string) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements().unselect();
    const el = cy.getElementById(id);
    el.select();
    cy.animate({ center: { eles: el }, duration: 200 });
    setSelected({ kind: 'node', id });
  };

  const nodeColumns: Column<GraphNode>[] = [
    { key: 'caption', header: 'Entity', sortValue: (n) => n.caption, render: (n) => <button type="button" className="linkish" onClick={() => selectNode(n.id)}>{n.caption}</button>, className: 'wide' },
    { key: 'schema', header: 'Type', sortValue: (n) => n.schema, render: (n) => <SchemaTag schema={n.schema} />, className: 'narrow' },
    { key: 'sanctioned', header: 'Listed', sortValue: (n) => (n.sanctioned ? 0 : 1), render: (n) => (n.sanctioned ? <SanctionedBadge /> : null), className: 'narrow' },
    {
      key: 'more', header: 'Neighbours', sortValue: (n) => -moreOf(s, n.id),
      render: (n) => {
        const more = moreOf(s, n.id);
        return <button type="button" onClick={() => expand(n.id)} disabled={Boolean(busy)} aria-label={`Expand ${n.caption}`}>{more > 0 ? `+${more} more` : 'Expand'}</button>;
      },
      className: 'narrow',
    },
  ];

  return (
    <div className="page graph-page">
      <h1>Graph explorer</h1>
      <div className="graph-controls">
        <EntityPicker label="Start from" value={startId ? { id: startId, caption: s.nodes.get(startId)?.caption ?? startId } : null} onPick={(p) => navigate(href('graph', { id: p.id }))} />
        <label>
          Hops
          <select value={hops} onChange={(e) => setHops(Number(e.target.value))}>
            {[1, 2, 3].map((h) => <option key={h} value={h}>{h}</option>)}
          </select>
        </label>
        <label>
          Max entities
          <select value={cap} onChange={(e) => setCap(Number(e.target.value))}>
            {[50, 150, 500, 1000, 2000].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label>
          Layout
          <select value={layout} onChange={(e) => { setLayout(e.target.value); runLayout(e.target.value); }}>
            {LAYOUTS.map((l) => <option key={l.name} value={l.name}>{l.label}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => runLayout(layout)}>Re-layout</button>
        <button type="button" onClick={() => cyRef.current?.fit(undefined, 30)}>Fit</button>
        <button type="button" onClick={exportPng} disabled={!nodeRows.length}>Export PNG</button>
        <button type="button" onClick={exportSvg} disabled={!nodeRows.length}>Export SVG</button>
      </div>

      <fieldset className="graph-filters">
        <legend>Filters</legend>
        <div className="type-filters" role="group" aria-label="Relationship types">
          {types.length === 0 && <span className="muted small">Relationship types appear once the graph has edges.</span>}
          {types.map((t) => (
            <label key={t} className="check">
              <input
                type="checkbox"
                checked={!filter.types?.length || filter.types.includes(t)}
                onChange={(e) => {
                  const current = filter.types?.length ? filter.types : types;
                  const next = e.target.checked ? [...current, t] : current.filter((x) => x !== t);
                  setFilter({ ...filter, types: next.length === types.length ? undefined : next });
                }}
              />
              {typeLabel(t)}
            </label>
          ))}
        </div>
        <label>
          From date
          <input type="date" value={filter.dateFrom ?? ''} onChange={(e) => setFilter({ ...filter, dateFrom: e.target.value || undefined })} />
        </label>
        <label>
          To date
          <input type="date" value={filter.dateTo ?? ''} onChange={(e) => setFilter({ ...filter, dateTo: e.target.value || undefined })} />
        </label>
        <label>
          Minimum evidence
          <select value={filter.minGrade ?? ''} onChange={(e) => setFilter({ ...filter, minGrade: (e.target.value || undefined) as Grade | undefined })}>
            <option value="">any grade</option>
            {GRADES.map((g) => <option key={g} value={g}>{g} or stronger</option>)}
          </select>
        </label>
      </fieldset>

      {busy && <div className="message loading" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" /> {busy}</div>}
      <ErrorMessage error={error} what="the graph" />
      {cut && (
        <p className="message" role="status">
          The view is capped at {cap} entities: {cut.nodes} more {cut.nodes === 1 ? 'entity' : 'entities'} and {cut.edges} {cut.edges === 1 ? 'relationship' : 'relationships'} were left out. Expand a node to see its neighbours.
        </p>
      )}
      {!startId && <p className="hint">Choose an entity to start from, or open one from its profile.</p>}

      <div className="graph-layout">
        <div className="graph-canvas-wrap">
          <div ref={container} className="graph-canvas" role="img" aria-label={`Network graph with ${nodeRows.length} entities. The list beside it offers the same entities to keyboard users.`} />
          <Legend />
          {timing && <p className="small muted graph-timing" data-testid="graph-timing">{timing}</p>}
        </div>
        <aside className="graph-side" aria-label="Details">
          <SelectionPanel selected={selected} state={s} onExpand={expand} busy={Boolean(busy)} onPathFrom={setPathFrom} onPathTo={setPathTo} version={version} />
          <Section title="Shortest path" id="paths">
            <EntityPicker label="Path from" value={pathFrom} onPick={setPathFrom} />
            <EntityPicker label="Path to" value={pathTo} onPick={setPathTo} />
            <div className="inline-form">
              <label>
                Max hops
                <select value={maxHops} onChange={(e) => setMaxHops(Number(e.target.value))}>
                  {[2, 3, 4, 5, 6, 8].map((h) => <option key={h} value={h}>{h}</option>)}
                </select>
              </label>
              <button type="button" onClick={findPaths} disabled={!pathFrom || !pathTo || Boolean(busy)}>Find paths</button>
            </div>
            {paths && <PathList paths={paths} />}
          </Section>
        </aside>
      </div>
      <Section title={`Entities in view (${nodeRows.length})`} id="graph-nodes">
        <VirtualTable rows={nodeRows} columns={nodeColumns} rowKey={(n) => n.id} label="Entities in the graph" height={320} rowHeight={40} empty="No entity loaded yet." />
      </Section>
    </div>
  );
}

function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      <li><span className="swatch person" />Person</li>
      <li><span className="swatch org" />Organisation</li>
      <li><span className="swatch vessel" />Vessel</li>
      <li><span className="swatch sanctioned" />Sanctioned</li>
      <li><span className="line official" />official</li>
      <li><span className="line corroborated" />corroborated</li>
      <li><span className="line reported" />reported</li>
      <li><span className="line alleged" />alleged</li>
      <li><span className="line denied" />disputed/denied</li>
    </ul>
  );
}

function ProvenanceShort({ items }: { items: Provenance[] }) {
  if (!items.length) return null;
  return (
    <ul className="provenance">
      {items.map((p, i) => (
        <li key={i}>
          <GradeBadge grade={p.grade} /> {p.sourceDocument ? <SourceLink source={p.sourceDocument} locator={p.locator} /> : `${p.dataset}${p.version ? ` @ ${p.version}` : ''}`}
          {p.locator && <span className="locator"> · {p.locator}</span>}
          {p.claimDate && <span className="muted"> · {formatDate(p.claimDate)}</span>}
        </li>
      ))}
    </ul>
  );
}

function SelectionPanel({ selected, state, onExpand, busy, onPathFrom, onPathTo }: {
  selected: { kind: 'node' | 'edge'; id: string } | null; state: GraphState; onExpand: (id: string) => void; busy: boolean;
  onPathFrom: (p: Picked) => void; onPathTo: (p: Picked) => void; version: number;
}) {
  if (!selected) return <Section title="Selection" id="selection"><p className="muted small">Select a node or an edge in the graph, or an entity in the list below.</p></Section>;
  if (selected.kind === 'node') {
    const n = state.nodes.get(selected.id);
    if (!n) return null;
    const more = moreOf(state, n.id);
    return (
      <Section title="Selection" id="selection">
        <h3><EntityLink id={n.id} caption={n.caption} /></h3>
        <div><SchemaTag schema={n.schema} /> {n.sanctioned && <SanctionedBadge />}</div>
        <div className="actions">
          <button type="button" onClick={() => onExpand(n.id)} disabled={busy}>{more > 0 ? `Expand (+${more} more)` : 'Expand'}</button>
          <button type="button" className="secondary" onClick={() => onPathFrom({ id: n.id, caption: n.caption })}>Path from here</button>
          <button type="button" className="secondary" onClick={() => onPathTo({ id: n.id, caption: n.caption })}>Path to here</button>
          <a className="button secondary" href={href('graph', { id: n.id })}>Re-centre</a>
        </div>
      </Section>
    );
  }
  const e = state.edges.get(selected.id);
  if (!e) return null;
  return (
    <Section title="Selection" id="selection">
      <h3>{typeLabel(e.type)} <GradeBadge grade={e.grade} /></h3>
      <p>
        <EntityLink id={e.source} caption={state.nodes.get(e.source)?.caption} /> → <EntityLink id={e.target} caption={state.nodes.get(e.target)?.caption} />
      </p>
      {e.label !== e.type && <p className="small">{e.label}</p>}
      {(e.startDate || e.endDate) && <p className="small">{formatDate(e.startDate)} – {formatDate(e.endDate)}</p>}
      <ProvenanceShort items={e.provenance} />
    </Section>
  );
}

function PathList({ paths }: { paths: GraphPath[] }) {
  if (!paths.length) return <p className="message" role="status">No path within the hop limit and filters.</p>;
  return (
    <ol className="paths" aria-label="Paths found">
      {paths.map((p, i) => {
        const byId = new Map(p.nodes.map((n) => [n.id, n]));
        return (
          <li key={i} className="path">
            <div className="small muted">{p.edges.length} {p.edges.length === 1 ? 'hop' : 'hops'}</div>
            <ol className="path-steps">
              {p.nodes.map((n, j) => {
                const edge = p.edges[j];
                return (
                  <li key={n.id + j}>
                    <EntityLink id={n.id} caption={n.caption} /> {n.sanctioned && <SanctionedBadge />}
                    {edge && (
                      <div className="path-edge">
                        <span aria-hidden="true">↓</span> {typeLabel(edge.type)}{edge.label !== edge.type ? ` (${edge.label})` : ''}{' '}
                        {edge.source !== n.id && byId.has(edge.source) ? '(reverse)' : ''} {edge.provenance.length === 0 && <GradeBadge grade={edge.grade} />}
                        <ProvenanceShort items={edge.provenance} />
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
          </li>
        );
      })}
    </ol>
  );
}
