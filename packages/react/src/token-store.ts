import {
  type ConnectOptions,
  type EventStream,
  HttpError,
  joinPart,
  RUN_EVENT,
  type RunInfo,
  SSEError,
  type SSEEvent,
  type TokenPart,
  type TokenProtocol,
  type TokenReader,
} from '@ssekit/core';
import { type BatchMode, createBatcher } from './batch';
import { requestBody, withJsonType } from './request-body';
import { type RememberedRun, recallRun, rememberRun } from './run-memory';
import { createTextPacer, type SmoothOptions, type TextPacer } from './smooth-text';

/** `idle` before `start`, `streaming` while tokens arrive, then `done`, `error` or `stopped`. */
export type TokenStatus = 'idle' | 'streaming' | 'done' | 'error' | 'stopped';

export interface TokenSnapshot {
  /** The answer's text so far (with smooth display, what is shown so far). */
  text: string;
  /** Reasoning, tool calls, usage, finish reason...: what is not text, joined per block. */
  parts: readonly TokenPart[];
  status: TokenStatus;
  error: Error | null;
}

export interface TokenStoreConfig {
  /** Opens a stream on the answer's URL (the hook resolves it against the provider's base). */
  open: (url: string, options: ConnectOptions) => EventStream;
  /** Asks the server to cancel a run (fire and forget). */
  cancel: (url: string, runId: string) => void;
  /** Read when an answer starts, so the latest options apply. */
  current: () => {
    url: string;
    protocol: TokenProtocol;
    options: ConnectOptions;
    /** Where a running run is remembered for a reload; null: not remembered. */
    resumeKey: string | null;
    smooth: SmoothOptions | null;
  };
  batch: BatchMode;
}

const EMPTY: readonly TokenPart[] = [];

/**
 * A framework-free store for one answer at a time (a POST-driven token stream). A prompt is
 * never re-sent: a connection that fails or ends before the protocol's end ends in `error` with
 * the text so far, unless the server runs the answer as a resumable run, which is then joined
 * (GET with `Last-Event-ID`) where it stopped. A running run is remembered in session storage
 * and joined again after a reload; `stop()` cancels it on the server.
 */
export function createTokenStore(config: TokenStoreConfig) {
  const listeners = new Set<() => void>();
  const idle: TokenSnapshot = { text: '', parts: EMPTY, status: 'idle', error: null };
  let snapshot = idle;
  let text = '';
  let parts: readonly TokenPart[] = EMPTY;
  let status: TokenStatus = 'idle';
  let error: Error | null = null;
  let release: (() => void) | null = null;
  let pacer: TextPacer | null = null;
  /** The run of the current answer, once the server announced one. */
  let run: RememberedRun | null = null;
  let resumeKey: string | null = null;
  /** The last event ID of the current answer (`<runId>:<seq>` for a run). */
  let lastId = '';
  /** Unsubscribed while a run was streaming: the next subscriber joins it again. */
  let detached = false;
  let scheduled: { cancelled: boolean } | null = null;

  const publish = () => {
    const shown = pacer && status === 'streaming' ? pacer.shown : text;
    const same =
      snapshot.text === shown &&
      snapshot.parts === parts &&
      snapshot.status === status &&
      snapshot.error === error;
    if (same) return;
    snapshot = { text: shown, parts, status, error };
    for (const listener of listeners) listener();
  };
  const batcher = createBatcher(config.batch, publish);

  const disconnect = () => {
    batcher.cancel();
    release?.();
    release = null;
  };

  const end = (next: TokenStatus, err: Error | null = null) => {
    disconnect();
    pacer?.flush();
    pacer = null;
    if (resumeKey) rememberRun(resumeKey, null);
    run = null;
    detached = false;
    status = next;
    error = err;
    publish();
  };

  const onRun = (event: SSEEvent, read: TokenReader) => {
    let info: Partial<RunInfo>;
    try {
      info = JSON.parse(event.data) as Partial<RunInfo>;
    } catch {
      return;
    }
    if (info.state === 'running' && typeof info.id === 'string' && !run) {
      run = { url: config.current().url, runId: info.id };
      readers.set(info.id, read);
      if (resumeKey) rememberRun(resumeKey, run);
    } else if (info.state === 'done') end('done');
    else if (info.state === 'cancelled') end('stopped');
    else if (info.state === 'failed') {
      end('error', new SSEError('run-failed', info.message ?? 'The run failed'));
    }
  };

  /** Reads one answer's stream with `read`; a POST that drops while in a run is joined by GET. */
  const attach = (
    stream: EventStream,
    protocol: TokenProtocol,
    read: TokenReader,
    join: boolean,
    signal?: AbortSignal,
  ) => {
    const all = protocol.events.includes('*');
    const names = new Set(protocol.events);
    const onEvent = (event: SSEEvent) => {
      if (event.id) lastId = event.id;
      if (event.event === RUN_EVENT) return onRun(event, read);
      if (!all && !names.has(event.event)) return;
      let step: ReturnType<TokenReader>;
      try {
        step = read(event);
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        const err = cause instanceof SSEError ? cause : null;
        end('error', err ?? new SSEError('parse', `Could not read a token: ${message}`, { cause }));
        return;
      }
      if (!step) return;
      if (typeof step.text === 'string' && step.text) {
        text += step.text;
        pacer?.update(text);
      }
      for (const part of step.parts ?? []) parts = joinPart(parts, part);
      if (step.error) end('error', step.error);
      else if (step.done) end('done');
      else batcher.schedule();
    };
    /** Whether a response stream opened (so a normal end before `done` is an early end). */
    let opened = false;
    // Closed for good: a fatal error, the end of the response, a 204 (nothing more to say) or
    // the caller's signal.
    const closed = () => {
      const gone = stream.error instanceof HttpError && [404, 410].includes(stream.error.status);
      if (join && gone && text === '') end('idle');
      else if (stream.error) end('error', stream.error);
      else if (signal?.aborted) end('stopped');
      else if (opened && !join) end('error', incomplete());
      else end('done');
    };
    const offs = [
      stream.on('*', onEvent),
      stream.onStatus((next) => {
        if (next === 'open') opened = true;
        if (next === 'reconnecting' && !join) {
          // A POST is never sent again: join the run where it stopped, or end in error.
          const current = run;
          if (current) connectJoin(current, lastId);
          else end('error', stream.error ?? incomplete());
        } else if (next === 'closed' && release === releaseThis) closed();
      }),
    ];
    const releaseThis = () => {
      for (const off of offs) off();
      stream.close();
    };
    release = releaseThis;
    if (stream.status === 'closed') closed();
  };

  /** Joins `remembered` by GET, after `from` (`<runId>:<seq>`). */
  const connectJoin = (remembered: RememberedRun, from: string) => {
    disconnect();
    const { protocol, options } = config.current();
    run = remembered;
    let stream: EventStream;
    try {
      const { body: _body, ...rest } = options;
      stream = config.open(remembered.url, { ...rest, method: 'GET', lastEventId: from });
    } catch (cause) {
      end('error', cause instanceof Error ? cause : new Error(String(cause)));
      return;
    }
    const read = readers.get(remembered.runId) ?? protocol.reader();
    attach(stream, protocol, read, true, options.signal);
  };
  /** One reader per run, so a reader's state (tool-call ids) survives a rejoin. */
  const readers = new Map<string, TokenReader>();

  const begin = () => {
    const current = config.current();
    resumeKey = current.resumeKey;
    pacer?.cancel();
    pacer = current.smooth ? createTextPacer(current.smooth, publish) : null;
    text = '';
    parts = EMPTY;
    lastId = '';
    error = null;
    status = 'streaming';
    return current;
  };

  /** After a reload: join the run remembered for this answer, from its start. */
  const rejoin = () => {
    const current = config.current();
    const remembered = current.resumeKey ? recallRun(current.resumeKey) : null;
    if (!remembered || status === 'streaming') return;
    const { protocol } = begin();
    readers.clear();
    readers.set(remembered.runId, protocol.reader());
    connectJoin(remembered, `${remembered.runId}:0`);
    publish();
  };

  const stop = () => {
    if (!release && !detached) return;
    if (run) config.cancel(run.url, run.runId);
    end('stopped');
  };

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      if (listeners.size === 1) {
        // Deferred, so StrictMode's unmount and remount make one request.
        const task = { cancelled: false };
        scheduled = task;
        queueMicrotask(() => {
          if (task.cancelled || listeners.size === 0) return;
          if (detached && run) {
            detached = false;
            connectJoin(run, lastId || `${run.runId}:0`);
          } else rejoin();
        });
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        if (scheduled) scheduled.cancelled = true;
        if (run && release) {
          // The run goes on on the server; a remount (or a reload) joins it again.
          detached = true;
          disconnect();
        } else if (release) end('stopped');
      };
    },
    getSnapshot: () => snapshot,
    getServerSnapshot: () => idle,
    /** Sends `body` and streams the answer; a running answer (and its run) is cancelled first. */
    start(body?: unknown) {
      if (run && (release || detached)) config.cancel(run.url, run.runId);
      if (resumeKey) rememberRun(resumeKey, null);
      disconnect();
      run = null;
      detached = false;
      const { url, protocol, options } = begin();
      readers.clear();
      const read = protocol.reader();
      const request = requestBody(body);
      let stream: EventStream;
      try {
        stream = config.open(url, {
          ...options,
          method: options.method ?? 'POST',
          body: request.body,
          headers: request.json ? withJsonType(options.headers) : options.headers,
        });
      } catch (cause) {
        end('error', cause instanceof Error ? cause : new Error(String(cause)));
        return;
      }
      attach(stream, protocol, read, false, options.signal);
      publish();
    },
    /** Aborts the running answer (cancelling its run on the server); the text so far stays. */
    stop,
    /** Aborts and clears: back to `idle`. */
    reset() {
      stop();
      text = '';
      parts = EMPTY;
      end('idle');
    },
  };
}

function incomplete() {
  return new SSEError('incomplete', 'The answer ended before its done event', { fatal: true });
}
