// Subgraph export for Gephi (GEXF 1.3), yEd and others (GraphML), and FtM JSON lines (Aleph,
// OpenSanctions tools). Every edge carries its type, grade and primary source as attributes.
import { assembleEntity } from '../model/entity.ts';
import { strongestGrade } from '../model/grades.ts';
import { visibleDatasets, visibleStatements, type Sees } from '../model/visibility.ts';
import type { EntityReader } from '../store/types.ts';
import type { Graph } from './graph.ts';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'ftm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

function xml(text: string | number | boolean | null | undefined): string {
  return String(text ?? '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const NODE_ATTRS = ['schema', 'datasets', 'sanctioned', 'sanctionedBy'] as const;
const EDGE_ATTRS = ['type', 'role', 'evidenceGrade', 'dataset', 'sourceDocument', 'locator', 'startDate', 'endDate', 'percentage'] as const;

function nodeAttrs(g: Graph, n: number, sees: Sees): Record<(typeof NODE_ATTRS)[number], string> {
  const node = g.node(n);
  return { schema: node.schema, datasets: visibleDatasets(sees, node.datasets).join(';'), sanctioned: String(node.sanctioned), sanctionedBy: node.sanctionedBy.join(';') };
}

function edgeAttrs(g: Graph, e: number, sees: Sees): Record<(typeof EDGE_ATTRS)[number], string> {
  const whole = g.edge(e);
  const edge = { ...whole, provenance: sees ? whole.provenance.filter((x) => sees(x.dataset)) : whole.provenance };
  const p = edge.provenance[0] ?? whole.provenance[0];
  return {
    type: edge.type,
    role: edge.role ?? '',
    evidenceGrade: strongestGrade(edge.provenance) ?? edge.evidenceGrade,
    dataset: edge.provenance.map((x) => x.dataset).join(';'),
    sourceDocument: edge.provenance.map((x) => x.sourceDocument ?? '').filter(Boolean).join(';'),
    locator: p.locator ?? '',
    startDate: edge.startDate ?? '',
    endDate: edge.endDate ?? '',
    percentage: edge.percentage === null ? '' : String(edge.percentage),
  };
}

/**
 * `sees`: the datasets the reader may see (the caller left out hidden nodes and edges; this hides their names);
 * `captions`: nodes' captions from their visible statements where hidden claims would name them otherwise.
 */
export function toGexf(g: Graph, nodes: number[], edges: number[], sees: Sees = null, captions?: ReadonlyMap<number, string>): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta lastmodifieddate="${new Date().toISOString().slice(0, 10)}"><creator>Interdict</creator></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    ...NODE_ATTRS.map((a, i) => `      <attribute id="n${i}" title="${a}" type="string"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_ATTRS.map((a, i) => `      <attribute id="e${i}" title="${a}" type="string"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of nodes) {
    const attrs = nodeAttrs(g, n, sees);
    out.push(`      <node id="${xml(g.nodeIds[n])}" label="${xml(captions?.get(n) ?? g.nodeCaption[n])}"><attvalues>`);
    NODE_ATTRS.forEach((a, i) => out.push(`        <attvalue for="n${i}" value="${xml(attrs[a])}"/>`));
    out.push('      </attvalues></node>');
  }
  out.push('    </nodes>', '    <edges>');
  for (const e of edges) {
    const attrs = edgeAttrs(g, e, sees);
    const t = g.types[g.edgeType[e]];
    out.push(
      `      <edge id="${xml(g.edgeIds[e])}" source="${xml(g.nodeIds[g.edgeSrc[e]])}" target="${xml(g.nodeIds[g.edgeDst[e]])}" type="${t.directed ? 'directed' : 'undirected'}" label="${xml(t.label)}"><attvalues>`,
    );
    EDGE_ATTRS.forEach((a, i) => out.push(`        <attvalue for="e${i}" value="${xml(attrs[a])}"/>`));
    out.push('      </attvalues></edge>');
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

export function toGraphml(g: Graph, nodes: number[], edges: number[], sees: Sees = null, captions?: ReadonlyMap<number, string>): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="all" attr.name="label" attr.type="string"/>',
    ...NODE_ATTRS.map((a) => `  <key id="n_${a}" for="node" attr.name="${a}" attr.type="string"/>`),
    ...EDGE_ATTRS.map((a) => `  <key id="e_${a}" for="edge" attr.name="${a}" attr.type="string"/>`),
    '  <graph id="interdict" edgedefault="directed">',
  ];
  for (const n of nodes) {
    const attrs = nodeAttrs(g, n, sees);
    out.push(`    <node id="${xml(g.nodeIds[n])}">`, `      <data key="label">${xml(captions?.get(n) ?? g.nodeCaption[n])}</data>`);
    for (const a of NODE_ATTRS) out.push(`      <data key="n_${a}">${xml(attrs[a])}</data>`);
    out.push('    </node>');
  }
  for (const e of edges) {
    const attrs = edgeAttrs(g, e, sees);
    const t = g.types[g.edgeType[e]];
    out.push(
      `    <edge id="${xml(g.edgeIds[e])}" source="${xml(g.nodeIds[g.edgeSrc[e]])}" target="${xml(g.nodeIds[g.edgeDst[e]])}" directed="${t.directed}">`,
      `      <data key="label">${xml(t.label)}</data>`,
    );
    for (const a of EDGE_ATTRS) out.push(`      <data key="e_${a}">${xml(attrs[a])}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** FtM JSON lines: the node entities, then the relationship entities joining them. */
export async function toFtmLines(reader: Pick<EntityReader, 'getEntity' | 'getStatements'>, g: Graph, nodes: number[], edges: number[], sees: Sees = null): Promise<string> {
  const lines: string[] = [];
  const done = new Set<string>();
  const ids = [...nodes.map((n) => g.nodeIds[n]), ...edges.map((e) => g.edgeIds[e].split('#')[0])];
  for (const id of ids) {
    if (done.has(id)) continue;
    done.add(id);
    const entity = sees === null ? await reader.getEntity(id) : assembleEntity(visibleStatements(sees, await reader.getStatements(id)));
    if (entity) lines.push(JSON.stringify(entity));
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}
