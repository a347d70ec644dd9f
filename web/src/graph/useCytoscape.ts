// The explorer's drawing: creates cytoscape once, draws whatever the graph state holds (adding what
// is new, removing what went), lays it out when a load or a path asks for it, keeps a view the user
// has not moved fitted as the area changes size, and reports taps.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape';
import { edgeLabel } from '../api/graph.ts';
import { linkTypeLabel } from '../lib/ftm.ts';
import { moreOf, type Change, type DrawnGraph } from './model.ts';
import { LARGE_GRAPH, nodeClass, nodeLabel, STYLE } from './style.ts';

export type Selection = { kind: 'node' | 'edge'; id: string } | null;

export interface GraphView {
  /** The cytoscape instance, once created (exports read it). */
  cy(): Core | null;
  layout(name: string): void;
  fit(): void;
  /** Select a node and bring it to the centre. */
  focus(id: string): void;
}

export function useCytoscape(container: RefObject<HTMLDivElement | null>, graph: DrawnGraph, options: { layout: string; onSelect(s: Selection): void }): GraphView {
  const cyRef = useRef<Core | null>(null);
  /** The view shows the whole graph as laid out (no pan or zoom by the user since). */
  const fitted = useRef(false);
  const handled = useRef<Change | null>(null);
  const onSelect = useRef(options.onSelect);
  useEffect(() => {
    onSelect.current = options.onSelect;
  });

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
    cy.on('tap', 'node', (e) => onSelect.current({ kind: 'node', id: e.target.id() }));
    cy.on('tap', 'edge', (e) => onSelect.current({ kind: 'edge', id: e.target.id() }));
    cy.on('tap', (e) => void (e.target === cy && onSelect.current(null)));
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
  }, [container]);

  const layout = useCallback((name: string, fit = true) => {
    const cy = cyRef.current;
    if (!cy || cy.nodes().length === 0) return;
    cy.resize(); // the container may have changed size since cytoscape last looked
    if (fit) fitted.current = true;
    const large = cy.nodes().length > LARGE_GRAPH;
    // Force-directed layout costs O(n²) a step: past LARGE_GRAPH nodes a radial tree is drawn instead.
    const effective = large && name === 'cose' ? 'breadthfirst' : name;
    const opts = { name: effective, animate: false, fit, padding: 30, nodeDimensionsIncludeLabels: !large } as LayoutOptions & Record<string, unknown>;
    if (effective === 'cose') Object.assign(opts, { numIter: 1000, idealEdgeLength: () => 90, nodeRepulsion: () => 9000, randomize: true });
    if (effective === 'breadthfirst') Object.assign(opts, { directed: false, circle: large, roots: cy.nodes('.start').length ? cy.nodes('.start') : undefined, spacingFactor: large ? 0.6 : 1.1 });
    if (name === 'concentric') Object.assign(opts, { concentric: (n: cytoscape.NodeSingular) => (n.hasClass('start') ? 10 : n.degree(false)), levelWidth: () => 2 });
    cy.layout(opts).run();
  }, []);

  // Draw the state: remove what it no longer holds, add what is new, refresh labels, then do what the change asks.
  const layoutName = options.layout;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const change = graph.change;
    const fresh = change !== handled.current;
    handled.current = change;
    let grew = false;
    cy.batch(() => {
      cy.elements().filter((el) => (el.isNode() ? !graph.nodes.has(el.id()) : !graph.edges.has(el.id()))).remove();
      const anchor = change.kind === 'expanded' || change.kind === 'paths' ? cy.getElementById(change.anchor) : cy.collection();
      const centre = anchor.nonempty() ? { ...anchor.position() } : { x: 0, y: 0 };
      const added: ElementDefinition[] = [];
      const newNodes = [...graph.nodes.values()].filter((n) => cy.getElementById(n.id).empty());
      newNodes.forEach((n, i) => {
        const angle = (2 * Math.PI * i) / Math.max(newNodes.length, 1);
        const radius = 80 + newNodes.length * 4;
        added.push({ group: 'nodes', data: { id: n.id, label: n.caption }, classes: nodeClass(n), position: { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) } });
      });
      for (const e of graph.edges.values()) {
        if (cy.getElementById(e.id).nonempty()) continue;
        const label = edgeLabel(e);
        added.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, label: label === e.type ? linkTypeLabel(e.type) : label }, classes: `grade-${e.evidenceGrade}` });
      }
      cy.add(added);
      grew = added.length > 0;
      for (const n of graph.nodes.values()) {
        const el = cy.getElementById(n.id);
        const more = moreOf(graph, n.id);
        const label = nodeLabel(n, more);
        if (el.data('label') !== label) el.data('label', label);
        el.classes(`${nodeClass(n)}${n.id === graph.start ? ' start' : ''}${more > 0 ? ' has-more' : ''}${el.hasClass('path') ? ' path' : ''}`);
      }
    });
    if (!fresh) return;
    // Large graphs: straight edges without labels (the selection panel still names each link).
    const large = cy.nodes().length > LARGE_GRAPH;
    cy.style().selector('edge').style({ 'curve-style': large ? 'haystack' : 'bezier', 'text-opacity': large ? 0 : 1 }).update();
    // And edges hidden while the view moves (the renderer reads this flag on every frame).
    (cy as unknown as { renderer(): { hideEdgesOnViewport: boolean } }).renderer().hideEdgesOnViewport = large;
    if (change.kind === 'loaded') layout(layoutName);
    if (change.kind === 'paths') {
      cy.elements().removeClass('path');
      let els = cy.collection();
      for (const id of change.highlight) els = els.union(cy.getElementById(id));
      els.addClass('path');
      if (grew) layout(layoutName);
      if (els.nonempty()) cy.fit(els, 60);
    }
  }, [graph, layout, layoutName]);

  return {
    cy: () => cyRef.current,
    layout,
    fit: () => cyRef.current?.fit(undefined, 30),
    focus: (id: string) => {
      const cy = cyRef.current;
      if (!cy) return;
      cy.elements().unselect();
      const el = cy.getElementById(id);
      el.select();
      cy.animate({ center: { eles: el }, duration: 200 });
    },
  };
}
