// The selected node (expand it, start a path from or to it, re-centre) or link (its ends, dates and claims).
import { edgeLabel } from '../../api/graph.ts';
import { href } from '../../router.ts';
import { formatDate } from '../../lib/format.ts';
import { linkTypeLabel } from '../../lib/ftm.ts';
import { moreOf, type DrawnGraph } from '../../graph/model.ts';
import type { Selection } from '../../graph/useCytoscape.ts';
import { EntityLink, GradeBadge, SanctionedBadge, SchemaTag, Section } from '../common.tsx';
import type { Picked } from '../EntityPicker.tsx';
import { EdgeProvenance } from './EdgeProvenance.tsx';

export function SelectionPanel({ selected, graph, busy, onExpand, onPathFrom, onPathTo }: {
  selected: Selection; graph: DrawnGraph; busy: boolean;
  onExpand(id: string): void; onPathFrom(p: Picked): void; onPathTo(p: Picked): void;
}) {
  if (!selected) return <Section title="Selection" id="selection"><p className="muted small">Select a node or an edge in the graph, or an entity in the list below.</p></Section>;
  if (selected.kind === 'node') {
    const n = graph.nodes.get(selected.id);
    if (!n) return null;
    const more = moreOf(graph, n.id);
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
  const e = graph.edges.get(selected.id);
  if (!e) return null;
  const label = edgeLabel(e);
  return (
    <Section title="Selection" id="selection">
      <h3>{linkTypeLabel(e.type)} <GradeBadge grade={e.evidenceGrade} /></h3>
      <p>
        <EntityLink id={e.source} caption={graph.nodes.get(e.source)?.caption} /> → <EntityLink id={e.target} caption={graph.nodes.get(e.target)?.caption} />
      </p>
      {label !== e.type && <p className="small">{label}</p>}
      {(e.startDate || e.endDate) && <p className="small">{formatDate(e.startDate)} – {formatDate(e.endDate)}</p>}
      <EdgeProvenance items={e.provenance} />
    </Section>
  );
}
