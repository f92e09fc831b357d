import { useSSE } from '@ssekit/react';
import { useMemo } from 'react';
import { partClass } from '../shared/classes';
import type { ConnectedProps } from '../shared/connected';
import { LogStreamView, type LogStreamViewProps } from './LogStreamView';
import { initialLog, type LogState, logReducer } from './logState';

export interface LogStreamProps extends ConnectedProps, Omit<LogStreamViewProps, 'lines'> {}

const LOG_EVENTS = ['log', 'end'] as const;

/**
 * A live log (connected): `log` events (`{ line, level, text }`, ANSI colours allowed) and a
 * final `end` (`{ status }`). Keeps at most `maxLines` lines.
 *
 * @example
 * <LogStream url="/sse/logs?lines=500" maxLines={2000} />
 */
export function LogStream({ url, options, maxLines = 5000, ...view }: LogStreamProps) {
  const reduce = useMemo(() => logReducer(maxLines), [maxLines]);
  const { data } = useSSE<unknown, LogState>(url, {
    ...options,
    event: LOG_EVENTS,
    reduce,
    initial: initialLog,
  });
  return (
    <div data-ssekit="log-stream" data-state={data.end ?? 'streaming'}>
      <LogStreamView {...view} lines={data.lines} maxLines={maxLines} />
      {data.end && (
        <p
          className={partClass('log-end', view.unstyled)}
          data-ssekit="log-end"
          data-state={data.end}
        >
          {data.end === 'success' ? 'Finished successfully' : 'Finished with errors'}
        </p>
      )}
    </div>
  );
}
