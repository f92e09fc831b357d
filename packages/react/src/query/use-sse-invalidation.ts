import type { SSEEvent } from '@ssekit/core';
import { hashKey, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useSSEEvent } from '../use-sse-event';
import type { StreamHookOptions } from '../use-stream';

/** Which query keys an event invalidates: a map by event name, or a function of the event. */
export type InvalidationMap =
  | Readonly<Record<string, readonly QueryKey[]>>
  | ((event: SSEEvent) => readonly QueryKey[] | null | undefined);

export interface UseSSEInvalidationOptions extends Omit<StreamHookOptions, 'batch'> {
  /** Events within this window make one invalidation per key. Default 100 ms. */
  debounceMs?: number;
}

/**
 * Invalidates query keys when named events arrive (`{ 'order.updated': [['orders']] }`), so
 * readers refetch. Events within `debounceMs` of the first are collected: one invalidation per key.
 * A reset (history lost: events, and so invalidations, may have been missed) invalidates every
 * key of the map; a function gets the server's `reset` event like any other.
 */
export function useSSEInvalidation(
  url: string | null,
  keys: InvalidationMap,
  options: UseSSEInvalidationOptions = {},
): void {
  const client = useQueryClient();
  const { debounceMs = 100, ...streamOptions } = options;
  const pending = useRef(new Map<string, QueryKey>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = () => {
    timer.current = null;
    const due = [...pending.current.values()];
    pending.current.clear();
    for (const queryKey of due) void client.invalidateQueries({ queryKey });
  };

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      pending.current.clear();
    },
    [],
  );

  const invalidate = (matched: readonly QueryKey[] | null | undefined) => {
    if (!matched || matched.length === 0) return;
    for (const queryKey of matched) pending.current.set(hashKey(queryKey), queryKey);
    timer.current ??= setTimeout(flush, debounceMs);
  };
  const names = typeof keys === 'function' ? undefined : Object.keys(keys);
  useSSEEvent(
    url,
    '*',
    (_value, event) => invalidate(typeof keys === 'function' ? keys(event) : keys[event.event]),
    {
      ...streamOptions,
      // The native EventSource delivers to '*' only the names it was asked for.
      ...(names ? { events: [...names, ...(streamOptions.events ?? [])] } : {}),
      onReset: (reset) => {
        if (typeof keys !== 'function') for (const list of Object.values(keys)) invalidate(list);
        streamOptions.onReset?.(reset);
      },
      parse: (data) => data,
    },
  );
}
