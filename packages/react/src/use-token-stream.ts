import {
  type ConnectOptions,
  connect,
  RUN_ID_HEADER,
  type SSEEvent,
  ssekitTokens,
  type TokenPart,
  type TokenProtocol,
} from '@ssekit/core';
import { useState, useSyncExternalStore } from 'react';
import type { BatchMode } from './batch';
import { tokenText } from './parse';
import { useSSEContext } from './provider';
import { pickConnectOptions, resolveRequest } from './request';
import type { SmoothOptions } from './smooth-text';
import { createTokenStore, type TokenStatus } from './token-store';
import { useLatest } from './use-stream';

export interface UseTokenStreamOptions extends Omit<ConnectOptions, 'body'> {
  url: string;
  /**
   * The wire format of the answers: `ssekitTokens` (default), `openAIChat`, `openAIResponses`,
   * `anthropicMessages`, `aiSdkUIMessages`, or your own {@link TokenProtocol}.
   */
  protocol?: TokenProtocol;
  /** Without `protocol`: the event that carries a piece of text. Default `'token'`. */
  event?: string;
  /** Without `protocol`: the event that ends the answer. Default `'done'`. */
  done?: string;
  /**
   * Without `protocol`: the text piece of a token event (default: `{ "text": "..." }`'s text,
   * else the raw data). A result that is not a string appends nothing.
   */
  parse?: (data: string, event: SSEEvent) => string | undefined;
  /** How often the text is published; default `'frame'`. */
  batch?: BatchMode;
  /**
   * Reveal bursty text evenly (`true`, or `{ windowMs }`: a burst shows in full within that
   * time). Off by default; the end of an answer shows everything at once, never later.
   */
  smooth?: boolean | SmoothOptions;
  /**
   * The key under which a running run (a resumable answer, see `@ssekit/server` runs) is kept
   * in session storage, so that a reload joins it again. Default: the URL; `false`: not kept.
   */
  resumeKey?: string | false;
}

export interface UseTokenStreamResult {
  text: string;
  /** What is not text (reasoning, tool calls, usage, finish reason), joined per block. */
  parts: readonly TokenPart[];
  status: TokenStatus;
  error: Error | null;
  /** POSTs `body` (objects as JSON) and streams the answer; cancels a running one first. */
  start(body?: unknown): void;
  /** Aborts the answer (and cancels its run on the server); status `stopped`, the text stays. */
  stop(): void;
  /** Aborts and clears the text; status `idle`. */
  reset(): void;
}

/** The protocol of the `event` / `done` / `parse` options (the format before protocols). */
function customProtocol(o: UseTokenStreamOptions): TokenProtocol {
  if (o.event === undefined && o.done === undefined && o.parse === undefined) return ssekitTokens;
  const token = o.event ?? 'token';
  const done = o.done ?? 'done';
  const parse = o.parse ?? tokenText;
  return {
    name: 'custom',
    events: [token, done],
    reader: () => (event) => {
      if (event.event === done) return { done: true };
      const piece = parse(event.data, event);
      return typeof piece === 'string' ? { text: piece } : undefined;
    },
  };
}

/**
 * Streams an AI answer: `start(body)` POSTs the prompt and `text` grows until the protocol's
 * end (status `done`); a provider's error event gives status `error` with a `ProviderError`.
 * A prompt is never re-sent by itself. With a server that runs answers as resumable runs, a
 * dropped connection or a reload joins the run again, and `stop()` cancels it on the server.
 *
 * @example
 * const { text, status, start } = useTokenStream({ url: '/api/chat', protocol: anthropicMessages });
 */
export function useTokenStream(options: UseTokenStreamOptions): UseTokenStreamResult {
  const ctx = useSSEContext();
  const latest = useLatest({ options, defaults: ctx.defaults });
  const [store] = useState(() => {
    const resolve = (url: string, connectOptions: ConnectOptions) =>
      resolveRequest(url, connectOptions, latest.current.defaults);
    return createTokenStore({
      open: (url, connectOptions) => {
        const request = resolve(url, connectOptions);
        return connect(request.url, request.options);
      },
      cancel: (url, runId) => {
        const request = resolve(url, pickConnectOptions(latest.current.options));
        void cancelRun(request.url, request.options, runId);
      },
      current: () => {
        const o = latest.current.options;
        const { smooth } = o;
        return {
          url: o.url,
          protocol: o.protocol ?? customProtocol(o),
          options: pickConnectOptions(o),
          resumeKey: o.resumeKey === false ? null : (o.resumeKey ?? o.url),
          smooth: smooth ? (smooth === true ? {} : smooth) : null,
        };
      },
      batch: options.batch ?? 'frame',
    });
  });
  const snapshot = useSyncExternalStore(
    store.subscribe,
    store.getSnapshot,
    store.getServerSnapshot,
  );
  return { ...snapshot, start: store.start, stop: store.stop, reset: store.reset };
}

/** `DELETE url` naming the run: the server stops generating it. Failures are ignored. */
async function cancelRun(url: string, options: ConnectOptions, runId: string) {
  try {
    const { headers } = options;
    const resolved = typeof headers === 'function' ? await headers() : (headers ?? {});
    const send = options.fetch ?? globalThis.fetch;
    const response = await send(url, {
      method: 'DELETE',
      headers: { ...resolved, [RUN_ID_HEADER]: runId },
      credentials: options.credentials,
      keepalive: true,
    });
    await response.body?.cancel();
  } catch {
    // the run ends by itself on the server; nothing to tell the user
  }
}
