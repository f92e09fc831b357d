import { useSSE } from '@ssekit/react';
import {
  ConnectionStatusView,
  type JobProgress,
  LogStream,
  ProgressBarView,
  progressReducer,
} from '@ssekit/ui';
import { useEffect, useId, useState } from 'react';
import type { Job } from './jobs';

const initial: JobProgress = { percent: null, state: 'indeterminate' };

export interface JobCardProps {
  job: Job;
  baseUrl: string;
  /** Called once when the job ends (`done` or `failed`). */
  onEnd: (job: Job, progress: JobProgress) => void;
  onRetry: (job: Job) => void;
  /** A retry of this job is being started. */
  retrying: boolean;
}

/** One job: its progress bar, stream status, build log and, after a failure, a retry button. */
export function JobCard({ job, baseUrl, onEnd, onRetry, retrying }: JobCardProps) {
  const stream = useSSE<unknown, JobProgress>(`${baseUrl}${job.url}`, {
    event: ['progress', 'done', 'failed'],
    initial,
    reduce: progressReducer,
  });
  const progress = stream.data;
  const ended = progress.state === 'done' || progress.state === 'failed';
  useEffect(() => {
    if (ended) onEnd(job, progress);
  }, [ended, job, progress, onEnd]);
  const [showLog, setShowLog] = useState(true);
  const logId = useId();
  const title = job.id;
  return (
    <li className="jobs-card" data-job={job.id} data-state={progress.state}>
      <header className="jobs-card-header">
        <h3>
          {title}
          {job.retryOf && <span className="jobs-card-note"> retry of {job.retryOf}</span>}
        </h3>
        {!ended && (
          <ConnectionStatusView
            label="Stream"
            status={stream.status}
            error={stream.error}
            nextRetryAt={stream.nextRetryAt}
            onReconnect={stream.reconnect}
          />
        )}
      </header>
      <ProgressBarView
        label="Progress"
        value={progress.percent}
        state={progress.state}
        stage={progress.stage}
        etaMs={progress.etaMs}
        error={progress.error}
      />
      {progress.state === 'done' && progress.result && (
        <p className="jobs-card-result">{progress.result}</p>
      )}
      {progress.state === 'failed' && (
        <div className="jobs-card-failure">
          <p role="alert">Failed: {progress.error}</p>
          {job.retriedBy ? (
            <p className="jobs-card-note">Retried as {job.retriedBy}</p>
          ) : (
            <button type="button" onClick={() => onRetry(job)} disabled={retrying}>
              {retrying ? 'Retrying…' : `Retry ${job.id}`}
            </button>
          )}
        </div>
      )}
      <button
        type="button"
        className="jobs-log-toggle"
        aria-expanded={showLog}
        aria-controls={logId}
        onClick={() => setShowLog((v) => !v)}
      >
        {showLog ? 'Hide build log' : 'Show build log'}
      </button>
      <div id={logId} hidden={!showLog}>
        {showLog && (
          <LogStream
            url={`${baseUrl}${job.url}/log`}
            label={`${title} build log`}
            height={140}
            maxEvents={500}
          />
        )}
      </div>
    </li>
  );
}
