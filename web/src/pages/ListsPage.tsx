// Lists: the catalog of datasets, each one's versions, and the diff between two versions.
import { useEffect, useState, type FormEvent } from 'react';
import { api, type CatalogDataset, type DatasetDiff, type DiffChange, type DiffEntry } from '../api.ts';
import { href, navigate, type Route } from '../router.ts';
import { useApi } from '../lib/useApi.ts';
import { ErrorMessage, Loading, SchemaTag, Section } from '../components/common.tsx';
import { VirtualTable, type Column } from '../components/VirtualTable.tsx';
import { formatDate, formatNumber } from '../lib/format.ts';
import { propInfo } from '../lib/ftm.ts';

export function ListsPage({ route }: { route: Route }) {
  const dataset = route.segments[1];
  const catalog = useApi((signal) => api.catalog(signal), []);
  return (
    <div className="page lists-page">
      <h1>Lists</h1>
      <ErrorMessage error={catalog.error} what="the catalog" />
      {catalog.loading && <Loading what="catalog" />}
      {catalog.data && <Catalog datasets={catalog.data} selected={dataset} />}
      {dataset && <DatasetHistory key={dataset} dataset={dataset} from={route.params.get('from')} to={route.params.get('to')} />}
    </div>
  );
}

function Catalog({ datasets, selected }: { datasets: CatalogDataset[]; selected?: string }) {
  const stale = datasets.filter((d) => d.stale);
  return (
    <>
      {stale.length > 0 && (
        <div className="message warning" role="alert">
          <strong>{stale.length === 1 ? '1 list is' : `${stale.length} lists are`} out of date.</strong>{' '}
          Screening against a stale list is a compliance risk: {stale.map((d) => d.name).join(', ')}. Run <code>interdict sync</code>.
        </div>
      )}
      <div className="table-wrap">
        <table className="catalog">
          <caption className="visually-hidden">Datasets</caption>
          <thead>
            <tr>
              <th scope="col">List</th>
              <th scope="col">Publisher</th>
              <th scope="col">Published</th>
              <th scope="col">Live version</th>
              <th scope="col" className="num">Entries</th>
              <th scope="col" className="num">Entities</th>
              <th scope="col" className="num">Versions</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((d) => (
              <tr key={d.name} aria-current={d.name === selected ? 'true' : undefined} className={d.name === selected ? 'selected' : undefined}>
                <th scope="row">
                  <a href={href('lists', d.name)}>{d.title || d.name}</a>
                  <div className="muted small"><code>{d.name}</code></div>
                </th>
                <td>{d.publisher || '—'}</td>
                <td>{formatDate(d.live?.publishedAt)}</td>
                <td><code>{d.live?.version ?? '—'}</code></td>
                <td className="num">{d.live?.schemaCounts.$targets !== undefined ? formatNumber(d.live.schemaCounts.$targets) : '—'}</td>
                <td className="num">{d.live ? formatNumber(d.live.entityCount) : '—'}</td>
                <td className="num">{formatNumber(d.versions)}</td>
                <td>
                  {d.stale ? (
                    <span className="badge stale" title="Older than the freshness limit">Stale{d.ageDays !== null ? ` · ${formatNumber(d.ageDays)} days old` : ''}</span>
                  ) : (
                    <span className="badge fresh">Current</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function DatasetHistory({ dataset, from, to }: { dataset: string; from: string | null; to: string | null }) {
  const versions = useApi((signal) => api.versions(dataset, signal), [dataset]);
  const list = versions.data ?? [];
  const [fromSel, setFromSel] = useState(from ?? '');
  const [toSel, setToSel] = useState(to ?? '');
  // Default to comparing the two newest versions.
  useEffect(() => {
    if (!list.length) return;
    const byDate = [...list].sort((a, b) => (a.publishedAt ?? a.importedAt ?? '').localeCompare(b.publishedAt ?? b.importedAt ?? ''));
    setFromSel((f) => f || byDate[Math.max(0, byDate.length - 2)].version);
    setToSel((t) => t || byDate[byDate.length - 1].version);
  }, [versions.data]);

  const diff = useApi(from && to ? (signal) => api.diff(dataset, from, to, signal) : null, [dataset, from, to]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(href('lists', dataset, { from: fromSel, to: toSel }));
  };

  return (
    <>
      <Section title={`Versions of ${dataset}`} id="versions">
        <ErrorMessage error={versions.error} what="versions" />
        {versions.loading && <Loading what="versions" />}
        {list.length > 0 && (
          <div className="table-wrap">
            <table className="versions">
              <thead>
                <tr>
                  <th scope="col">Version</th><th scope="col">Published</th><th scope="col">Imported</th><th scope="col">Status</th>
                  <th scope="col" className="num">Entries</th><th scope="col" className="num">Entities</th><th scope="col" className="num">Statements</th>
                </tr>
              </thead>
              <tbody>
                {list.map((v) => (
                  <tr key={v.id || v.version}>
                    <th scope="row"><code>{v.version}</code></th>
                    <td>{formatDate(v.publishedAt)}</td>
                    <td>{formatDate(v.importedAt)}</td>
                    <td><span className={`badge status-${v.status}`}>{v.status}</span></td>
                    <td className="num">{v.schemaCounts.$targets !== undefined ? formatNumber(v.schemaCounts.$targets) : '—'}</td>
                    <td className="num">{formatNumber(v.entityCount)}</td>
                    <td className="num">{formatNumber(v.statementCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.length === 1 && <p className="muted">Only one version so far: import another to compare.</p>}
        {list.length > 1 && (
          <form className="inline-form" onSubmit={submit} aria-label="Compare two versions">
            <label>
              From
              <select value={fromSel} onChange={(e) => setFromSel(e.target.value)}>
                {list.map((v) => <option key={v.version} value={v.version}>{v.version}{v.publishedAt ? ` (${formatDate(v.publishedAt)})` : ''}</option>)}
              </select>
            </label>
            <label>
              To
              <select value={toSel} onChange={(e) => setToSel(e.target.value)}>
                {list.map((v) => <option key={v.version} value={v.version}>{v.version}{v.publishedAt ? ` (${formatDate(v.publishedAt)})` : ''}</option>)}
              </select>
            </label>
            <button type="submit" disabled={!fromSel || !toSel || fromSel === toSel}>Compare</button>
          </form>
        )}
      </Section>
      {(diff.loading || diff.error || diff.data) && (
        <Section title="Changes between the two versions" id="diff">
          {diff.loading && <Loading what="the diff" />}
          <ErrorMessage error={diff.error} what="the diff" />
          {diff.data && <DiffView diff={diff.data} />}
        </Section>
      )}
    </>
  );
}

type DiffRow = (DiffEntry & { kind: 'added' | 'removed' }) | (DiffChange & { kind: 'changed' });

function DiffView({ diff }: { diff: DatasetDiff }) {
  const [kind, setKind] = useState<'all' | 'added' | 'removed' | 'changed'>('all');
  const [filter, setFilter] = useState('');
  const rows: DiffRow[] = [
    ...diff.added.map((e) => ({ ...e, kind: 'added' as const })),
    ...diff.removed.map((e) => ({ ...e, kind: 'removed' as const })),
    ...diff.changed.map((e) => ({ ...e, kind: 'changed' as const })),
  ];
  const needle = filter.trim().toLowerCase();
  const shown = rows.filter((r) => (kind === 'all' || r.kind === kind) && (!needle || r.caption.toLowerCase().includes(needle) || r.id.toLowerCase().includes(needle)));
  const columns: Column<DiffRow>[] = [
    { key: 'kind', header: 'Change', sortValue: (r) => r.kind, render: (r) => <span className={`badge diff-${r.kind}`}>{r.kind}</span>, className: 'narrow' },
    { key: 'caption', header: 'Entry', sortValue: (r) => r.caption, render: (r) => r.kind === 'removed' ? <span>{r.caption}</span> : <a href={href('entity', r.id)}>{r.caption}</a>, className: 'wide' },
    { key: 'schema', header: 'Type', sortValue: (r) => r.schema, render: (r) => <SchemaTag schema={r.schema} />, className: 'narrow' },
    {
      key: 'detail',
      header: 'What changed',
      render: (r) => (r.kind === 'changed' ? <ChangeSummary row={r} /> : <span className="muted">{r.id}</span>),
      className: 'wide',
    },
  ];
  return (
    <>
      <p className="summary" role="status">
        From <code>{diff.from.version}</code> ({formatDate(diff.from.publishedAt)}) to <code>{diff.to.version}</code> ({formatDate(diff.to.publishedAt)}):{' '}
        <span className="badge diff-added">{formatNumber(diff.added.length)} added</span>{' '}
        <span className="badge diff-removed">{formatNumber(diff.removed.length)} removed</span>{' '}
        <span className="badge diff-changed">{formatNumber(diff.changed.length)} changed</span>
      </p>
      <div className="inline-form">
        <label>
          Show
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="all">all changes</option>
            <option value="added">added</option>
            <option value="removed">removed</option>
            <option value="changed">changed</option>
          </select>
        </label>
        <label>
          Filter by name
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="e.g. MKRTYCHEV" />
        </label>
      </div>
      <VirtualTable rows={shown} columns={columns} rowKey={(r) => `${r.kind}:${r.id}`} label="Diff entries" rowHeight={44} empty="No changes of this kind." />
    </>
  );
}

function ChangeSummary({ row }: { row: DiffChange }) {
  const parts = Object.entries(row.changes).map(([prop, c]) => {
    const label = propInfo(row.schema, prop).label;
    const bits = [c.added?.length ? `+${c.added.join(', ')}` : '', c.removed?.length ? `−${c.removed.join(', ')}` : ''].filter(Boolean).join(' ');
    return `${label}: ${bits}`;
  });
  const text = parts.join(' · ');
  return <span className="change-summary" title={text}>{text}</span>;
}
