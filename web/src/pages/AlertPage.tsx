// #/alerts/ID: one alert. The record and the listed target side by side, the explanation, the change that
// raised it (reason, changes, list version), the history, the decision form (analysts and above) and the report.
import { useState } from 'react';
import { monitorApi, type AlertDetail, type DecisionResult } from '../api/monitor.ts';
import { useMe } from '../hooks/useMe.ts';
import { readAlertDetail } from '../lib/alertDetail.ts';
import { useApi } from '../lib/useApi.ts';
import { href } from '../router.ts';
import { BandBadge, ErrorMessage, Loading, Section } from '../components/common.tsx';
import { AlertHistory } from '../components/monitor/AlertHistory.tsx';
import { AssignForm } from '../components/monitor/AssignForm.tsx';
import { DecisionForm } from '../components/monitor/DecisionForm.tsx';
import { HitSides } from '../components/monitor/HitSides.tsx';
import { StatusBadge } from '../components/monitor/StatusBadge.tsx';
import '../components/monitor/monitor.css';

export function AlertPage({ id }: { id: string }) {
  const [version, setVersion] = useState(0);
  const [decided, setDecided] = useState<DecisionResult | null>(null);
  const loaded = useApi((signal) => monitorApi.alert(id, signal), [id, version]);
  const who = useMe();
  const principal = who.me?.principal ?? null;
  const me = principal ? `${principal.kind}:${principal.kind === 'key' ? principal.id : principal.name}` : null;
  const refresh = () => setVersion((v) => v + 1);

  if (loaded.error) return <div className="page"><ErrorMessage error={loaded.error} what="the alert" /></div>;
  if (!loaded.data) return <div className="page"><Loading what="the alert" /></div>;
  const { alert, history } = loaded.data;
  const band = alert.band === 'match' || alert.band === 'review' || alert.band === 'clear' ? alert.band : null;

  return (
    <div className="page alert-page">
      <p className="small"><a href={href('alerts')}>← Alerts</a></p>
      <h1>{alert.ref} <span className="muted">{alert.portfolio ? `in ${alert.portfolio}` : 'list'}</span></h1>
      <p className="alert-meta">
        <StatusBadge status={alert.status} /> {band && <BandBadge band={band} />} <span>score {alert.score.toFixed(2)}</span> · <span>{alert.kind}</span> · <span>assigned to {alert.assignee ?? 'nobody'}</span>
      </p>
      {alert.kind === 'list-stale' ? <StaleListBody alert={alert} /> : (
        <>
          <p className="report-links">Report: <a href={monitorApi.reportUrl(alert.id, 'pdf')} target="_blank" rel="noopener">PDF</a> · <a href={monitorApi.reportUrl(alert.id, 'html')} target="_blank" rel="noopener">printable HTML</a></p>
          <AlertBody data={loaded.data} />
        </>
      )}
      <Section title="History" id="history"><AlertHistory events={history} /></Section>
      {who.can('analyst') && (
        <Section title="Decide" id="decide">
          {decided && (
            <p className="message saved" role="status">
              {decided.pending ? 'Proposed as a true match: a second person with the reviewer role closes it.' : `Recorded: the alert is now ${decided.status.replace('_', ' ')}.`}
            </p>
          )}
          <DecisionForm key={`${alert.status}-${history.length}`} alertId={alert.id} status={alert.status} history={history} canClose={who.can('reviewer')} onDecided={(r) => { setDecided(r); refresh(); }} />
          <AssignForm key={alert.assignee ?? ''} alertId={alert.id} assignee={alert.assignee} me={me} onAssigned={refresh} />
        </Section>
      )}
    </div>
  );
}

/** An alert about a list itself: older than its expected refresh interval (no record, no target). */
function StaleListBody({ alert }: { alert: AlertDetail['alert'] }) {
  const detail = readAlertDetail(alert.detail);
  const d = alert.detail as { published_at?: string | null; expected_days?: number } | null;
  return (
    <Section title="What raised it" id="change">
      <p className="reason"><strong>{alert.reason}</strong></p>
      <p className="muted">
        {detail.list && <>Live version: <strong className="list-version">{detail.list.dataset} {detail.list.version}</strong>, published {d?.published_at ?? 'on an unknown date'}; expected every {d?.expected_days ?? '?'} days. </>}
        Raised <time dateTime={alert.created_at}>{alert.created_at.slice(0, 19).replace('T', ' ')}</time>; it resolves itself when a new version arrives (<code>interdict sync</code>, or the sync schedule).
      </p>
      <p><a href={href('lists')}>Lists and their versions</a></p>
    </Section>
  );
}

function AlertBody({ data }: { data: AlertDetail }) {
  const { alert } = data;
  const detail = readAlertDetail(alert.detail);
  return (
    <>
      <Section title="What raised it" id="change">
        <p className="reason"><strong>{alert.reason}</strong></p>
        {detail.returned && <p className="hint">This pair was cleared as a false positive before; it is back because something changed.</p>}
        {detail.changes.length > 0 && <ul aria-label="Changes">{detail.changes.map((c) => <li key={c}>{c}</li>)}</ul>}
        <p className="muted">
          {detail.list ? <>List version: <strong className="list-version">{detail.list.dataset} {detail.list.version}</strong></> : 'Raised when the record was uploaded and screened.'} Raised <time dateTime={alert.created_at}>{alert.created_at.slice(0, 19).replace('T', ' ')}</time>.
        </p>
      </Section>
      <HitSides alert={alert} uploaded={data.record} target={detail.target} before={detail.before} explanations={detail.explanations} />
      <Section title="Explanation" id="explanation">
        {detail.explanations.length === 0 ? <p className="muted">No explanation was kept for this alert.</p> : (
          <ul className="explanation-lines">
            {detail.explanations.map((l, i) => (
              <li key={i} className={l.weight < 0 ? 'against' : 'for'}>
                <span className="feature">{l.feature}</span> <span className="num">{l.weight >= 0 ? '+' : ''}{l.weight.toFixed(2)}</span> {l.detail}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

export default AlertPage;
