// A job's state and how far it is: a progress bar with its message while it runs, then the outcome.
import type { Job } from '../../api/jobs.ts';
import { isRunning } from '../../api/jobs.ts';

export function JobState({ job }: { job: Job }) {
  return <span className={`badge job-state job-state-${job.state}`}>{job.state}</span>;
}

export function JobProgress({ job }: { job: Job }) {
  const percent = Math.round(job.progress * 100);
  if (!isRunning(job.state)) return <span className="small">{job.state === 'completed' ? 'done' : job.error ?? job.state}</span>;
  return (
    <span className="job-progress" role="status" aria-label={`Job ${job.name}: ${percent}%`}>
      <progress max={1} value={job.state === 'active' ? job.progress : undefined} /> {percent}%{job.message ? ` · ${job.message}` : ''}
    </span>
  );
}

/** What a finished job answered, in a line: its error, or its result as JSON. */
export function JobOutcome({ job }: { job: Job }) {
  if (job.error) return <span className="job-error">{job.error}</span>;
  if (job.result === null || job.result === undefined) return null;
  return <code className="small">{JSON.stringify(job.result)}</code>;
}
