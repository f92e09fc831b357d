import { useSSE } from '@ssekit/react';
import { forwardRef, useMemo } from 'react';
import type { ConnectedProps } from '../shared/connected';
import { LogStreamView, type LogStreamViewProps } from './LogStreamView';
import { initialLog, type LogState, logReducer } from './logState';

/** LogStream's props: the connection and every LogStreamView prop but the lines. */
export type LogStreamProps = ConnectedProps &
  Omit<LogStreamViewProps, 'lines' | 'end' | 'status' | 'error'>;

const LOG_EVENTS = ['log', 'end'] as const;

/**
 * A live log (connected): `log` events (`{ line, level, text }`, ANSI colours allowed) and a
 * final `end` (`{ status }`). Keeps at most `maxEvents` lines. The ref and any HTML attributes
 * go to the root element.
 *
 * @example
 * <LogStream url="/sse/logs?lines=500" maxEvents={2000} />
 */
export const LogStream = forwardRef<HTMLDivElement, LogStreamProps>(function LogStream(
  { url, options, maxEvents = 5000, ...view },
  ref,
) {
  const reduce = useMemo(() => logReducer(maxEvents), [maxEvents]);
  const { data, status, error } = useSSE<unknown, LogState>(url, {
    ...options,
    event: LOG_EVENTS,
    reduce,
    initial: initialLog,
  });
  return (
    <LogStreamView
      {...view}
      ref={ref}
      lines={data.lines}
      end={data.end}
      status={status}
      error={error}
      maxEvents={maxEvents}
    />
  );
});
