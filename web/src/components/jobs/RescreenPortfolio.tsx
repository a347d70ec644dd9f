// A full re-screen of one portfolio against the live lists, queued as a job; its progress shows here
// while it runs, and the Jobs page has it too.
import { useState } from 'react';
import { jobsApi, type Job } from '../../api/jobs.ts';
import { useJob } from '../../hooks/useJob.ts';
import { href } from '../../router.ts';
import { ErrorMessage } from '../common.tsx';
import { JobOutcome, JobProgress } from './JobProgress.tsx';

export function RescreenPortfolio({ portfolio, workspace }: { portfolio: string; workspace: string | null }) {
  const [queued, setQueued] = useState<Job | null>(null);
  const [error, setError] = useState<Error>();
  const [sending, setSending] = useState(false);
  const start = async () => {
    setSending(true);
    setError(undefined);
    try {
      setQueued(await jobsApi.rescreenPortfolio(portfolio, workspace));
    } catch (e) {
      setError(e as Error);
    } finally {
      setSending(false);
    }
  };
  return (
    <span className="rescreen">
      <button type="button" className="secondary" disabled={sending} onClick={() => void start()} aria-label={`Re-screen ${portfolio}`}>Re-screen</button>
      {queued && <FollowedJob key={queued.id} first={queued} />}
      {error && <ErrorMessage error={error} what="the re-screen" />}
    </span>
  );
}

function FollowedJob({ first }: { first: Job }) {
  const { job, error } = useJob(first);
  return (
    <span className="followed-job" data-job={job.id}>
      {' '}<JobProgress job={job} /> <JobOutcome job={job} /> <a href={href('jobs')}>Jobs</a>
      {error && <ErrorMessage error={error} what="the job" />}
    </span>
  );
}
