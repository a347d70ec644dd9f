// Entity profile: every property with its values and, for each value, where it came from.
import { useMemo } from 'react';
import { api, ApiError, isSanctioned, type Entity, type GraphEdge, type GraphNode, type Provenance } from '../api.ts';
import { href } from '../router.ts';
import { useApi } from '../lib/useApi.ts';
import { CountryTags, EntityLink, ErrorMessage, GradeBadge, Loading, SanctionedBadge, SchemaTag, Section } from '../components/common.tsx';
import { countryName, edgeOf, isA, linkTypeLabel, propInfo } from '../lib/ftm.ts';
import { formatDate } from '../lib/format.ts';
import { EntityDocumentsPanel } from '../components/documents/EntityDocumentsPanel.tsx';

/** Properties shown in the header or elsewhere rather than in the property table. */
const HIDDEN_PROPS = new Set(['sanctions']);

/** Properties whose values are all nested relationship or sanction entities belong to other sections. */
function isRelationProp(entity: Entity, prop: string): boolean {
  const values = entity.properties[prop];
  return values.length > 0 && values.every((v) => {
    const n = entity.nested[v];
    return n && (n.schema === 'Sanction' || edgeOf(n.schema) !== undefined);
  });
}

/** The Sanction entities the server nested into the entity, each once (`nested` is keyed by id). */
function sanctionsOf(entity: Entity): Entity[] {
  return Object.values(entity.nested).filter((x) => x.schema === 'Sanction');
}

export function EntityPage({ id }: { id: string }) {
  const entity = useApi((signal) => api.entity(id, signal), [id]);
  const adjacent = useApi((signal) => api.adjacent(id, { limit: 200 }, signal), [id]);

  if (entity.loading && !entity.data) return <Loading what="entity" />;
  if (entity.error || !entity.data) return <div className="page"><ErrorMessage error={entity.error} what={`entity ${id}`} /></div>;
  const { entity: e, provenance } = entity.data;
  return (
    <article className="page entity-page" aria-labelledby="entity-title">
      <EntityHeader entity={e} />
      <PropertyTable entity={e} provenance={provenance} />
      <Sanctions entity={e} />
      <Relationships entity={e} adjacent={adjacent.data} loading={adjacent.loading} error={adjacent.error} />
      <Timeline entity={e} provenance={provenance} edges={adjacent.data?.edges ?? []} nodes={adjacent.data?.nodes ?? []} />
      <EntityDocumentsPanel entityId={e.id} />
    </article>
  );
}

function EntityHeader({ entity: e }: { entity: Entity }) {
  return (
    <header className="entity-head">
      <h1 id="entity-title">{e.caption}</h1>
      <div className="entity-meta">
        <SchemaTag schema={e.schema} />
        {isSanctioned(e) && <SanctionedBadge />}
        <CountryTags codes={[...new Set([...(e.properties.country ?? []), ...(e.properties.nationality ?? [])])]} />
      </div>
      <dl className="facts">
        <dt>Id</dt>
        <dd><code>{e.id}</code></dd>
        {e.referents.length > 0 && (<><dt>List entries</dt><dd>{e.referents.join(', ')}</dd></>)}
        <dt>Lists</dt>
        <dd>{e.datasets.join(', ') || '—'}</dd>
        <dt>Seen</dt>
        <dd>{formatDate(e.first_seen)} → {formatDate(e.last_seen)}</dd>
      </dl>
      <div className="actions">
        <a className="button" href={href('graph', { id: e.id })}>Open in graph explorer</a>
        <a className="button secondary" href={api.entityJsonUrl(e.id)} download={`${e.id}.json`}>Export FtM JSON</a>
      </div>
    </header>
  );
}

function ProvenanceList({ items }: { items: Provenance[] }) {
  if (!items.length) return <span className="muted">no statement</span>;
  return (
    <ul className="provenance">
      {items.map((p, i) => (
        <li key={i}>
          <GradeBadge grade={p.grade} />{' '}
          {p.sourceDocument ? (
            <span>{p.sourceDocument.startsWith('http') ? <a href={p.sourceDocument} rel="noreferrer noopener">{p.sourceDocument}</a> : p.sourceDocument}</span>
          ) : (
            <span>{p.dataset}{p.version ? ` @ ${p.version}` : ''}</span>
          )}
          {p.sourceDocument && p.dataset ? <span className="muted"> ({p.dataset}{p.version ? ` @ ${p.version}` : ''})</span> : null}
          {p.locator && <span className="locator"> · {p.locator}</span>}
          {p.claimDate && <span className="muted"> · claimed {formatDate(p.claimDate)}</span>}
          <span className="muted"> · seen {formatDate(p.firstSeen)} → {formatDate(p.lastSeen)}</span>
          {p.originalValue && p.originalValue !== p.value && <span className="muted"> · original “{p.originalValue}”</span>}
        </li>
      ))}
    </ul>
  );
}

function ValueView({ entity, prop, value }: { entity: Entity; prop: string; value: string }) {
  const info = propInfo(entity.schema, prop);
  if (info.type === 'entity') {
    const nested = entity.nested[value];
    return <EntityLink id={value} caption={nested?.caption} />;
  }
  if (info.type === 'country') return <span title={value}>{countryName(value)}</span>;
  if (info.type === 'url' && /^https?:\/\//.test(value)) return <a href={value} rel="noreferrer noopener">{value}</a>;
  return <span className="value">{value}</span>;
}

function PropertyTable({ entity, provenance }: { entity: Entity; provenance: Provenance[] }) {
  const byValue = useMemo(() => {
    const m = new Map<string, Provenance[]>();
    for (const p of provenance) {
      const key = `${p.prop}\u0000${p.value}`;
      (m.get(key) ?? m.set(key, []).get(key)!).push(p);
    }
    return m;
  }, [provenance]);
  const props = Object.keys(entity.properties).filter((p) => !HIDDEN_PROPS.has(p) && entity.properties[p].length && !isRelationProp(entity, p));
  props.sort((a, b) => (a === 'name' ? -1 : b === 'name' ? 1 : propInfo(entity.schema, a).label.localeCompare(propInfo(entity.schema, b).label)));
  return (
    <Section title="Properties and their sources" id="properties">
      <table className="props">
        <thead>
          <tr><th scope="col">Property</th><th scope="col">Value</th><th scope="col">Where it came from</th></tr>
        </thead>
        <tbody>
          {props.map((prop) =>
            entity.properties[prop].map((value, i) => (
              <tr key={`${prop}-${i}`} className={i === 0 ? 'first' : undefined}>
                {i === 0 && <th scope="rowgroup" rowSpan={entity.properties[prop].length}>{propInfo(entity.schema, prop).label}</th>}
                <td><ValueView entity={entity} prop={prop} value={value} /></td>
                <td>
                  {entity.nested[value] && !byValue.has(`${prop}\u0000${value}`) ? (
                    <span className="muted small">linked from that entity: see its sources</span>
                  ) : (
                    <ProvenanceList items={byValue.get(`${prop}\u0000${value}`) ?? []} />
                  )}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </Section>
  );
}

function Sanctions({ entity }: { entity: Entity }) {
  const sanctions = sanctionsOf(entity);
  if (!sanctions.length) return null;
  return (
    <Section title="Sanctions" id="sanctions">
      <ul className="cards">
        {sanctions.map((s) => {
          const p = s.properties;
          return (
            <li key={s.id} className="card">
              <dl className="facts">
                <dt>Authority</dt><dd>{p.authority?.join('; ') || '—'}</dd>
                <dt>Program</dt><dd>{(p.program ?? p.programId ?? []).join('; ') || '—'}</dd>
                <dt>Listed</dt><dd>{formatDate(p.listingDate?.[0] ?? p.startDate?.[0])}</dd>
                {p.endDate && (<><dt>Ended</dt><dd>{formatDate(p.endDate[0])}</dd></>)}
                {p.unscId && (<><dt>UN reference</dt><dd>{p.unscId.join(', ')}</dd></>)}
                <dt>Provisions</dt><dd>{p.provisions?.join('; ') || '—'}</dd>
                {p.reason && (<><dt>Reason</dt><dd>{p.reason.join(' ')}</dd></>)}
                {p.sourceUrl && (<><dt>Source</dt><dd>{p.sourceUrl.map((u) => <a key={u} href={u} rel="noreferrer noopener">{u}</a>)}</dd></>)}
              </dl>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

interface RelationshipRow { edge: GraphEdge; other: GraphNode | undefined; otherId: string; outgoing: boolean }

function Relationships({ entity, adjacent, loading, error }: { entity: Entity; adjacent: { nodes: GraphNode[]; edges: GraphEdge[]; total: number } | undefined; loading: boolean; error: Error | undefined }) {
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
      const nested = rel.nested[otherId];
      rows.push({
        edge: { id: rel.id, source: src, target: tgt, type: rel.schema, label: rel.properties.role?.[0] ?? rel.schema, grade: null, startDate: rel.properties.startDate?.[0] ?? null, endDate: rel.properties.endDate?.[0] ?? null, provenance: [], properties: rel.properties },
        other: nested ? { id: nested.id, caption: nested.caption, schema: nested.schema, sanctioned: isSanctioned(nested) } : undefined,
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

interface TimelineEvent { date: string; label: string; detail?: string }

const DATE_PROPS: Record<string, string> = {
  birthDate: 'Born', deathDate: 'Died', incorporationDate: 'Incorporated', dissolutionDate: 'Dissolved',
  buildDate: 'Built', registrationDate: 'Registered', modifiedAt: 'Record modified', createdAt: 'Record created',
};

function Timeline({ entity, provenance, edges, nodes }: { entity: Entity; provenance: Provenance[]; edges: GraphEdge[]; nodes: GraphNode[] }) {
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
    for (const p of provenance) if (p.firstSeen && (!firstByDataset.has(p.dataset) || p.firstSeen < firstByDataset.get(p.dataset)!)) firstByDataset.set(p.dataset, p.firstSeen);
    for (const [dataset, d] of firstByDataset) out.push({ date: d, label: 'First seen on list', detail: dataset });
    return out.sort((a, b) => a.date.localeCompare(b.date));
  }, [entity, provenance, edges, nodes]);
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
