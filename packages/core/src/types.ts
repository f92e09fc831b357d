/** One dispatched server-sent event, as the browser's `MessageEvent` would carry it. */
export interface SSEEvent {
  /** The event type; `message` when the stream named none. */
  event: string;
  /** The data lines joined with LF, with the final LF removed. */
  data: string;
  /** The last event ID at dispatch time (as `MessageEvent.lastEventId`); `''` if none yet. */
  id: string;
}

/** Lifecycle of an {@link EventStream}. */
export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Reconnect backoff: exponential from `initialMs` to `maxMs`, with jitter. */
export interface RetryOptions {
  /** First delay; a server's `retry:` field replaces it. Default 1000. */
  initialMs?: number;
  /** Cap on the delay. Default 30000. */
  maxMs?: number;
  /** Growth per failed attempt. Default 2. */
  factor?: number;
  /** Fraction of the delay that is randomised (0..1). Default 0.5. */
  jitter?: number;
  /** Failed attempts in a row before giving up with a `RetryLimitError`. Default Infinity. */
  maxAttempts?: number;
}

export type HeadersRecord = Record<string, string>;

/** Headers, or a function called before every connection (for fresh tokens). */
export type HeadersOption = HeadersRecord | (() => HeadersRecord | Promise<HeadersRecord>);

export type TransportName = 'fetch' | 'eventsource';

export interface ConnectOptions {
  method?: string;
  headers?: HeadersOption;
  body?: BodyInit | null;
  credentials?: RequestCredentials;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /** Resume from this ID: sent as `Last-Event-ID` on the first request. */
  lastEventId?: string;
  retry?: RetryOptions;
  /** Reconnect when no bytes (heartbeat comments included) arrive for this long. */
  idleTimeoutMs?: number;
  /** Reconnect (resuming) once a connection is this old, so CDN segments roll over. */
  maxConnectionAgeMs?: number;
  /** Close while the page is hidden and resume when shown (browsers only; GET only unless `'always'`). */
  pauseWhenHidden?: boolean | 'always';
  /** Aborting it closes the stream for good. */
  signal?: AbortSignal;
  /** `fetch` (default) or the native `EventSource` (GET only). */
  transport?: TransportName;
  /**
   * Share one connection among every tab of this origin making the same request (or naming the
   * same key): the Web Locks API elects a leader tab that connects, `BroadcastChannel` carries
   * its events to the others, and the next tab takes over (resuming) when the leader closes.
   * Without those APIs (Node, old browsers) the stream connects unshared.
   */
  crossTab?: boolean | string;
  /** Largest event accepted, in bytes of its data and fields. Default 16 MiB. */
  maxEventBytes?: number;
}

export type EventListener = (event: SSEEvent) => void;
export type StatusListener = (status: StreamStatus) => void;
export type ErrorListener = (error: Error) => void;

/** A live, self-healing connection to an SSE endpoint. */
export interface EventStream extends AsyncIterable<SSEEvent> {
  readonly url: string;
  readonly status: StreamStatus;
  /** The last event ID seen; sent as `Last-Event-ID` on reconnect. */
  readonly lastEventId: string;
  /** The error that closed the stream, or the last transient failure while reconnecting. */
  readonly error: Error | null;
  /** When the next reconnect attempt is due (epoch ms), while `reconnecting`; otherwise null. */
  readonly nextRetryAt: number | null;
  /** Listen to events of one type, or every event with `'*'`. Returns an unsubscribe function. */
  on(eventName: string, listener: EventListener): () => void;
  /**
   * Listen to status changes (and to each new retry while `reconnecting`, when `nextRetryAt`
   * moves). Returns an unsubscribe function.
   */
  onStatus(listener: StatusListener): () => void;
  /**
   * Listen to every error reported: transient failures before a retry, the fatal error that
   * closes the stream, and parser errors (e.g. `EventTooLargeError`) that do not close it.
   * Returns an unsubscribe function.
   */
  onError(listener: ErrorListener): () => void;
  /** Drop the current connection and connect again now (resuming), resetting the backoff. */
  reconnect(): void;
  /** Close for good: aborts the request and every pending timer. */
  close(): void;
}
