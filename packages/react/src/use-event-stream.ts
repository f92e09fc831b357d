import type { SSEEvent, StreamStatus } from '@ssekit/core';
import { eventList } from './use-sse';
import { type StreamHookOptions, useLatest, useStream } from './use-stream';

export interface UseEventStreamOptions extends StreamHookOptions {
  /** Event name(s) to keep; default `'*'` (every event). */
  event?: string | readonly string[];
  /** Size of the `events` window: older events are dropped. Default 100. */
  maxEvents?: number;
}

export interface UseEventStreamResult {
  /** The most recent events (at most `maxEvents`), newest last. */
  events: readonly SSEEvent[];
  lastEvent: SSEEvent | null;
  status: StreamStatus;
  error: Error | null;
  lastEventId: string;
  /** When the next reconnect attempt is due (epoch ms), while `reconnecting`; otherwise null. */
  nextRetryAt: number | null;
  close(): void;
  reconnect(): void;
}

const EMPTY: readonly SSEEvent[] = [];

/** The raw events of a stream, as a bounded window, newest last. */
export function useEventStream(
  url: string | null,
  options: UseEventStreamOptions = {},
): UseEventStreamResult {
  const max = useLatest(Math.max(1, options.maxEvents ?? 100));
  const stream = useStream<readonly SSEEvent[]>(
    url,
    options,
    options.event === undefined ? ['*'] : eventList(options.event),
    EMPTY,
    (window, event) => {
      const keep =
        window.length >= max.current ? window.slice(window.length - max.current + 1) : window;
      return [...keep, event];
    },
  );
  return {
    events: stream.data,
    lastEvent: stream.data[stream.data.length - 1] ?? null,
    status: stream.status,
    error: stream.error,
    lastEventId: stream.lastEventId,
    nextRetryAt: stream.nextRetryAt,
    close: stream.close,
    reconnect: stream.reconnect,
  };
}
