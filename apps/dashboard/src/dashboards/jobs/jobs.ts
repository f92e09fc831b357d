import type { JobSpec, StartedJob } from './api';

/** A job on the board. */
export interface Job extends StartedJob {
  spec: JobSpec;
  /** The job this one retries. */
  retryOf?: string;
  /** Set once a retry of this job started. */
  retriedBy?: string;
}

export type JobsAction =
  | { type: 'started'; job: Job }
  | { type: 'retried'; id: string; by: string }
  | { type: 'clear'; ids: readonly string[] };

/** Newest first; at most `MAX_JOBS` (the oldest drop off). */
export const MAX_JOBS = 20;

export function jobsReducer(jobs: readonly Job[], action: JobsAction): readonly Job[] {
  switch (action.type) {
    case 'started':
      return [action.job, ...jobs].slice(0, MAX_JOBS);
    case 'retried':
      return jobs.map((j) => (j.id === action.id ? { ...j, retriedBy: action.by } : j));
    case 'clear':
      return jobs.filter((j) => !action.ids.includes(j.id));
  }
}
