// Shortest paths between two entities (the server filters them like every traversal), listed step
// by step with each link's claims; what is found is handed to the drawing.
import { useEffect, useMemo, useState } from 'react';
import { edgeLabel, type GraphFilter, type PathsResult } from '../../api/graph.ts';
import { usePaths, type PathsRequest } from '../../hooks/usePaths.ts';
import { linkTypeLabel } from '../../lib/ftm.ts';
import { EntityLink, ErrorMessage, GradeBadge, SanctionedBadge, Section } from '../common.tsx';
import { EntityPicker, type Picked } from '../EntityPicker.tsx';
import { EdgeProvenance } from './EdgeProvenance.tsx';

export function PathsPanel({ from, to, filter, onFrom, onTo, onFound }: {
  from: Picked | null; to: Picked | null; filter: GraphFilter;
  onFrom(p: Picked): void; onTo(p: Picked): void; onFound(result: PathsResult): void;
}) {
  const [maxHops, setMaxHops] = useState(6);
  const [asked, setAsked] = useState<Pick<PathsRequest, 'from' | 'to' | 'max_hops'> | null>(null);
  // A changed filter asks again: the server filters paths like every traversal.
  const request = useMemo(() => (asked ? { ...asked, k: 3, ...filter } : null), [asked, filter]);
  const found = usePaths(request);
  useEffect(() => {
    if (found.data) onFound(found.data);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [found.data]);
  const ask = () => from && to && setAsked({ from: from.id, to: to.id, max_hops: maxHops });
  return (
    <Section title="Shortest path" id="paths">
      <EntityPicker label="Path from" value={from} onPick={onFrom} />
      <EntityPicker label="Path to" value={to} onPick={onTo} />
      <div className="inline-form">
        <label>
          Max hops
          <select value={maxHops} onChange={(e) => setMaxHops(Number(e.target.value))}>
            {[2, 3, 4, 5, 6, 8].map((h) => <option key={h} value={h}>{h}</option>)}
          </select>
        </label>
        <button type="button" onClick={ask} disabled={!from || !to || found.loading}>Find paths</button>
      </div>
      {found.loading && <div className="message loading" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" /> Finding paths…</div>}
      <ErrorMessage error={found.error} what="the paths" />
      {found.data && <PathList paths={found.data.paths} />}
    </Section>
  );
}

function PathList({ paths }: { paths: PathsResult['paths'] }) {
  if (!paths.length) return <p className="message" role="status">No path within the hop limit and filters.</p>;
  return (
    <ol className="paths" aria-label="Paths found">
      {paths.map((p, i) => {
        const byId = new Map(p.nodeDetails.map((n) => [n.id, n]));
        return (
          <li key={i} className="path">
            <div className="small muted">{p.edges.length} {p.edges.length === 1 ? 'hop' : 'hops'}</div>
            <ol className="path-steps">
              {p.nodes.map((id, j) => {
                const n = byId.get(id);
                const edge = p.edges[j];
                const label = edge && edgeLabel(edge);
                return (
                  <li key={id + j}>
                    <EntityLink id={id} caption={n?.caption ?? id} /> {n?.sanctioned && <SanctionedBadge />}
                    {edge && (
                      <div className="path-edge">
                        <span aria-hidden="true">↓</span> {linkTypeLabel(edge.type)}{label !== edge.type ? ` (${label})` : ''}{' '}
                        {edge.source !== id && byId.has(edge.source) ? '(reverse)' : ''} {edge.provenance.length === 0 && <GradeBadge grade={edge.evidenceGrade} />}
                        <EdgeProvenance items={edge.provenance} />
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
