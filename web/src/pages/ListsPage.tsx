// Lists: the catalog of datasets, each one's versions, and the diff between two versions.
import { useEffect, useState, type FormEvent } from 'react';
import { api, type CatalogDataset, type DatasetDiff, type DiffKind, type DiffRow } from '../api.ts';
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
      {datasets.filter((d) => d.retired).map((d) => (
        <div key={d.name} className="message info" role="note">
          <strong><code>{d.name}</code> is retired</strong> (since {formatDate(d.retired!.on)}; superseded by <code>{d.retired!.supersededBy}</code>). {d.retired!.note}
        </div>
      ))}
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
                  {d.retired ? (
                    <span className="badge retired" title={d.retired.note}>
                      Retired {formatDate(d.retired.on)} · superseded by <a href={href('lists', d.retired.supersededBy)}><code>{d.retired.supersededBy}</code></a>
                    </span>
                  ) : d.stale ? (
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
    const list = versions.data ?? [];
    if (!list.length) return;
    const byDate = [...list].sort((a, b) => (a.publishedAt ?? a.importedAt ?? '').localeCompare(b.publishedAt ?? b.importedAt ?? ''));
    setFromSel((f) => f || byDate[Math.max(0, byDate.length - 2)].version);
    setToSel((t) => t || byDate[byDate.length - 1].version);
  }, [versions.data]);


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
      {from && to && <DiffView key={`${from}>${to}`} dataset={dataset} from={from} to={to} />}
    </>
  );
}

const PAGE = 100;

/** One page of the diff at a time, filtered by the server: list entries first, then by name. */
function DiffView({ dataset, from, to }: { dataset: string; from: string; to: string }) {
  const [kind, setKind] = useState<'' | DiffKind>('');
  const [schema, setSchema] = useState('');
  const [filter, setFilter] = useState('');
  const [offset, setOffset] = useState(0);
  const q = filter.trim();
  const diff = useApi((signal) => api.diff(dataset, from, to, { kind, schema, q, offset, limit: PAGE }, signal), [dataset, from, to, kind, schema, q, offset]);
  // The summary and the filters stay while a new page loads.
  const [shown, setShown] = useState<DatasetDiff | undefined>();
  useEffect(() => {
    if (diff.data) setShown(diff.data);
  }, [diff.data]);
  const refilter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setOffset(0);
  };
  const columns: Column<DiffRow>[] = [
    { key: 'kind', header: 'Change', render: (r) => <span className={`badge diff-${r.kind}`}>{r.kind}</span>, className: 'narrow' },
    {
      key: 'caption',
      header: 'Entry',
      render: (r) => (
        <>
          {r.kind === 'removed' ? <span>{r.caption}</span> : <a href={href('entity', r.id)}>{r.caption}</a>}
          {r.target && <span className="badge list-entry" title="A list entry, not a sub-record such as a passport or an address">list entry</span>}
        </>
      ),
      className: 'wide',
    },
    { key: 'schema', header: 'Type', render: (r) => <SchemaTag schema={r.schema} />, className: 'narrow' },
    {
      key: 'detail',
      header: 'What changed',
      render: (r) => (r.kind === 'changed' ? <ChangeSummary row={r} /> : <span className="muted">{r.id}</span>),
      className: 'wide',
    },
  ];
  const d = shown;
  return (
    <Section title="Changes between the two versions" id="diff">
      {!d && diff.loading && <Loading what="the diff" />}
      <ErrorMessage error={diff.error} what="the diff" />
      {d && (
        <>
          <p className="summary" role="status">
            From <code>{d.from.version}</code> ({formatDate(d.from.publishedAt)}) to <code>{d.to.version}</code> ({formatDate(d.to.publishedAt)}):{' '}
            <span className="badge diff-added">{formatNumber(d.counts.added)} added</span>{' '}
            <span className="badge diff-removed">{formatNumber(d.counts.removed)} removed</span>{' '}
            <span className="badge diff-changed">{formatNumber(d.counts.changed)} changed</span>
            <span className="muted">
              {' '}— list entries: {formatNumber(d.counts.targets.added)} added, {formatNumber(d.counts.targets.removed)} removed, {formatNumber(d.counts.targets.changed)} changed
            </span>
          </p>
          <div className="inline-form">
            <label>
              Show
              <select value={kind} onChange={(e) => refilter(setKind)(e.target.value as '' | DiffKind)}>
                <option value="">all changes</option>
                <option value="added">added</option>
                <option value="removed">removed</option>
                <option value="changed">changed</option>
              </select>
            </label>
            <label>
              Type
              <select value={schema} onChange={(e) => refilter(setSchema)(e.target.value)}>
                <option value="">all types</option>
                {d.schemata.map((c) => (
                  <option key={c.schema} value={c.schema}>{c.schema} ({formatNumber(c.added + c.removed + c.changed)})</option>
                ))}
              </select>
            </label>
            <label>
              Filter by name
              <input type="search" value={filter} onChange={(e) => refilter(setFilter)(e.target.value)} placeholder="e.g. MKRTYCHEV" />
            </label>
          </div>
          <VirtualTable rows={d.results} columns={columns} rowKey={(r) => `${r.kind}:${r.id}`} label="Diff entries" rowHeight={44} empty="No changes of this kind." />
          <div className="pager" aria-label="Diff pages">
            <button type="button" disabled={d.offset === 0 || diff.loading} onClick={() => setOffset(Math.max(0, d.offset - PAGE))}>Previous</button>{' '}
            <span role="status">
              {d.total ? `${formatNumber(d.offset + 1)}–${formatNumber(d.offset + d.results.length)} of ${formatNumber(d.total)}` : 'none'}, list entries first
            </span>{' '}
            <button type="button" disabled={d.offset + d.results.length >= d.total || diff.loading} onClick={() => setOffset(d.offset + PAGE)}>Next</button>
          </div>
        </>
      )}
    </Section>
  );
}

function ChangeSummary({ row }: { row: DiffRow }) {
  const parts = Object.entries(row.changes ?? {}).map(([prop, c]) => {
    const label = propInfo(row.schema, prop).label;
    const bits = [c.added?.length ? `+${c.added.join(', ')}` : '', c.removed?.length ? `−${c.removed.join(', ')}` : ''].filter(Boolean).join(' ');
    return `${label}: ${bits}`;
  });
  const text = parts.join(' · ');
  return <span className="change-summary" title={text}>{text}</span>;
}
