// The entities in view as a table: the keyboard's way into the graph, with "n more" to expand.
import type { GraphNode } from '../../api/graph.ts';
import { moreOf, type DrawnGraph } from '../../graph/model.ts';
import { SanctionedBadge, SchemaTag, Section } from '../common.tsx';
import { VirtualTable, type Column } from '../VirtualTable.tsx';

export function NodeTable({ graph, busy, onSelect, onExpand }: { graph: DrawnGraph; busy: boolean; onSelect(id: string): void; onExpand(id: string): void }) {
  const rows = [...graph.nodes.values()];
  const columns: Column<GraphNode>[] = [
    { key: 'caption', header: 'Entity', sortValue: (n) => n.caption, render: (n) => <button type="button" className="linkish" onClick={() => onSelect(n.id)}>{n.caption}</button>, className: 'wide' },
    { key: 'schema', header: 'Type', sortValue: (n) => n.schema, render: (n) => <SchemaTag schema={n.schema} />, className: 'narrow' },
    { key: 'sanctioned', header: 'Listed', sortValue: (n) => (n.sanctioned ? 0 : 1), render: (n) => (n.sanctioned ? <SanctionedBadge /> : null), className: 'narrow' },
    {
      key: 'more', header: 'Neighbours', sortValue: (n) => -moreOf(graph, n.id),
      render: (n) => {
        const more = moreOf(graph, n.id);
        return <button type="button" onClick={() => onExpand(n.id)} disabled={busy} aria-label={`Expand ${n.caption}`}>{more > 0 ? `+${more} more` : 'Expand'}</button>;
      },
      className: 'narrow',
    },
  ];
  return (
    <Section title={`Entities in view (${rows.length})`} id="graph-nodes">
      <VirtualTable rows={rows} columns={columns} rowKey={(n) => n.id} label="Entities in the graph" height={320} rowHeight={40} empty="No entity loaded yet." />
    </Section>
  );
}
