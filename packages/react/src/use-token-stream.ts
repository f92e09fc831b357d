import { type ConnectOptions, connect, type SSEEvent } from '@ssekit/core';
import { useState, useSyncExternalStore } from 'react';
import type { BatchMode } from './batch';
import { tokenText } from './parse';
import { useSSEContext } from './provider';
import { pickConnectOptions, resolveRequest } from './request';
import { createTokenStore, type TokenStatus } from './token-store';
import { useLatest } from './use-stream';

export interface UseTokenStreamOptions extends Omit<ConnectOptions, 'body'> {
  url: string;
  /** The event that carries a piece of text. Default `'token'`. */
  event?: string;
  /** The event that ends the answer. Default `'done'`. */
  done?: string;
  /** The text piece of a token event. Default: `{ "text": "..." }`'s text, else the raw data. */
  parse?: (data: string, event: SSEEvent) => string;
  /** How often the text is published; default `'frame'`. */
  batch?: BatchMode;
}

export interface UseTokenStreamResult {
  text: string;
  status: TokenStatus;
  error: Error | null;
  /** POSTs `body` (objects as JSON) and streams the answer; cancels a running one first. */
  start(body?: unknown): void;
  /** Aborts the request; status `stopped`, the text so far stays. */
  stop(): void;
  /** Aborts and clears the text; status `idle`. */
  reset(): void;
}

/**
 * Streams a POST answer token by token (AI chat). A finished or failed answer is never re-sent:
 * a dropped connection ends with status `error` and keeps the text received.
 */
export function useTokenStream(options: UseTokenStreamOptions): UseTokenStreamResult {
  const ctx = useSSEContext();
  const latest = useLatest({ options, defaults: ctx.defaults });
  const [store] = useState(() =>
    createTokenStore({
      open: (connectOptions) => {
        const request = resolveRequest(
          latest.current.options.url,
          connectOptions,
          latest.current.defaults,
        );
        return connect(request.url, request.options);
      },
      current: () => {
        const o = latest.current.options;
        return {
          token: o.event ?? 'token',
          done: o.done ?? 'done',
          text: o.parse ?? tokenText,
          options: pickConnectOptions(o),
        };
      },
      batch: options.batch ?? 'frame',
    }),
  );
  const snapshot = useSyncExternalStore(
    store.subscribe,
    store.getSnapshot,
    store.getServerSnapshot,
  );
  return { ...snapshot, start: store.start, stop: store.stop, reset: store.reset };
}
