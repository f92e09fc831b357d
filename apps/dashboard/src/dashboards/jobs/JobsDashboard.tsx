import './jobs.css';
import { type JobProgress, type NotificationItem, ToastViewport } from '@ssekit/ui';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useId, useReducer, useRef, useState } from 'react';
import { type JobSpec, startJob } from './api';
import { JobCard } from './JobCard';
import { type Job, jobsReducer } from './jobs';

export interface JobsDashboardProps {
  /** Base URL of the SSE backend; `''` is this origin. Uses `POST /sse/jobs` and `GET /sse/jobs/:id`. */
  baseUrl?: string;
}

const DURATIONS = [
  { ms: 4000, label: '4 s' },
  { ms: 8000, label: '8 s' },
  { ms: 15000, label: '15 s' },
];

type Outcome = 'done' | 'failed';

/**
 * Jobs and ops: start jobs (several run at once), follow each one's progress and build log live,
 * get a toast when one fails, and retry it. Starting a job is a TanStack Query mutation; its
 * events are an SSE stream per job.
 */
export function JobsDashboard({ baseUrl = '' }: JobsDashboardProps) {
  const [jobs, dispatch] = useReducer(jobsReducer, []);
  const [outcomes, setOutcomes] = useState<Readonly<Record<string, Outcome>>>({});
  const [toasts, setToasts] = useState<readonly NotificationItem[]>([]);
  const [durationMs, setDurationMs] = useState(DURATIONS[0]!.ms);
  const [fail, setFail] = useState(false);
  const id = useId();

  const start = useMutation({
    mutationFn: (input: { spec: JobSpec; retryOf?: Job }) => startJob(baseUrl, input.spec),
    onSuccess: (started, { spec, retryOf }) => {
      dispatch({ type: 'started', job: { ...started, spec, retryOf: retryOf?.id } });
      if (retryOf) dispatch({ type: 'retried', id: retryOf.id, by: started.id });
    },
  });
  const retrying = start.isPending ? start.variables?.retryOf?.id : undefined;

  const seen = useRef(new Set<string>());
  const onEnd = useCallback((job: Job, progress: JobProgress) => {
    if (seen.current.has(job.id)) return;
    seen.current.add(job.id);
    const outcome: Outcome = progress.state === 'failed' ? 'failed' : 'done';
    setOutcomes((o) => ({ ...o, [job.id]: outcome }));
    if (outcome === 'failed') {
      const title = `Job ${job.id} failed`;
      setToasts((t) => [...t, { id: job.id, kind: 'error', title, body: progress.error }]);
    }
  }, []);
  const onRetry = useCallback(
    // The mock server fails a job only when asked: the retry runs without the injected failure.
    (job: Job) => start.mutate({ spec: { ...job.spec, fail: false }, retryOf: job }),
    [start.mutate],
  );

  const running = jobs.filter((j) => !outcomes[j.id]).length;
  const failed = jobs.filter((j) => outcomes[j.id] === 'failed').length;
  const done = jobs.filter((j) => outcomes[j.id] === 'done').length;
  return (
    <div className="jobs">
      <section className="jobs-panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Start a job</h2>
        <form
          className="jobs-form"
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate({ spec: { durationMs, fail } });
          }}
        >
          <label>
            Duration
            <select
              value={durationMs}
              onChange={(e) => setDurationMs(Number(e.currentTarget.value))}
            >
              {DURATIONS.map((d) => (
                <option key={d.ms} value={d.ms}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <label className="jobs-check">
            <input
              type="checkbox"
              checked={fail}
              onChange={(e) => setFail(e.currentTarget.checked)}
            />
            Make it fail
          </label>
          <button type="submit" className="jobs-primary" disabled={start.isPending && !retrying}>
            Start job
          </button>
          <button
            type="button"
            onClick={() => {
              start.mutate({ spec: { durationMs, fail: false } });
              start.mutate({ spec: { durationMs: durationMs * 1.5, fail: true } });
              start.mutate({ spec: { durationMs: durationMs * 2, fail: false } });
            }}
          >
            Start three
          </button>
        </form>
        {start.isError && (
          <p className="jobs-error" role="alert">
            {start.error.message}
          </p>
        )}
        <p className="jobs-summary" role="status">
          {running} running, {done} done, {failed} failed
        </p>
      </section>
      {jobs.length === 0 ? (
        <p className="jobs-empty">
          No jobs yet. Start one: its progress and build log stream here.
        </p>
      ) : (
        <ul className="jobs-list" aria-label="Jobs">
          {jobs.map((job) => (
            <JobCard
              key={job.id}
              job={job}
              baseUrl={baseUrl}
              onEnd={onEnd}
              onRetry={onRetry}
              retrying={retrying === job.id}
            />
          ))}
        </ul>
      )}
      <ToastViewport
        toasts={toasts}
        onDismiss={(toastId) => setToasts((t) => t.filter((x) => x.id !== toastId))}
        label="Job failures"
        durationMs={8000}
      />
    </div>
  );
}
