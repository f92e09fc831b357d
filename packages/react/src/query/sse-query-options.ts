import { type ConnectOptions, connect, type SSEEvent, type StreamReset } from '@ssekit/core';
import {
  type DataTag,
  type QueryKey,
  queryOptions,
  experimental_streamedQuery as streamedQuery,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { eventValue, type ParseFn } from '../parse';
import { eventList } from '../use-sse';

export interface SSEQueryOptions<V, S, K extends QueryKey> extends ConnectOptions {
  queryKey: K;
  url: string;
  /** Event name(s) that feed the query; `'*'` for all. Default `'message'`. */
  event?: string | readonly string[];
  /** Default: `JSON.parse`, the raw string if not JSON. */
  parse?: ParseFn<V>;
  /** Folds every value into the data, once per event, in order. Needs `initial`. */
  reduce?: (state: S, value: V, event: SSEEvent) => S;
  /** The data before the first event (with `reduce`). */
  initial?: S;
  /** Without `reduce`, the data is the values of the last `maxEvents` events. Default 100. */
  maxEvents?: number;
  /** What a refetch does with the data so far (TanStack's `streamedQuery`). Default `'reset'`. */
  refetchMode?: 'append' | 'reset' | 'replace';
  /** Called with each reset of the stream (the data starts over on a server reset). */
  onReset?: (reset: StreamReset) => void;
}

/** Marks the point where the server could not resume: the data starts over from there. */
const RESTART: SSEEvent = { event: '', data: '', id: '' };

/**
 * What {@link sseQueryOptions} returns: options for `useQuery` and friends whose `queryKey` is
 * tagged with the data type (written out, so the declaration holds for every version in the
 * peer range).
 */
export type SSEQueryResultOptions<S, K extends QueryKey> = UseQueryOptions<S, Error, S, K> & {
  queryKey: DataTag<K, S, Error>;
};

/**
 * Query options for `useQuery` / `prefetchQuery` whose `queryFn` is TanStack's `streamedQuery`
 * over an ssekit stream: the data grows with every event (reconnects resume with
 * `Last-Event-ID` without refetching; when the server cannot resume, its `reset` starts the data
 * over and the retained history refills it), the query is `success` from the first event and settles
 * when the server stops the stream (HTTP 204); a fatal error (4xx, wrong content type) is the
 * query's error. The connection closes when the query is cancelled or has no observers.
 *
 * @example
 * const { data } = useQuery(sseQueryOptions({ queryKey: ['job', id], url: `/jobs/${id}`, event: 'progress' }));
 */
export function sseQueryOptions<V = unknown, S = V[], K extends QueryKey = QueryKey>(
  options: SSEQueryOptions<V, S, K>,
): SSEQueryResultOptions<S, K> {
  const {
    queryKey,
    url,
    event,
    parse,
    reduce,
    initial,
    maxEvents = 100,
    refetchMode = 'reset',
    onReset,
    ...connectOptions
  } = options;
  const names = eventList(event);
  const all = names.includes('*');
  const resetEvent = connectOptions.resetEvent === undefined ? 'reset' : connectOptions.resetEvent;
  // The native EventSource delivers to '*' (what the iterator reads) only the names asked for.
  const events = all ? connectOptions.events : [...names, ...(connectOptions.events ?? [])];
  const toValue = (e: SSEEvent) => eventValue(e, parse);
  const append = (list: V[], e: SSEEvent) => {
    const next = [...list, toValue(e)];
    return next.length > maxEvents ? next.slice(next.length - maxEvents) : next;
  };

  return queryOptions({
    queryKey,
    queryFn: streamedQuery<SSEEvent, S, K>({
      streamFn: ({ signal }) => {
        const stream = connect(url, { ...connectOptions, events, signal });
        if (onReset) stream.onReset(onReset);
        return matching(stream, names, all, resetEvent);
      },
      refetchMode,
      reducer: (state, e) => {
        if (e === RESTART) return (reduce ? initial : []) as S;
        return reduce ? reduce(state, toValue(e), e) : (append(state as V[], e) as S);
      },
      initialValue: (reduce ? initial : []) as S,
    }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/**
 * The events of `names` (all with `all`); a server reset (the resume failed: the retained
 * history follows) becomes {@link RESTART}, so the data starts over instead of mixing histories.
 */
async function* matching(
  stream: AsyncIterable<SSEEvent>,
  names: readonly string[],
  all: boolean,
  resetEvent: string | null,
) {
  for await (const e of stream) {
    if (e.event === resetEvent) yield RESTART;
    else if (all || names.includes(e.event)) yield e;
  }
}
