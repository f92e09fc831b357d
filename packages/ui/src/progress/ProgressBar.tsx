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
 * then `done` or `failed`; a stream that fails for good shows as failed with its error. The ref and any HTML attributes go to the root element.
 *
 * @example
 * <ProgressBar url="/sse/jobs/demo" label="Deploy" />
 */
export const ProgressBar = forwardRef<HTMLDivElement, ProgressBarProps>(function ProgressBar(
  { url, options, ...view },
  ref,
) {
  const { data, status, error } = useSSE<unknown, JobProgress>(url, {
    ...options,
    event: JOB_EVENTS,
    reduce: progressReducer,
    initial: initialProgress,
  });
  // A stream that failed for good before the job ended is a failed job (never a frozen bar).
  const lost = status === 'closed' && error !== null && data.state !== 'done';
  return (
    <ProgressBarView
      {...view}
      ref={ref}
      value={data.percent}
      state={lost ? 'failed' : data.state}
      stage={data.stage}
      etaMs={data.etaMs}
      error={data.state === 'failed' ? data.error : lost ? error.message : undefined}
    />
  );
});
