import { type ConnectOptions, type EventStream, SSEError, type SSEEvent } from '@ssekit/core';
import { type BatchMode, createBatcher } from './batch';

/** `idle` before `start`, `streaming` while tokens arrive, then `done`, `error` or `stopped`. */
export type TokenStatus = 'idle' | 'streaming' | 'done' | 'error' | 'stopped';

export interface TokenSnapshot {
  text: string;
  status: TokenStatus;
  error: Error | null;
}

export interface TokenStoreConfig {
  /** Opens one answer's stream (a POST with `options.body`). */
  open: (options: ConnectOptions) => EventStream;
  /** Read when `start` runs, so the latest options apply. */
  current: () => {
    token: string;
    done: string;
    text: (data: string, event: SSEEvent) => string;
    options: ConnectOptions;
  };
  batch: BatchMode;
}

/** The body of a request: strings, forms and binary data as they are, anything else as JSON. */
function requestBody(body: unknown): { body: BodyInit | null; json: boolean } {
  if (body === undefined || body === null) return { body: null, json: false };
  if (
    typeof body === 'string' ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams)
  ) {
    return { body: body as BodyInit, json: false };
  }
  return { body: JSON.stringify(body), json: true };
}

function withJsonType(headers: ConnectOptions['headers']): ConnectOptions['headers'] {
  const json = { 'content-type': 'application/json' };
  if (typeof headers === 'function') return async () => ({ ...json, ...(await headers()) });
  return { ...json, ...headers };
}

/**
 * A framework-free store for one POST-driven token stream (an AI answer). An answer is never
 * re-sent: when the connection fails or ends before the `done` event, the status becomes
 * `error` and the text received so far stays.
 */
export function createTokenStore(config: TokenStoreConfig) {
  const listeners = new Set<() => void>();
  const idle: TokenSnapshot = { text: '', status: 'idle', error: null };
  let snapshot = idle;
  let text = '';
  let status: TokenStatus = 'idle';
  let error: Error | null = null;
  let release: (() => void) | null = null;

  const publish = () => {
    if (snapshot.text === text && snapshot.status === status && snapshot.error === error) return;
    snapshot = { text, status, error };
    for (const listener of listeners) listener();
  };
  const batcher = createBatcher(config.batch, publish);

  const end = (next: TokenStatus, err: Error | null = null) => {
    batcher.cancel();
    release?.();
    release = null;
    status = next;
    error = err;
    publish();
  };

  const stop = () => {
    if (release) end('stopped');
  };

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    getSnapshot: () => snapshot,
    getServerSnapshot: () => idle,
    /** Sends `body` and streams the answer; a running answer is cancelled first. */
    start(body?: unknown) {
      batcher.cancel();
      release?.();
      release = null;
      const { token, done, text: pieceOf, options } = config.current();
      const request = requestBody(body);
      text = '';
      let stream: EventStream;
      try {
        stream = config.open({
          ...options,
          method: options.method ?? 'POST',
          body: request.body,
          headers: request.json ? withJsonType(options.headers) : options.headers,
        });
      } catch (cause) {
        end('error', cause instanceof Error ? cause : new Error(String(cause)));
        return;
      }
      const offs = [
        stream.on('*', (event) => {
          if (event.event === token) {
            try {
              text += pieceOf(event.data, event);
            } catch (cause) {
              end('error', new SSEError('parse', `Could not read a token: ${cause}`, { cause }));
              return;
            }
            batcher.schedule();
          } else if (event.event === done) {
            end('done');
          }
        }),
        stream.onStatus((next) => {
          if (next === 'reconnecting') {
            end('error', stream.error ?? incomplete());
          } else if (next === 'closed' && release) {
            closed();
          }
        }),
      ];
      // Closed for good: a fatal error, a 204 (the answer is complete) or the caller's signal.
      const closed = () => {
        if (stream.error) end('error', stream.error);
        else end(options.signal?.aborted ? 'stopped' : 'done');
      };
      release = () => {
        for (const off of offs) off();
        stream.close();
      };
      status = 'streaming';
      error = null;
      if (stream.status === 'closed') closed();
      else publish();
    },
    /** Aborts the running request; the text so far stays. */
    stop,
    /** Aborts and clears: back to `idle`. */
    reset() {
      text = '';
      end('idle');
    },
  };
}

function incomplete() {
  return new SSEError('incomplete', 'The answer ended before its done event', { fatal: true });
}
