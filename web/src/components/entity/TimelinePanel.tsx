// Dated events: birth, incorporation, designations, links beginning and ending, first appearance on each list.
import { useMemo } from 'react';
import type { GraphEdge, GraphNode } from '../../api.ts';
import type { EntityProfile } from '../../api/entities.ts';
import { Section } from '../common.tsx';
import { linkTypeLabel } from '../../lib/ftm.ts';
import { formatDate } from '../../lib/format.ts';
import { sanctionsOf } from './SanctionsPanel.tsx';

interface TimelineEvent { date: string; label: string; detail?: string }

const DATE_PROPS: Record<string, string> = {
  birthDate: 'Born', deathDate: 'Died', incorporationDate: 'Incorporated', dissolutionDate: 'Dissolved',
  buildDate: 'Built', registrationDate: 'Registered', modifiedAt: 'Record modified', createdAt: 'Record created',
};

export function TimelinePanel({ entity, edges, nodes }: { entity: EntityProfile; edges: GraphEdge[]; nodes: GraphNode[] }) {
  const events = useMemo(() => {
    const out: TimelineEvent[] = [];
    for (const [prop, label] of Object.entries(DATE_PROPS)) for (const d of entity.properties[prop] ?? []) out.push({ date: d, label });
    for (const s of sanctionsOf(entity)) {
      const d = s.properties.listingDate?.[0] ?? s.properties.startDate?.[0];
      if (d) out.push({ date: d, label: 'Designated', detail: [s.properties.authority?.[0], s.properties.program?.[0]].filter(Boolean).join(' · ') });
    }
    const names = new Map(nodes.map((n) => [n.id, n.caption]));
    for (const e of edges) {
      const other = names.get(e.source === entity.id ? e.target : e.source) ?? '';
      // "from": a source may give only the date it attested the link, not when it began; "ended" only
      // where the source gives an end.
      if (e.startDate) out.push({ date: e.startDate, label: `${linkTypeLabel(e.type)} from`, detail: other });
      if (e.endDate) out.push({ date: e.endDate, label: `${linkTypeLabel(e.type)} ended`, detail: other });
    }
    // First appearance on each list.
    const firstByDataset = new Map<string, string>();
    for (const p of Object.values(entity.provenance ?? {}).flat()) if (p.firstSeen && (!firstByDataset.has(p.dataset) || p.firstSeen < firstByDataset.get(p.dataset)!)) firstByDataset.set(p.dataset, p.firstSeen);
    for (const [dataset, d] of firstByDataset) out.push({ date: d, label: 'First seen on list', detail: dataset });
    return out.sort((a, b) => a.date.localeCompare(b.date));
  }, [entity, edges, nodes]);
  if (!events.length) return null;
  return (
    <Section title="Timeline" id="timeline">
      <ol className="timeline">
        {events.map((ev, i) => (
          <li key={i}>
            <time dateTime={ev.date.slice(0, 10)}>{formatDate(ev.date)}</time>
            <span className="tl-label">{ev.label}</span>
            {ev.detail && <span className="muted"> {ev.detail}</span>}
          </li>
        ))}
      </ol>
    </Section>
  );
}
