// What an upload changed: added, changed, removed and unchanged records, the rows that could not be
// screened (with their line numbers) and the alerts raised.
import type { UploadReport } from '../../api/monitor.ts';
import { href } from '../../router.ts';

export function UploadReportView({ report }: { report: UploadReport }) {
  const counts: [string, number][] = [['Added', report.added], ['Changed', report.changed], ['Removed', report.removed], ['Unchanged', report.unchanged], ['Alerts raised', report.alerts]];
  return (
    <div className="message upload-report" role="status" aria-label="Upload report">
      <p><strong>{report.portfolio}</strong> is screened.</p>
      <dl className="facts">
        {counts.map(([label, n]) => (
          <div key={label}><dt>{label}</dt><dd className="num">{n.toLocaleString('en')}</dd></div>
        ))}
      </dl>
      {report.unscreenable.length > 0 && (
        <div className="message warning">
          <strong>{report.unscreenable.length === 1 ? '1 row could not be screened' : `${report.unscreenable.length} rows could not be screened`}:</strong>
          <table aria-label="Unscreenable rows">
            <thead><tr><th scope="col">Line</th><th scope="col">Reference</th><th scope="col">Why</th></tr></thead>
            <tbody>{report.unscreenable.map((u) => <tr key={`${u.line}-${u.ref}`}><td className="num">{u.line}</td><td>{u.ref}</td><td>{u.error}</td></tr>)}</tbody>
          </table>
        </div>
      )}
      {report.alerts > 0 && <p><a href={href('alerts', { portfolio: report.portfolio, status: 'open' })}>See the open alerts of {report.portfolio}</a></p>}
    </div>
  );
}
