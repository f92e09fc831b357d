import type { SSEEvent } from '@ssekit/core';
import {
  hashKey,
  type QueryKey,
  skipToken,
  type UseQueryResult,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { eventValue } from '../parse';
import { eventList, type UseSSEOptions } from '../use-sse';
import { useStream } from '../use-stream';

export interface UseSSEQueryOptions<V, S>
  extends Omit<UseSSEOptions<V, S, S>, 'select' | 'initial'> {
  /** The cache entry the stream writes to; every `useQuery({ queryKey })` reader sees it. */
  queryKey: QueryKey;
  url: string | null;
  /** The data before the first event; without it the query is `pending` until then. */
  initial?: S;
}

/**
 * Streams events into the TanStack Query cache (`setQueryData`, at most once a frame by
 * default; every event reduced in order) and returns the query. A fatal stream error becomes
 * the query's error through a fetch that throws it (`fetchQuery`, public API); data already
 * received stays. A server `reset` (history lost) sets the cache entry back to `initial` at
 * once (or resets the query when there is none), and the retained events that follow refill it.
 */
export function useSSEQuery<V = unknown, S = V>(
  options: UseSSEQueryOptions<V, S>,
): UseQueryResult<S, Error> {
  const { queryKey, url, parse, reduce, initial } = options;
  const client = useQueryClient();
  // After a server reset the data starts over from `initial`, not from the cache entry the
  // stream started from (that belongs to the lost history).
  const restarted = useRef(false);
  const stream = useStream<S | undefined>(
    url,
    {
      ...options,
      onReset: (reset) => {
        if (reset.reason === 'server') {
          restarted.current = true;
          // The cache entry belongs to the lost history: readers (and a remount, which starts
          // from it) see `initial` at once, not only from the next event on.
          if (initial === undefined) void client.resetQueries({ queryKey, exact: true });
          else client.setQueryData<S>(queryKey, initial);
        }
        options.onReset?.(reset);
      },
    },
    eventList(options.event),
    client.getQueryData<S>(queryKey) ?? initial,
    (state, event: SSEEvent) => {
      const base = restarted.current ? initial : state;
      restarted.current = false;
      const value = eventValue(event, parse);
      return reduce ? reduce(base as S, value, event) : (value as unknown as S);
    },
    queryKey,
  );
  const query = useQuery<S, Error>({
    queryKey,
    queryFn: skipToken,
    staleTime: Number.POSITIVE_INFINITY,
    ...(initial === undefined ? {} : { initialData: initial }),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key's content is what matters
  useEffect(() => {
    // After a server reset the store holds what it started from (the old history's cache
    // entry) until the next event: the entry was set to `initial` by `onReset`.
    if (stream.data !== undefined && !restarted.current)
      client.setQueryData<S>(queryKey, stream.data);
  }, [client, stream.data, hashKey(queryKey)]);

  const fatal = stream.status === 'closed' ? stream.error : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key's content is what matters
  useEffect(() => {
    if (!fatal) return;
    // Public API only: a fetch whose queryFn throws is how TanStack puts an error in a cache
    // entry (status `error`, `data` kept), for this hook and every reader of the key.
    void client
      .fetchQuery<S, Error>({
        queryKey,
        queryFn: () => Promise.reject(fatal),
        retry: false,
        staleTime: 0,
      })
      .catch(() => {});
  }, [client, fatal, hashKey(queryKey)]);

  return query;
}
