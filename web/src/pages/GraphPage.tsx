// Graph explorer: start from an entity, expand neighbours (capped, with "n more"), find paths
// between two entities, filter by relationship type, dates and evidence grade (the server filters),
// export PNG and SVG. Loaded on demand: cytoscape is only in this page's chunk.
import { useReducer, useRef, useState } from 'react';
import type { GraphFilter, PathsResult } from '../api/graph.ts';
import type { Route } from '../router.ts';
import { ErrorMessage } from '../components/common.tsx';
import type { Picked } from '../components/EntityPicker.tsx';
import { GraphFilters } from '../components/graph/GraphFilters.tsx';
import { GraphToolbar } from '../components/graph/GraphToolbar.tsx';
import { Legend } from '../components/graph/Legend.tsx';
import { NodeTable } from '../components/graph/NodeTable.tsx';
import { PathsPanel } from '../components/graph/PathsPanel.tsx';
import { SelectionPanel } from '../components/graph/SelectionPanel.tsx';
import { emptyGraph, graphReducer } from '../graph/model.ts';
import { useCytoscape, type Selection } from '../graph/useCytoscape.ts';
import { useExpansion, useLinkCount } from '../hooks/useAdjacent.ts';
import { useNeighbourhood } from '../hooks/useNeighbourhood.ts';
import { graphToSvg } from '../lib/svgExport.ts';
import { download, downloadBlob } from '../lib/format.ts';

const START_LIMIT = 150;

export default function GraphPage({ route }: { route: Route }) {
  const startId = route.params.get('id') || null;
  const [hops, setHops] = useState(1);
  const [cap, setCap] = useState(START_LIMIT);
  const [layout, setLayout] = useState('cose');
  const [filter, setFilter] = useState<GraphFilter>({});
  const [selected, setSelected] = useState<Selection>(null);
  const [ends, setEnds] = useState<{ from: Picked | null; to: Picked | null }>({ from: null, to: null });
  const [graph, dispatch] = useReducer(graphReducer, startId, emptyGraph);
  const container = useRef<HTMLDivElement>(null);
  const view = useCytoscape(container, graph, { layout, onSelect: setSelected });

  // A new start, depth, cap or filter: the server answers a new neighbourhood, drawn afresh.
  const start = useNeighbourhood(startId, { hops, limit: cap, filter });
  // Adjusted while rendering (React's pattern for state that follows inputs), not in effects.
  const [shown, setShown] = useState({ startId, hops, cap, filter, data: start.data });
  if (shown.startId !== startId || shown.hops !== hops || shown.cap !== cap || shown.filter !== filter) {
    setShown({ startId, hops, cap, filter, data: start.data });
    dispatch({ type: 'reset', start: startId });
    setSelected(null);
  } else if (start.data && start.data !== shown.data) {
    setShown({ ...shown, data: start.data });
    const { centre, nodes, edges } = start.data.answer;
    dispatch({ type: 'merge', nodes: [centre, ...nodes], edges, change: { kind: 'loaded' } });
    setEnds((e) => ({ ...e, from: { id: centre.id, caption: centre.caption } }));
  }

  const expansion = useExpansion(graph, filter, dispatch);
  useLinkCount(selected?.kind === 'node' && !graph.total.has(selected.id) ? selected.id : null, filter, dispatch);

  const showPaths = (found: PathsResult) => {
    const first = found.paths[0];
    dispatch({
      type: 'merge',
      nodes: found.paths.flatMap((p) => p.nodeDetails),
      edges: found.paths.flatMap((p) => p.edges),
      change: { kind: 'paths', anchor: found.from.id, highlight: first ? [...first.nodes, ...first.edges.map((e) => e.id)] : [] },
    });
  };
  const exportPng = async () => {
    const blob = await view.cy()?.png({ output: 'blob-promise', bg: '#ffffff', full: true, scale: 2 });
    if (blob) downloadBlob(`interdict-graph-${startId ?? 'graph'}.png`, blob);
  };
  const exportSvg = () => {
    const cy = view.cy();
    if (cy) download(`interdict-graph-${startId ?? 'graph'}.svg`, graphToSvg(cy), 'image/svg+xml');
  };
  const cut = start.data?.answer.cut;
  const busy = start.loading ? 'Loading the neighbourhood…' : expansion.busy;

  return (
    <div className="page graph-page">
      <h1>Graph explorer</h1>
      <GraphToolbar
        start={startId ? { id: startId, caption: graph.nodes.get(startId)?.caption ?? startId } : null}
        hops={hops} cap={cap} layout={layout} canExport={graph.nodes.size > 0}
        onHops={setHops} onCap={setCap} onLayout={(name) => { setLayout(name); view.layout(name); }} onFit={view.fit}
        onExportPng={exportPng} onExportSvg={exportSvg}
      />
      <GraphFilters filter={filter} types={graph.types} onChange={setFilter} />

      {busy && <div className="message loading" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" /> {busy}</div>}
      <ErrorMessage error={start.error ?? expansion.error} what="the graph" />
      {cut && (cut.nodes > 0 || cut.edges > 0) && (
        <p className="message" role="status">
          The view is capped at {cap} entities: {cut.nodes} more {cut.nodes === 1 ? 'entity' : 'entities'} and {cut.edges} {cut.edges === 1 ? 'relationship' : 'relationships'} were left out. Expand a node to see its neighbours.
        </p>
      )}
      {!startId && <p className="hint">Choose an entity to start from, or open one from its profile.</p>}

      <div className="graph-layout">
        <div className="graph-canvas-wrap">
          <div ref={container} className="graph-canvas" role="img" aria-label={`Network graph with ${graph.nodes.size} entities. The list beside it offers the same entities to keyboard users.`} />
          <Legend />
          {start.data && <p className="small muted graph-timing" data-testid="graph-timing">{start.data.answer.nodes.length} entities, answered in {start.data.ms} ms</p>}
        </div>
        <aside className="graph-side" aria-label="Details">
          <SelectionPanel
            selected={selected} graph={graph} busy={Boolean(busy)} onExpand={expansion.expand}
            onPathFrom={(from) => setEnds((e) => ({ ...e, from }))} onPathTo={(to) => setEnds((e) => ({ ...e, to }))}
          />
          <PathsPanel from={ends.from} to={ends.to} filter={filter} onFrom={(from) => setEnds((e) => ({ ...e, from }))} onTo={(to) => setEnds((e) => ({ ...e, to }))} onFound={showPaths} />
        </aside>
      </div>
      <NodeTable graph={graph} busy={Boolean(busy)} onSelect={(id) => { view.focus(id); setSelected({ kind: 'node', id }); }} onExpand={expansion.expand} />
    </div>
  );
}
