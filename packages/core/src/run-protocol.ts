/**
 * The wire protocol of resumable runs (one AI generation that outlives its connection), shared
 * by `@ssekit/server`'s runs and the token hook:
 *
 * - a run's events have IDs `<runId>:<seq>` (`seq` 1, 2, 3, ...); the first event of every
 *   response about a run is a {@link RUN_EVENT} with ID `<runId>:0` and data {@link RunInfo};
 * - join (a reload, another tab, another instance): `GET` the same URL with
 *   `Last-Event-ID: <runId>:<seq>`; the events after `seq` are replayed, then the live ones;
 * - cancel: `DELETE` the same URL with the header {@link RUN_ID_HEADER}`: <runId>`; the run
 *   ends with a {@link RUN_EVENT} whose state is `cancelled`.
 */
export const RUN_EVENT = 'ssekit-run';

/** The request header naming the run to cancel. */
export const RUN_ID_HEADER = 'x-ssekit-run';

/** The state of a run, as the data of a {@link RUN_EVENT}. */
export interface RunInfo {
  id: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Why a failed run failed. */
  message?: string;
}

/** The run and position of an event ID of a run (`<runId>:<seq>`), or undefined. */
export function parseRunEventId(id: string): { runId: string; seq: number } | undefined {
  const colon = id.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const seq = id.slice(colon + 1);
  if (!/^\d{1,15}$/.test(seq)) return undefined;
  return { runId: id.slice(0, colon), seq: Number(seq) };
}
