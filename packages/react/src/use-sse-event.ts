import { requestKey, type SSEEvent } from '@ssekit/core';
import { useEffect, useState } from 'react';
import { eventValue, type ParseFn } from './parse';
import { useSSEContext } from './provider';
import { pickConnectOptions, resolveRequest, stableFunctions } from './request';
import type { StreamHookOptions } from './use-stream';
import { useLatest } from './use-stream';

export interface UseSSEEventOptions<V> extends Omit<StreamHookOptions, 'batch'> {
  /** Turns the data into the handler's value. Default: `JSON.parse`, the raw string if not JSON. */
  parse?: ParseFn<V>;
}

/**
 * Calls the latest `handler` for every `eventName` event (`'*'`: every event) without
 * re-rendering: for toasts, sounds, logging or writing into another store.
 */
export function useSSEEvent<V = unknown>(
  url: string | null,
  eventName: string,
  handler: (value: V, event: SSEEvent) => void,
  options: UseSSEEventOptions<V> = {},
): void {
  const ctx = useSSEContext();
  const enabled = options.enabled ?? true;
  const replayLast = options.replayLast ?? false;
  const connectOptions = pickConnectOptions(options);
  const latest = useLatest({
    handler,
    onReset: options.onReset,
    parse: options.parse,
    connectOptions,
    defaults: ctx.defaults,
  });
  // One identity for this hook's function options (headers, fetch) across renders and remounts.
  const [stable] = useState(() => stableFunctions(() => latest.current.connectOptions));
  const key = requestKey([url, enabled, replayLast, eventName, stable(connectOptions), ctx]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the request's identity
  useEffect(() => {
    if (!url || !enabled) return;
    const request = resolveRequest(
      url,
      stable(latest.current.connectOptions),
      latest.current.defaults,
    );
    const stream = ctx.getHub().connect(request.url, { ...request.options, replayLast });
    const off = stream.on(eventName, (event) => {
      const { handler, parse } = latest.current;
      handler(eventValue(event, parse), event);
    });
    const offReset = stream.onReset((reset) => latest.current.onReset?.(reset));
    return () => {
      off();
      offReset();
      stream.close();
    };
  }, [key]);
}
