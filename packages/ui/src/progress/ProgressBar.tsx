import { useSSE } from '@ssekit/react';
import { forwardRef } from 'react';
import type { ConnectedProps } from '../shared/connected';
import { ProgressBarView, type ProgressBarViewProps } from './ProgressBarView';
import { initialProgress, type JobProgress, progressReducer } from './progressState';

/** ProgressBar's props: the connection and every ProgressBarView prop but the job's state. */
export type ProgressBarProps = ConnectedProps &
  Omit<ProgressBarViewProps, 'value' | 'state' | 'stage' | 'etaMs' | 'error'>;

const JOB_EVENTS = ['progress', 'done', 'failed'] as const;

/**
 * The progress of a job stream (connected): `progress` events (`{ percent, stage, etaMs }`),
 * then `done` or `failed`. The ref and any HTML attributes go to the root element.
 *
 * @example
 * <ProgressBar url="/sse/jobs/job-1" label="Deploy" />
 */
export const ProgressBar = forwardRef<HTMLDivElement, ProgressBarProps>(function ProgressBar(
  { url, options, ...view },
  ref,
) {
  const { data } = useSSE<unknown, JobProgress>(url, {
    ...options,
    event: JOB_EVENTS,
    reduce: progressReducer,
    initial: initialProgress,
  });
  return (
    <ProgressBarView
      {...view}
      ref={ref}
      value={data.percent}
      state={data.state}
      stage={data.stage}
      etaMs={data.etaMs}
      error={data.error}
    />
  );
});
