import {
  type EventStream,
  SSEError,
  type SSEEvent,
  type StreamReset,
  type StreamStatus,
} from '@ssekit/core';
import { type BatchMode, createBatcher } from './batch';

/** What a stream hook renders from. */
export interface StreamSnapshot<D> {
  data: D;
  status: StreamStatus;
  error: Error | null;
  lastEventId: string;
  /** When the next reconnect attempt is due (epoch ms), while `reconnecting`; otherwise null. */
  nextRetryAt: number | null;
  /**
   * Resets so far: times history was lost and the stream said so (the server could not resume
   * from `lastEventId`, or events without ids could not be resumed). See `StreamReset`.
   */
  resets: number;
}

export interface StreamStoreConfig<D> {
  /** Opens a stream (a hub view), resuming after `lastEventId` if any; `null`: not connected. */
  open: ((lastEventId: string) => EventStream) | null;
  /**
   * Event names to fold; `'*'` for every event. The store listens to each name (not to `'*'`),
   * so named events arrive on every transport, the native `EventSource` included.
   */
  events: readonly string[];
  /**
   * Called on every reset. When the server could not resume (`reason: 'server'`) the state
   * starts over from `initial` first, and the retained events that follow are folded in.
   */
  onReset?: (reset: StreamReset) => void;
  initial: D;
  /** Folds one event into the state; runs for every matching event, in order. */
  fold: (state: D, event: SSEEvent) => D;
  batch: BatchMode;
}

/** A framework-free store over one stream: subscribe/getSnapshot, as `useSyncExternalStore` wants. */
export interface StreamStore<D> {
  /** The first subscriber opens the stream, the last one leaving closes it. */
  subscribe(listener: () => void): () => void;
  getSnapshot(): StreamSnapshot<D>;
  /** The snapshot before any connection (SSR and hydration). */
  getServerSnapshot(): StreamSnapshot<D>;
  /** Closes the stream until `reconnect()`. */
  close(): void;
  /** Reconnects now (resuming), or reopens after `close()`. */
  reconnect(): void;
}

/** Creates a store; nothing connects until the first `subscribe`. */
export function createStreamStore<D>(config: StreamStoreConfig<D>): StreamStore<D> {
  const { open, initial, fold } = config;
  // A listener per name gets only that name's events; '*' gets them all.
  const names = config.events.includes('*') ? ['*'] : [...new Set(config.events)];
  const listeners = new Set<() => void>();
  const initialSnapshot: StreamSnapshot<D> = {
    data: initial,
    status: open ? 'connecting' : 'closed',
    error: null,
    lastEventId: '',
    nextRetryAt: null,
    resets: 0,
  };
  let snapshot = initialSnapshot;
  /** The state as it is now; `publish` makes it the snapshot if anything changed. */
  const next = { ...initialSnapshot };
  let stream: EventStream | null = null;
  /** Unsubscribes from `stream`. */
  let offs: (() => void)[] = [];
  let closedByUser = false;

  const publish = () => {
    const keys = Object.keys(next) as (keyof StreamSnapshot<D>)[];
    if (keys.every((key) => next[key] === snapshot[key])) return;
    snapshot = { ...next };
    for (const listener of listeners) listener();
  };
  const batcher = createBatcher(config.batch, publish);
  const now = () => {
    batcher.cancel();
    publish();
  };

  const onEvent = (event: SSEEvent) => {
    next.lastEventId = event.id;
    try {
      next.data = fold(next.data, event);
    } catch (cause) {
      next.error = new SSEError('parse', `Could not handle a "${event.event}" event: ${cause}`, {
        cause,
        fatal: false,
      });
    }
    batcher.schedule();
  };

  const connect = () => {
    if (!open || stream) return;
    let s: EventStream;
    try {
      s = open(next.lastEventId);
    } catch (cause) {
      // A URL that cannot be resolved, say: reported like a fatal stream error.
      next.status = 'closed';
      next.error = cause instanceof Error ? cause : new Error(String(cause));
      now();
      return;
    }
    stream = s;
    next.status = s.status;
    offs = names.map((name) => s.on(name, onEvent));
    offs.push(
      s.onReset((reset) => {
        next.resets++;
        if (reset.reason === 'server') next.data = initial;
        config.onReset?.(reset);
        batcher.schedule();
      }),
      s.onStatus((status) => {
        next.status = status;
        next.nextRetryAt = s.nextRetryAt;
        if (status === 'open') next.error = null;
        now();
      }),
      s.onError((error) => {
        next.error = error;
        now();
      }),
    );
    if (s.error) next.error = s.error;
    now();
  };
  const disconnect = () => {
    batcher.cancel();
    for (const off of offs) off();
    stream?.close();
    stream = null;
    offs = [];
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1 && !closedByUser) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) disconnect();
      };
    },
    getSnapshot: () => snapshot,
    getServerSnapshot: () => initialSnapshot,
    close() {
      closedByUser = true;
      disconnect();
      next.status = 'closed';
      next.nextRetryAt = null;
      publish();
    },
    reconnect() {
      closedByUser = false;
      if (stream && stream.status !== 'closed') {
        stream.reconnect();
      } else if (listeners.size > 0) {
        // After close() or a fatal error: open a new connection.
        disconnect();
        connect();
      }
    },
  };
}
