// #/jobs: recent background jobs (re-screens, syncs, webhook deliveries) with their state, progress,
// attempts, times and outcome, newest first; the page asks again every second while any may still move.
import { useEffect, useState } from 'react';
import { JOB_NAMES, JOB_STATES, isRunning, jobsApi, type JobQuery } from '../api/jobs.ts';
import { useApi } from '../lib/useApi.ts';
import { ErrorMessage, Loading, Section } from '../components/common.tsx';
import { JobOutcome, JobProgress, JobState } from '../components/jobs/JobProgress.tsx';
import '../components/jobs/jobs.css';

const POLL_MS = 1000;
const time = (iso: string | null) => (iso ? <time dateTime={iso}>{iso.slice(0, 19).replace('T', ' ')}</time> : <span className="muted">—</span>);

export function JobsPage() {
  const [filter, setFilter] = useState<Pick<JobQuery, 'name' | 'state'>>({});
  const [tick, setTick] = useState(0);
  const jobs = useApi((signal) => jobsApi.list({ ...filter, limit: 100 }, signal), [filter.name, filter.state, tick]);
  const list = jobs.data?.results ?? [];
  const moving = list.some((j) => isRunning(j.state));
  useEffect(() => {
    if (!moving || jobs.loading) return;
    const timer = setTimeout(() => setTick((t) => t + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [moving, jobs.loading, jobs.data]);

  return (
    <div className="page jobs-page">
      <h1>Jobs</h1>
      <p className="muted">Work done outside requests by the servers and workers: re-screens after list changes or asked for by hand, scheduled syncs, webhook deliveries.</p>
      <form className="filters inline-form" aria-label="Filter the jobs" onSubmit={(e) => e.preventDefault()}>
        <label>Name<select value={filter.name ?? ''} onChange={(e) => setFilter((f) => ({ ...f, name: e.target.value || undefined }))}>
          <option value="">any</option>
          {JOB_NAMES.map((n) => <option key={n} value={n}>{n}</option>)}
        </select></label>
        <label>State<select value={filter.state ?? ''} onChange={(e) => setFilter((f) => ({ ...f, state: (e.target.value || undefined) as JobQuery['state'] }))}>
          <option value="">any</option>
          {JOB_STATES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select></label>
      </form>
      <Section title="Recent jobs" id="jobs">
        {jobs.error && <ErrorMessage error={jobs.error} what="the jobs" />}
        {!jobs.data && jobs.loading && <Loading what="the jobs" />}
        {jobs.data && list.length === 0 && <p className="muted">No jobs{filter.name || filter.state ? ' match' : ' yet'}.</p>}
        {list.length > 0 && (
          <div className="table-wrap">
            <table className="jobs-table" aria-label="Jobs">
              <thead><tr><th scope="col">Job</th><th scope="col">State</th><th scope="col">Progress</th><th scope="col" className="num">Attempts</th><th scope="col">Started</th><th scope="col">Finished</th><th scope="col">Result or error</th></tr></thead>
              <tbody>
                {list.map((j) => (
                  <tr key={j.id} data-job={j.id} data-name={j.name}>
                    <td><strong>{j.name}</strong> <span className="muted small">{describe(j.data)}</span></td>
                    <td><JobState job={j} /></td>
                    <td><JobProgress job={j} /></td>
                    <td className="num">{j.attempts} of {j.max_attempts}</td>
                    <td>{time(j.started_at)}</td>
                    <td>{time(j.finished_at)}</td>
                    <td className="outcome"><JobOutcome job={j} /></td>
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

/** What a job is about, from its input: the portfolio, the list change or the lists synced. */
function describe(data: unknown): string {
  if (typeof data !== 'object' || data === null) return '';
  const d = data as Record<string, unknown>;
  if (typeof d.portfolio === 'string') return `portfolio ${d.portfolio}`;
  if (typeof d.dataset === 'string') return `${d.dataset} ${String(d.from ?? '')} → ${String(d.to ?? '')}`;
  if (Array.isArray(d.datasets)) return `${d.datasets.length ? d.datasets.join(', ') : 'every list'}${typeof d.actor === 'string' ? ` · by ${d.actor}` : ''}`;
  if (typeof d.event === 'string') return d.event;
  return '';
}

export default JobsPage;
