// One page of a diff at a time, filtered by the server: list entries first, then by name.
import { useState } from 'react';
import type { DiffKind, DiffRow } from '../../api/catalog.ts';
import { href } from '../../router.ts';
import { useDiff } from '../../hooks/useCatalog.ts';
import { ErrorMessage, Loading, SchemaTag, Section } from '../common.tsx';
import { VirtualTable, type Column } from '../VirtualTable.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { propInfo } from '../../lib/ftm.ts';

const PAGE = 100;

/** One page of the diff at a time, filtered by the server: list entries first, then by name. */
export function DiffPanel({ dataset, from, to }: { dataset: string; from: string; to: string }) {
  const [kind, setKind] = useState<'' | DiffKind>('');
  const [schema, setSchema] = useState('');
  const [filter, setFilter] = useState('');
  const [offset, setOffset] = useState(0);
  const q = filter.trim();
  const diff = useDiff(dataset, from, to, { kind, schema, q, offset, limit: PAGE });
  // The summary and the filters stay while a new page loads (useApi keeps the last answer).
  const shown = diff.data;
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
