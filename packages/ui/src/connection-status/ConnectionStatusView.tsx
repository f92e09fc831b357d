import type { StreamStatus } from '@ssekit/react';
import { forwardRef, useEffect, useState } from 'react';
import { formatIn } from '../i18n/format';
import { useText } from '../i18n/LocaleProvider';
import type { StatusLabels } from '../i18n/labels';
import { partClass, type StyleProps } from '../shared/classes';
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
  /** Prefix of the status text. Default: the `label` label (`Connection`). */
  label?: string;
  /** BCP 47 locale of the countdown. Default: the `LocaleProvider`'s (English without one). */
  locale?: string;
  /** Words of this status, over the `LocaleProvider`'s (English by default). */
  labels?: Partial<StatusLabels>;
}

/** ConnectionStatusView's props: its own plus the HTML attributes of its root `div`. */
export type ConnectionStatusViewProps = RootProps<ConnectionStatusViewOwnProps, 'div'>;

/**
 * A connection indicator (controlled) with `role="status"`: connecting, open,
 * reconnecting (counting down to the next attempt in the locale's words), closed or error.
 */
export const ConnectionStatusView = forwardRef<HTMLDivElement, ConnectionStatusViewProps>(
  function ConnectionStatusView(
    {
      status,
      error,
      nextRetryAt,
      onReconnect,
      label,
      locale: localeProp,
      labels,
      className,
      unstyled,
      ...rest
    },
    ref,
  ) {
    const { labels: l, t, locale } = useText('status', labels, localeProp);
    const now = useNow(status === 'reconnecting' && nextRetryAt ? 250 : null);
    const state = status === 'closed' && error ? 'error' : status;
    const name = label ?? l.label;
    let word: string = l[status];
    if (status === 'reconnecting' && nextRetryAt) {
      const left = nextRetryAt - now;
      word = left > 0 ? t('reconnectingIn', { in: formatIn(left, locale) }) : l.reconnectingNow;
    }
    const text =
      state === 'error'
        ? t('failed', { label: name, error: error?.message || l.unknownError })
        : t('text', { label: name, status: word });
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
            {l.reconnect}
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
