// #/audit (admin): the tamper-evident audit trail, filtered by period, actor and action, newest first.
import { useState } from 'react';
import { accessApi, type AuditQuery } from '../api/access.ts';
import { useApi } from '../lib/useApi.ts';
import { ErrorMessage, Loading, Section } from '../components/common.tsx';
import { ChainCheck } from '../components/access/ChainCheck.tsx';

const PAGE = 50;
type Filter = Pick<AuditQuery, 'from' | 'to' | 'actor' | 'action'>;

export function AuditPage() {
  const [filter, setFilter] = useState<Filter>({});
  const [offset, setOffset] = useState(0);
  const audit = useApi((signal) => accessApi.audit({ ...filter, limit: PAGE, offset }, signal), [filter.from, filter.to, filter.actor, filter.action, offset]);
  const change = (patch: Filter) => {
    setFilter((f) => ({ ...f, ...patch }));
    setOffset(0);
  };
  const period = { from: filter.from, to: filter.to };
  const total = audit.data?.total ?? 0;

  return (
    <div className="page audit-page">
      <h1>Audit trail</h1>
      <p className="muted">Every sign-in, change of account or key, and write, in order. Each record's hash covers the one before, so an altered or removed record shows.</p>
      <ChainCheck />
      <form className="filters inline-form" aria-label="Filter the audit trail" onSubmit={(e) => e.preventDefault()}>
        <label>From<input type="date" value={filter.from ?? ''} onChange={(e) => change({ from: e.target.value || undefined })} /></label>
        <label>To<input type="date" value={filter.to ?? ''} onChange={(e) => change({ to: e.target.value || undefined })} /></label>
        <label>Actor<input value={filter.actor ?? ''} onChange={(e) => change({ actor: e.target.value || undefined })} placeholder="user:admin" /></label>
        <label>Action<input value={filter.action ?? ''} onChange={(e) => change({ action: e.target.value || undefined })} placeholder="sign-in" /></label>
        <span className="small">Export: <a href={accessApi.exportUrl('jsonl', period)} download="audit.jsonl">JSON lines</a> · <a href={accessApi.exportUrl('csv', period)} download="audit.csv">CSV</a></span>
      </form>
      <Section title="Records" id="records">
        {audit.error && <ErrorMessage error={audit.error} what="the audit trail" />}
        {audit.loading && !audit.data && <Loading what="the audit trail" />}
        {audit.data && (
          <div className="table-wrap">
            <table className="access-table">
              <thead><tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Actor</th><th scope="col">Action</th><th scope="col">Subject</th><th scope="col">Detail</th></tr></thead>
              <tbody>
                {audit.data.results.map((r) => (
                  <tr key={r.seq}>
                    <td className="num">{r.seq}</td>
                    <td>{r.at}</td>
                    <td>{r.actor}</td>
                    <td>{r.action}</td>
                    <td>{r.subject}</td>
                    <td><code className="small">{r.detail === null || r.detail === undefined ? '' : JSON.stringify(r.detail)}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
            {audit.data.results.length === 0 && <p className="muted">No records match.</p>}
          </div>
        )}
        {total > PAGE && (
          <div className="pager">
            <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(offset - PAGE, 0))}>Previous</button>
            <span>{offset + 1}–{Math.min(offset + PAGE, total)} of {total}</span>
            <button type="button" className="secondary" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>Next</button>
          </div>
        )}
      </Section>
    </div>
  );
}

export default AuditPage;
