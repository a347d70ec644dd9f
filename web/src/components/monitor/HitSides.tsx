// The record and the listed target side by side: what of the record the matcher compared, and the
// target's watched values as they were when the alert was raised (with the values before, for a change).
import type { Alert, AlertDetail } from '../../api/monitor.ts';
import { matchedRecordValues, type ExplanationLine, type TargetSnapshot } from '../../lib/alertDetail.ts';
import { EntityLink } from '../common.tsx';

export function HitSides({ alert, uploaded, target, before, explanations }: { alert: Alert; uploaded: AlertDetail['record']; target: TargetSnapshot | null; before: TargetSnapshot | null; explanations: ExplanationLine[] }) {
  const compared = matchedRecordValues(explanations);
  const values = uploadedValues(uploaded);
  return (
    <div className="hit-sides">
      <section className="panel" aria-labelledby="record-heading">
        <h2 id="record-heading">Your record</h2>
        <dl className="facts">
          <div><dt>Portfolio</dt><dd>{alert.portfolio}</dd></div>
          <div><dt>Reference</dt><dd>{alert.ref}</dd></div>
          {values.map(([prop, v]) => <div key={prop}><dt>{prop}</dt><dd>{v.join('; ')}</dd></div>)}
          {values.length === 0 && compared.map((r) => <div key={r.label}><dt>{r.label} compared</dt><dd>{r.values.join('; ')}</dd></div>)}
          {!uploaded && <div><dt>Now</dt><dd className="muted">removed from the portfolio</dd></div>}
        </dl>
      </section>
      <section className="panel" aria-labelledby="target-heading">
        <h2 id="target-heading">Listed target</h2>
        {target ? (
          <dl className="facts">
            <div><dt>Name</dt><dd><EntityLink id={alert.target_id} caption={target.caption || alert.target_id} /></dd></div>
            <div><dt>Lists</dt><dd>{target.datasets.join(', ')}</dd></div>
            {Object.entries(target.values).map(([prop, values]) => (
              <div key={prop}>
                <dt>{prop}</dt>
                <dd>{values.join('; ')}{before && changed(before.values[prop], values) && <span className="muted small"> (was: {(before.values[prop] ?? []).join('; ') || 'none'})</span>}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p><EntityLink id={alert.target_id} /></p>
        )}
      </section>
    </div>
  );
}

/** The record's properties as uploaded (an FtM-style query), each a list of strings. */
function uploadedValues(record: AlertDetail['record']): [string, string[]][] {
  const properties = (record?.query as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  return Object.entries(properties).flatMap(([prop, v]): [string, string[]][] => (Array.isArray(v) ? [[prop, v.map(String)]] : []));
}

function changed(was: string[] | undefined, now: string[]): boolean {
  const before = was ?? [];
  return before.length !== now.length || before.some((v) => !now.includes(v));
}
