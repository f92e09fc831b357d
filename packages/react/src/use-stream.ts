import { type ConnectOptions, requestKey, type SSEEvent, type StreamReset } from '@ssekit/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { BatchMode } from './batch';
import { useSSEContext } from './provider';
import { pickConnectOptions, resolveRequest, stableFunctions } from './request';
import { createStreamStore, type StreamSnapshot } from './stream-store';

/** Options every stream hook takes: the core connect options plus these. */
export interface StreamHookOptions extends ConnectOptions {
  /** `false` keeps the hook disconnected (like a `null` url). Default true. */
  enabled?: boolean;
  /** Ask the hub for the most recent event at once when joining a shared stream. */
  replayLast?: boolean;
  /** How often React sees new state; default `'frame'`. See {@link BatchMode}. */
  batch?: BatchMode;
  /**
   * Called when history was lost and the stream said so (see `StreamReset`): refetch what the
   * stream cannot replay. When the server could not resume, the hook's state also starts over
   * from `initial` before the retained events that follow. The count is the result's `resets`.
   */
  onReset?: (reset: StreamReset) => void;
}

/** `useLayoutEffect` in the browser, `useEffect` where there is no DOM (no SSR warning). */
export const useIsomorphicLayoutEffect =
  typeof document === 'undefined' ? useEffect : useLayoutEffect;

/** A ref that always holds the latest value (updated before effects run). */
export function useLatest<T>(value: T) {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

/** What every stream hook reports besides its data. */
export type StreamHookState = Omit<UseStreamResult<unknown>, 'data'>;

export interface UseStreamResult<D> extends StreamSnapshot<D> {
  /** Closes this hook's stream until `reconnect()`. */
  close(): void;
  /** Reconnects now (resuming with `Last-Event-ID`), or reopens after `close()`. */
  reconnect(): void;
}

/**
 * The machinery under the stream hooks: one store per request (url + request options),
 * bound with `useSyncExternalStore`; a new request gets a new store, so nothing from the
 * old stream reaches the new state.
 */
export function useStream<D>(
  url: string | null,
  options: StreamHookOptions,
  events: readonly string[],
  initial: D,
  fold: (state: D, event: SSEEvent) => D,
  /** More identity: a change starts a new store (e.g. a query key). */
  scope: unknown = null,
): UseStreamResult<D> {
  const ctx = useSSEContext();
  const enabled = options.enabled ?? true;
  const batch = options.batch ?? 'frame';
  const replayLast = options.replayLast ?? false;
  const latest = useLatest({ fold, options, defaults: ctx.defaults });
  // Function options (headers, fetch) get stand-ins of stable identity that call the latest
  // ones, so an inline function neither starts a new store nor a new connection.
  const [stable] = useState(() => stableFunctions(() => latest.current.options));
  const key = requestKey([
    url,
    enabled,
    batch,
    replayLast,
    events,
    stable(pickConnectOptions(options)),
    ctx,
    scope,
  ]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the request's identity
  const store = useMemo(() => {
    const target = enabled ? url : null;
    return createStreamStore<D>({
      open: target
        ? (lastEventId) => {
            const { options, defaults } = latest.current;
            const request = resolveRequest(target, stable(pickConnectOptions(options)), defaults);
            const resume = lastEventId ? { lastEventId } : {};
            return ctx.getHub().connect(request.url, { ...request.options, ...resume, replayLast });
          }
        : null,
      events,
      initial,
      fold: (state, event) => latest.current.fold(state, event),
      onReset: (reset) => latest.current.options.onReset?.(reset),
      batch,
    });
  }, [key]);

  const snapshot = useSyncExternalStore(
    store.subscribe,
    store.getSnapshot,
    store.getServerSnapshot,
  );
  return { ...snapshot, close: store.close, reconnect: store.reconnect };
}
