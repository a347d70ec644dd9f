// How the explorer draws: node classes by kind and designation, edges by evidence grade.
import type cytoscape from 'cytoscape';
import type { GraphNode } from '../api/graph.ts';
import { isA } from '../lib/ftm.ts';

/** Past this many nodes the drawing takes cheaper paths (no labels while moving, straight edges). */
export const LARGE_GRAPH = 600;

export const LAYOUTS: { name: string; label: string }[] = [
  { name: 'cose', label: 'Force-directed' },
  { name: 'breadthfirst', label: 'Tree' },
  { name: 'concentric', label: 'Concentric' },
  { name: 'circle', label: 'Circle' },
  { name: 'grid', label: 'Grid' },
];

export function nodeClass(n: GraphNode): string {
  const kind = isA(n.schema, 'Person') ? 'person' : isA(n.schema, 'Vessel') ? 'vessel' : isA(n.schema, 'Airplane') ? 'airplane' : isA(n.schema, 'Organization') || isA(n.schema, 'LegalEntity') ? 'org' : 'other';
  return `${kind}${n.sanctioned ? ' sanctioned' : ''}`;
}

export function nodeLabel(n: GraphNode, more: number): string {
  return more > 0 ? `${n.caption}\n+${more} more` : n.caption;
}

export const STYLE: cytoscape.StylesheetJson = [
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
];
