import type { StreamStatus } from '@ssekit/react';

/** What a component shows besides its data: `loading`, `empty`, `stale`, `error` or `live`. */
export type ViewState = 'loading' | 'empty' | 'stale' | 'error' | 'live';

/** The stream state a controlled component may be given, as the hooks report it. */
export interface StreamStateProps {
  /** The stream's status; drives the loading, stale and error states. Default `open`. */
  status?: StreamStatus;
  /** The error that ended the stream (shown as the error state when `status` is `closed`). */
  error?: Error | string | null;
}

/** The state to show for a stream status, an error and whether there is any data. */
export function viewState(
  status: StreamStatus | undefined,
  error: Error | string | null | undefined,
  hasData: boolean,
): ViewState {
  if (error && (status === 'closed' || status === undefined)) return 'error';
  if (status === 'reconnecting') return 'stale';
  if (hasData) return 'live';
  return status === 'connecting' ? 'loading' : 'empty';
}

/** The message of an error given as an Error or a string. */
export function errorText(error: Error | string | null | undefined): string {
  return typeof error === 'string' ? error : (error?.message ?? '');
}
