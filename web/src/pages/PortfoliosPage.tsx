// #/portfolios: the portfolios under watch with their record counts; an upload and a full re-screen
// followed as a job (analysts and above).
import { useState } from 'react';
import { monitorApi } from '../api/monitor.ts';
import { useMe } from '../hooks/useMe.ts';
import { useWorkspaceTitles } from '../hooks/useWorkspaceTitles.ts';
import { useApi } from '../lib/useApi.ts';
import { href } from '../router.ts';
import { ErrorMessage, Loading, Section } from '../components/common.tsx';
import { PortfolioUpload } from '../components/monitor/PortfolioUpload.tsx';
import { RescreenPortfolio } from '../components/jobs/RescreenPortfolio.tsx';
import '../components/jobs/jobs.css';
import '../components/monitor/monitor.css';

export function PortfoliosPage() {
  const [version, setVersion] = useState(0);
  const portfolios = useApi((signal) => monitorApi.portfolios(signal), [version]);
  const who = useMe();
  const workspaceName = useWorkspaceTitles();
  const list = portfolios.data?.results ?? [];

  return (
    <div className="page portfolios-page">
      <h1>Portfolios</h1>
      <p className="muted">Records you watch: each is screened when it arrives and again whenever a list changes; what changes raises an alert.</p>
      {who.can('analyst') && <PortfolioUpload portfolios={list} onUploaded={() => setVersion((v) => v + 1)} />}
      <Section title="Under watch" id="portfolios">
        {portfolios.error && <ErrorMessage error={portfolios.error} what="the portfolios" />}
        {portfolios.loading && !portfolios.data && <Loading what="the portfolios" />}
        {portfolios.data && list.length === 0 && <p className="muted">No portfolio yet.</p>}
        {list.length > 0 && (
          <div className="table-wrap">
            <table aria-label="Portfolios">
              <thead><tr><th scope="col">Name</th><th scope="col">Workspace</th><th scope="col" className="num">Records</th><th scope="col">Created</th><th scope="col">Alerts</th>{who.can('analyst') && <th scope="col">Re-screen against the live lists</th>}</tr></thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.id}>
                    <td>{p.name}</td>
                    <td title={p.workspace ?? undefined}>{workspaceName(p.workspace)}</td>
                    <td className="num">{p.records.toLocaleString('en')}</td>
                    <td>{p.created_at.slice(0, 10)}</td>
                    <td><a href={href('alerts', { portfolio: p.name, workspace: p.workspace ?? 'shared' })}>Alerts of {p.name}</a></td>
                    {who.can('analyst') && <td><RescreenPortfolio portfolio={p.name} workspace={p.workspace} /></td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </div>
  );
}

export default PortfoliosPage;
