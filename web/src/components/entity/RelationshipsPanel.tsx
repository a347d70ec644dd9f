// Links to other entities: the graph's adjacent edges, and relationship entities the entity view nested.
import { useMemo } from 'react';
import { ApiError, type GraphEdge, type GraphNode } from '../../api.ts';
import type { EntityProfile } from '../../api/entities.ts';
import { href } from '../../router.ts';
import { EntityLink, ErrorMessage, GradeBadge, Loading, SanctionedBadge, SchemaTag, Section } from '../common.tsx';
import { edgeOf, isA, linkTypeLabel } from '../../lib/ftm.ts';
import { formatDate } from '../../lib/format.ts';
import { ProvenanceList } from './ProvenanceList.tsx';

interface RelationshipRow { edge: GraphEdge; other: GraphNode | undefined; otherId: string; outgoing: boolean }

export function RelationshipsPanel({ entity, adjacent, loading, error }: { entity: EntityProfile; adjacent: { nodes: GraphNode[]; edges: GraphEdge[]; total: number } | undefined; loading: boolean; error: Error | undefined }) {
  const groups = useMemo(() => {
    const nodes = new Map((adjacent?.nodes ?? []).map((n) => [n.id, n]));
    const rows: RelationshipRow[] = [];
    for (const edge of adjacent?.edges ?? []) {
      const outgoing = edge.source === entity.id;
      const otherId = outgoing ? edge.target : edge.source;
      rows.push({ edge, other: nodes.get(otherId), otherId, outgoing });
    }
    // Relationship entities the entity endpoint already nested count too.
    for (const rel of Object.values(entity.nested).filter((r) => edgeOf(r.schema) && isA(r.schema, 'Interval'))) {
      if (rows.some((r) => r.edge.id === rel.id)) continue;
      const ends = edgeOf(rel.schema)!;
      const src = rel.properties[ends.source]?.[0] ?? '';
      const tgt = rel.properties[ends.target]?.[0] ?? '';
      const outgoing = src === entity.id;
      const otherId = outgoing ? tgt : src;
      rows.push({
        edge: { id: rel.id, source: src, target: tgt, type: rel.schema, label: rel.properties.role?.[0] ?? rel.schema, grade: null, startDate: rel.properties.startDate?.[0] ?? null, endDate: rel.properties.endDate?.[0] ?? null, provenance: [], properties: rel.properties },
        // The server nests one level: the other end is known by its id only.
        other: undefined,
        otherId,
        outgoing,
      });
    }
    const m = new Map<string, RelationshipRow[]>();
    for (const r of rows) (m.get(r.edge.type) ?? m.set(r.edge.type, []).get(r.edge.type)!).push(r);
    return [...m.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  }, [adjacent, entity]);

  return (
    <Section title="Relationships" id="relationships">
      {loading && <Loading what="relationships" />}
      {!(error instanceof ApiError && error.status === 404 && groups.length > 0) && <ErrorMessage error={error} what="relationships" />}
      {!loading && !error && groups.length === 0 && <p className="muted">No known relationships.</p>}
      {groups.map(([type, rows]) => (
        <div key={type} className="rel-group">
          <h3>{linkTypeLabel(type)} <span className="count">{rows.length}</span></h3>
          <ul className="rel-list">
            {rows.map((r) => (
              <li key={r.edge.id + r.otherId}>
                <span className="muted">{r.outgoing ? `${r.edge.label} →` : `← ${r.edge.label}`}</span>{' '}
                <EntityLink id={r.otherId} caption={r.other?.caption} />
                {r.other?.sanctioned && <SanctionedBadge />}
                {r.other && <SchemaTag schema={r.other.schema} />}
                {(r.edge.startDate || r.edge.endDate) && <span className="muted"> · {formatDate(r.edge.startDate)} – {formatDate(r.edge.endDate)}</span>}
                <GradeBadge grade={r.edge.grade} />
                {r.edge.provenance.length > 0 && (
                  <details className="inline-details">
                    <summary>sources</summary>
                    <ProvenanceList items={r.edge.provenance} />
                  </details>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {adjacent && adjacent.total > adjacent.edges.length && (
        <p className="muted">Showing {adjacent.edges.length} of {adjacent.total}. <a href={href('graph', { id: entity.id })}>See all in the graph explorer</a>.</p>
      )}
    </Section>
  );
}
