import type { SSEEvent } from '@ssekit/react';
import type { LogLine } from './LogStreamView';

/** Lines received (bounded) and how the log ended, if it did. */
export interface LogState {
  lines: readonly LogLine[];
  end: 'success' | 'failed' | null;
}

export const initialLog: LogState = { lines: [], end: null };

/** A reducer for `log` and `end` events that keeps at most `maxEvents` lines. */
export function logReducer(maxEvents: number) {
  return (state: LogState, value: unknown, event: SSEEvent): LogState => {
    const data =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    if (event.event === 'end')
      return { ...state, end: data.status === 'failed' ? 'failed' : 'success' };
    const text = typeof data.text === 'string' ? data.text : typeof value === 'string' ? value : '';
    const level = data.level;
    const line: LogLine = {
      id: typeof data.line === 'number' ? data.line : event.id || undefined,
      level:
        level === 'debug' || level === 'info' || level === 'warn' || level === 'error'
          ? level
          : undefined,
      text,
      time: typeof data.time === 'number' ? data.time : undefined,
    };
    const keep =
      state.lines.length >= maxEvents
        ? state.lines.slice(state.lines.length - maxEvents + 1)
        : state.lines;
    return { lines: [...keep, line], end: state.end };
  };
}
