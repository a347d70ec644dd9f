// Follows one job: asks for it every second while it may still move, then stops. Mount it keyed by the
// job's id: a new job is a new follower.
import { useEffect, useState } from 'react';
import { isRunning, jobsApi, type Job } from '../api/jobs.ts';

const POLL_MS = 1000;

export function useJob(first: Job): { job: Job; error: Error | undefined } {
  const [job, setJob] = useState<Job>(first);
  const [error, setError] = useState<Error>();
  useEffect(() => {
    if (!isRunning(job.state)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      jobsApi.get(job.id, controller.signal).then(setJob, (e: Error) => !controller.signal.aborted && setError(e));
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [job]);
  return { job, error };
}
