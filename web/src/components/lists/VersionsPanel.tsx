// A dataset's versions, and the form that picks two of them to compare.
import { useState, type FormEvent } from 'react';
import { href, navigate } from '../../router.ts';
import { useVersions } from '../../hooks/useCatalog.ts';
import { ErrorMessage, Loading, Section } from '../common.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { DiffPanel } from './DiffPanel.tsx';

export function VersionsPanel({ dataset, from, to }: { dataset: string; from: string | null; to: string | null }) {
  const versions = useVersions(dataset);
  const list = versions.data ?? [];
  // Until a person picks, the two newest versions are compared.
  const byDate = [...list].sort((a, b) => (a.publishedAt ?? a.importedAt).localeCompare(b.publishedAt ?? b.importedAt));
  const [fromPicked, setFromSel] = useState(from ?? '');
  const [toPicked, setToSel] = useState(to ?? '');
  const fromSel = fromPicked || (byDate[Math.max(0, byDate.length - 2)]?.version ?? '');
  const toSel = toPicked || (byDate[byDate.length - 1]?.version ?? '');


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
      {from && to && <DiffPanel key={`${from}>${to}`} dataset={dataset} from={from} to={to} />}
    </>
  );
}
