import type { SSEEvent } from '@ssekit/react';
import type { ProgressState } from './ProgressBarView';

/** What a job stream has said so far. */
export interface JobProgress {
  percent: number | null;
  state: ProgressState;
  stage?: string;
  etaMs?: number | null;
  error?: string;
  result?: string;
}

/** Before the first event. */
export const initialProgress: JobProgress = { percent: null, state: 'indeterminate' };

/** Folds `progress`, `done` and `failed` events of a job stream. */
export function progressReducer(state: JobProgress, value: unknown, event: SSEEvent): JobProgress {
  const data =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  switch (event.event) {
    case 'progress': {
      const percent = typeof data.percent === 'number' ? data.percent : state.percent;
      return {
        percent,
        state: percent === null ? 'indeterminate' : 'running',
        stage: typeof data.stage === 'string' ? data.stage : state.stage,
        etaMs: typeof data.etaMs === 'number' ? data.etaMs : null,
      };
    }
    case 'done':
      return {
        ...state,
        percent: 100,
        state: 'done',
        etaMs: null,
        result: typeof data.result === 'string' ? data.result : undefined,
      };
    case 'failed':
      return {
        ...state,
        state: 'failed',
        etaMs: null,
        error: typeof data.error === 'string' ? data.error : 'The job failed',
      };
    default:
      return state;
  }
}
