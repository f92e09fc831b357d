import type { SSEEvent } from '@ssekit/core';
import { eventList } from './use-sse';
import { type StreamHookOptions, type StreamHookState, useLatest, useStream } from './use-stream';

export interface UseEventStreamOptions extends StreamHookOptions {
  /** Event name(s) to keep; default `'*'` (every event). */
  event?: string | readonly string[];
  /** Size of the `events` window: older events are dropped. Default 100. */
  maxEvents?: number;
}

export interface UseEventStreamResult extends StreamHookState {
  /** The most recent events (at most `maxEvents`), newest last. */
  events: readonly SSEEvent[];
  lastEvent: SSEEvent | null;
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
  const { data: events, ...state } = stream;
  return { ...state, events, lastEvent: events[events.length - 1] ?? null };
}
