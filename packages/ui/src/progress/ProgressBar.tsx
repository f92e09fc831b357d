import { useSSE } from '@ssekit/react';
import type { ConnectedProps } from '../shared/connected';
import { ProgressBarView, type ProgressBarViewProps } from './ProgressBarView';
import { initialProgress, type JobProgress, progressReducer } from './progressState';

export interface ProgressBarProps
  extends ConnectedProps,
    Omit<ProgressBarViewProps, 'value' | 'state' | 'stage' | 'etaMs' | 'error'> {}

const JOB_EVENTS = ['progress', 'done', 'failed'] as const;

/**
 * The progress of a job stream (connected): `progress` events (`{ percent, stage, etaMs }`),
 * then `done` or `failed`.
 *
 * @example
 * <ProgressBar url="/sse/jobs/job-1" label="Deploy" />
 */
export function ProgressBar({ url, options, ...view }: ProgressBarProps) {
  const { data } = useSSE<unknown, JobProgress>(url, {
    ...options,
    event: JOB_EVENTS,
    reduce: progressReducer,
    initial: initialProgress,
  });
  return (
    <ProgressBarView
      {...view}
      value={data.percent}
      state={data.state}
      stage={data.stage}
      etaMs={data.etaMs}
      error={data.error}
    />
  );
}
