import type { StreamStatus } from '@ssekit/core';
import { forwardRef, useEffect, useState } from 'react';
import { partClass, type StyleProps } from '../shared/classes';
import { formatDuration } from '../shared/duration';
import type { RootProps } from '../shared/props';

/** ConnectionStatusView's own props (besides the root `div`'s HTML attributes). */
export interface ConnectionStatusViewOwnProps extends StyleProps {
  status: StreamStatus;
  /** The error that closed the stream (shown as the `error` state) or the last transient one. */
  error?: Error | null;
  /** When the next reconnect attempt is due (epoch ms), while reconnecting. */
  nextRetryAt?: number | null;
  /** When given, a Reconnect button shows while reconnecting or closed. */
  onReconnect?: () => void;
  /** Prefix of the status text. Default `Connection`. */
  label?: string;
}

/** ConnectionStatusView's props: its own plus the HTML attributes of its root `div`. */
export type ConnectionStatusViewProps = RootProps<ConnectionStatusViewOwnProps, 'div'>;

const TEXT: Record<StreamStatus, string> = {
  connecting: 'connecting…',
  open: 'live',
  reconnecting: 'reconnecting',
  closed: 'closed',
};

/**
 * A connection indicator (controlled) with `role="status"`: connecting, open,
 * reconnecting (counting down to the next attempt), closed or error.
 */
export const ConnectionStatusView = forwardRef<HTMLDivElement, ConnectionStatusViewProps>(
  function ConnectionStatusView(
    { status, error, nextRetryAt, onReconnect, label = 'Connection', className, unstyled, ...rest },
    ref,
  ) {
    const now = useNow(status === 'reconnecting' && nextRetryAt ? 250 : null);
    const state = status === 'closed' && error ? 'error' : status;
    let text = `${label}: ${TEXT[status]}`;
    if (status === 'reconnecting' && nextRetryAt) {
      const left = nextRetryAt - now;
      text += left > 0 ? ` in ${formatDuration(left)}` : ' now';
    }
    if (state === 'error') text = `${label} failed: ${error?.message ?? 'unknown error'}`;
    return (
      <div
        {...rest}
        ref={ref}
        className={partClass('status', unstyled, className)}
        data-ssekit="connection-status"
        data-state={state}
      >
        <span
          className={partClass('status-dot', unstyled)}
          data-ssekit="connection-dot"
          aria-hidden="true"
        />
        <span role="status" data-ssekit="connection-text">
          {text}
        </span>
        {onReconnect && (status === 'reconnecting' || status === 'closed') && (
          <button
            type="button"
            className={partClass('button', unstyled)}
            data-ssekit="connection-reconnect"
            onClick={onReconnect}
          >
            Reconnect
          </button>
        )}
      </div>
    );
  },
);

/** The current time, refreshed every `intervalMs` while given (for countdowns). */
function useNow(intervalMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (intervalMs === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
