import type { SSEEvent } from '@ssekit/core';
import { useMemo } from 'react';
import { eventValue, type ParseFn } from './parse';
import { type StreamHookOptions, type StreamHookState, useStream } from './use-stream';

export interface UseSSEOptions<V, S, R> extends StreamHookOptions {
  /** Event name(s) to listen to; `'*'` for all. Default `'message'`. */
  event?: string | readonly string[];
  /** Turns an event's data into a value. Default: `JSON.parse`, the raw string if not JSON. */
  parse?: ParseFn<V>;
  /** Folds every value into the state, once per event, in order. Default: the latest value. */
  reduce?: (state: S, value: V, event: SSEEvent) => S;
  /** The state before the first event (and for a `null` url). Read once per request. */
  initial?: S;
  /** Derives what the component gets from the state, at render time. */
  select?: (state: S) => R;
}

export interface UseSSEResult<R> extends StreamHookState {
  data: R;
}

/** Normalises the `event` option to a list. */
export function eventList(event: string | readonly string[] | undefined): readonly string[] {
  return typeof event === 'string' ? [event] : (event ?? ['message']);
}

/**
 * Live data from an SSE endpoint. `null` url: no connection, status `'closed'`, data `initial`.
 * Every event is parsed and reduced in order; React commits at most once a frame by default.
 */
export function useSSE<V = unknown, S = V | undefined, R = S>(
  url: string | null,
  options: UseSSEOptions<V, S, R> = {},
): UseSSEResult<R> {
  const { parse, reduce, select, initial, event } = options;
  const events = eventList(event);
  const stream = useStream<S>(url, options, events, initial as S, (state, ev) => {
    const value = eventValue(ev, parse);
    return reduce ? reduce(state, value, ev) : (value as unknown as S);
  });
  const data = useMemo(
    () => (select ? select(stream.data) : (stream.data as unknown as R)),
    [stream.data, select],
  );
  return { ...stream, data };
}
