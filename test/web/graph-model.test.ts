// The explorer's graph state (web/src/graph/model.ts): what "n more" offers, placeholders for ends
// an answer names without describing, and what a new start or filter keeps. Before issue 11 this
// lived in a ref read through cytoscape and a re-render counter.
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../web/src/api/graph.ts';
import { emptyGraph, graphReducer, moreOf, placeholder } from '../../web/src/graph/model.ts';

const node = (id: string, caption = id.toUpperCase()): GraphNode => ({ ...placeholder(id), caption, schema: 'Company', known: true });
const edge = (id: string, source: string, target: string, type = 'Ownership'): GraphEdge => ({
  id, kind: 'relationship', type, label: 'owns', source, target, directed: true, role: null, percentage: null,
  startDate: null, endDate: null, evidenceGrade: 'official', provenance: [],
});

describe('the explorer graph state', () => {
  it('counts links drawn per node, so "n more" is what the server has beyond them', () => {
    let g = graphReducer(emptyGraph('a'), { type: 'merge', nodes: [node('a'), node('b')], edges: [edge('e1', 'a', 'b'), edge('e2', 'a', 'c')], change: { kind: 'loaded' } });
    expect(g.nodes.get('c')).toMatchObject({ caption: 'c', known: false }); // an end the answer did not describe
    g = graphReducer(g, { type: 'paged', id: 'a', total: 5 });
    expect(moreOf(g, 'a')).toBe(3);
    // the same link again changes nothing; a described node replaces its placeholder
    g = graphReducer(g, { type: 'merge', nodes: [node('c')], edges: [edge('e2', 'a', 'c'), edge('e3', 'a', 'd', 'Directorship')], change: { kind: 'expanded', anchor: 'a' } });
    expect(moreOf(g, 'a')).toBe(2);
    expect(g.nodes.get('c')?.caption).toBe('C');
    expect(g.types).toEqual(['Directorship', 'Ownership']);
    // a total below what is drawn (a filter changed on the server) never gives a negative "more"
    expect(moreOf(graphReducer(g, { type: 'paged', id: 'a', total: 1 }), 'a')).toBe(0);
  });

  it('a new filter keeps the types offered; a new start forgets them', () => {
    const g = graphReducer(emptyGraph('a'), { type: 'merge', nodes: [], edges: [edge('e1', 'a', 'b')], change: { kind: 'loaded' } });
    const refiltered = graphReducer(g, { type: 'reset', start: 'a' });
    expect(refiltered.nodes.size).toBe(0);
    expect(refiltered.types).toEqual(['Ownership']);
    expect(graphReducer(g, { type: 'reset', start: 'z' }).types).toEqual([]);
  });
});
