// #/alerts: the alert inbox, newest first, filtered by portfolio, list, status, kind, band, assignee and age, in
// pages; rows selected for bulk assignment or review; j/k move, Enter opens, x selects.
// #/alerts/ID is one alert (AlertPage).
import { useState } from 'react';
import { monitorApi, type AlertQuery } from '../api/monitor.ts';
import { useCatalog } from '../hooks/useCatalog.ts';
import { useMe } from '../hooks/useMe.ts';
import { useApi } from '../lib/useApi.ts';
import { href, navigate, type Route } from '../router.ts';
import { ErrorMessage, Loading, Section } from '../components/common.tsx';
import { AlertFilters, type InboxFilter } from '../components/monitor/AlertFilters.tsx';
import { AlertTable } from '../components/monitor/AlertTable.tsx';
import { BulkActions } from '../components/monitor/BulkActions.tsx';
import { AlertPage } from './AlertPage.tsx';
import '../components/monitor/monitor.css';

const PAGE = 50;
const FILTERS = ['portfolio', 'workspace', 'list', 'status', 'kind', 'band', 'assignee', 'older_than_days', 'since'] as const;

export function AlertsPage({ route }: { route: Route }) {
  const id = route.segments[1];
  return id ? <AlertPage id={id} /> : <Inbox route={route} />;
}

function Inbox({ route }: { route: Route }) {
  const filter: InboxFilter = Object.fromEntries(FILTERS.map((f) => [f, route.params.get(f) ?? undefined]));
  const offset = Number(route.params.get('offset') ?? 0) || 0;
  const [version, setVersion] = useState(0);
  const [cursor, setCursor] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<string[]>([]);
  const who = useMe();
  const portfolios = useApi((signal) => monitorApi.portfolios(signal), []);
  const catalog = useCatalog();
  const key = FILTERS.map((f) => filter[f] ?? '').join('\u0000');
  const alerts = useApi((signal) => monitorApi.alerts({ ...(filter as AlertQuery), limit: PAGE, offset }, signal), [key, offset, version]);
  const list = alerts.data?.results ?? [];
  const total = alerts.data?.total ?? 0;

  const go = (patch: InboxFilter & { offset?: number }) => {
    navigate(href('alerts', { ...filter, offset: undefined, ...patch }), true);
    setCursor(0);
    setSelected(new Set());
  };
  const toggle = (alertId: string) => setSelected((s) => {
    const next = new Set(s);
    if (!next.delete(alertId)) next.add(alertId);
    return next;
  });
  const toggleAll = () => setSelected((s) => (list.every((a) => s.has(a.id)) ? new Set() : new Set(list.map((a) => a.id))));
  const done = (found: string[]) => {
    setProblems(found);
    setSelected(new Set());
    setVersion((v) => v + 1);
  };

  return (
    <div className="page alerts-page">
      <h1>Alerts</h1>
      <p className="muted">What list changes did to your portfolios. Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> opens, <kbd>x</kbd> selects.</p>
      <AlertFilters filter={filter} portfolios={portfolios.data?.results ?? []} lists={(catalog.data ?? []).map((d) => d.name)} onChange={go} />
      {who.can('analyst') && <BulkActions selected={[...selected]} onDone={done} />}
      {problems.length > 0 && (
        <div className="message warning" role="alert"><strong>Some alerts were not changed:</strong><ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></div>
      )}
      <Section title={alerts.data ? `${total.toLocaleString('en')} ${total === 1 ? 'alert' : 'alerts'}` : 'Alerts'} id="inbox">
        {alerts.error && <ErrorMessage error={alerts.error} what="the alerts" />}
        {alerts.loading && !alerts.data && <Loading what="the alerts" />}
        {alerts.data && list.length === 0 && <p className="muted">No alert matches.</p>}
        {list.length > 0 && <AlertTable alerts={list} cursor={Math.min(cursor, list.length - 1)} onCursor={setCursor} selected={selected} onToggle={toggle} onToggleAll={toggleAll} />}
        {total > PAGE && (
          <div className="pager">
            <button type="button" className="secondary" disabled={offset === 0} onClick={() => go({ offset: Math.max(offset - PAGE, 0) || undefined })}>Previous</button>
            <span>{offset + 1}–{Math.min(offset + PAGE, total)} of {total}</span>
            <button type="button" className="secondary" disabled={offset + PAGE >= total} onClick={() => go({ offset: offset + PAGE })}>Next</button>
          </div>
        )}
      </Section>
    </div>
  );
}

export default AlertsPage;
