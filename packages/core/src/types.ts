import type { CrossTab } from './cross-tab';
import type { EventTooLargeError, HttpError, SSEError } from './errors';
import type { PageLifecycle } from './page-lifecycle';
import type { Transport } from './transport';

/** One dispatched server-sent event, as the browser's `MessageEvent` would carry it. */
export interface SSEEvent {
  /** The event type; `message` when the stream named none. */
  event: string;
  /** The data lines joined with LF, with the final LF removed. */
  data: string;
  /** The last event ID at dispatch time (as `MessageEvent.lastEventId`); `''` if none yet. */
  id: string;
}

/**
 * History was lost between the client and the server, and the stream says so (a `reset`):
 * - `'server'`: the server answered the resume with its `reset` event (the id is unknown, of
 *   another epoch after a restart, or older than its history); `data` is that event's data
 *   (`{"oldestId", "latestId"}` from `@ssekit/server`), and the retained events follow;
 * - `'unresumable'`: the stream reconnected after events that carried no id, so it could not
 *   ask for what it missed (`data` is `''`).
 * Treat it as "refetch the full state" (or clear a list) before applying what follows.
 */
export interface StreamReset {
  reason: 'server' | 'unresumable';
  data: string;
  /** The id the stream resumed from. */
  lastEventId: string;
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

/** Request headers by name. */
export type HeadersRecord = Record<string, string>;

/** Headers, or a function called before every connection (for fresh tokens). */
export type HeadersOption = HeadersRecord | (() => HeadersRecord | Promise<HeadersRecord>);

/** Options of {@link connect} (and of a hub's `connect`). */
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
  /**
   * Watch the page (browsers only): `page: pageLifecycle()` pauses while offline, and with
   * `pageLifecycle({ pauseWhenHidden: true })` also while the page is hidden. Without it, the
   * stream does not watch the page.
   */
  page?: PageLifecycle;
  /** Aborting it closes the stream for good. */
  signal?: AbortSignal;
  /** How to connect: `fetch` by default, or `eventSourceTransport` (native, GET only). */
  transport?: Transport;
  /**
   * Share one connection among every tab of this origin making the same request:
   * `crossTab: crossTab()` (or `crossTab('key')` to share by a name). Without the browser APIs
   * it needs (Node, old browsers) the stream connects unshared.
   */
  crossTab?: CrossTab;
  /**
   * Send the resume id as this query parameter (e.g. `'lastEventId'`) instead of the
   * `Last-Event-ID` header, so a cross-origin resume needs no CORS preflight (and the
   * `lastEventId` option works with `eventSourceTransport` too).
   */
  lastEventIdParam?: string;
  /** Largest event accepted, in bytes of its data and fields. Default 16 MiB. */
  maxEventBytes?: number;
  /**
   * The event the server sends when it cannot resume (see {@link StreamReset}). Default
   * `'reset'` (the `@ssekit/server` protocol); `null` turns reset detection off.
   */
  resetEvent?: string | null;
  /**
   * Event names to receive even without an `on(name)` listener. Only `eventSourceTransport`
   * needs it: the native `EventSource` delivers a named event only to a listener of that name,
   * so `'*'` listeners, `for await` and cross-tab followers see `message` events, the reset
   * event and the names listed here (or listened to).
   */
  events?: readonly string[];
  /**
   * Called when the server answers 401 or 403, before the stream gives up: refresh a token
   * here, and the stream reconnects at once (a `headers` function is called again) with the
   * same `Last-Event-ID`. A second 401/403 in a row is fatal (no loop).
   */
  onUnauthorized?: (error: HttpError) => void | Promise<void>;
}

/** Called with each event (see {@link EventStream.on}). */
export type SSEEventListener = (event: SSEEvent) => void;
/** Called with each status change (see {@link EventStream.onStatus}). */
export type StatusListener = (status: StreamStatus) => void;
/** Called with each error reported (see {@link EventStream.onError}). */
export type ErrorListener = (error: Error) => void;
/** Called with each reset (see {@link EventStream.onReset}). */
export type ResetListener = (reset: StreamReset) => void;

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
  /** Resets so far: times history was lost and the stream said so (see {@link StreamReset}). */
  readonly resets: number;
  /** Listen to events of one type, or every event with `'*'`. Returns an unsubscribe function. */
  on(eventName: string, listener: SSEEventListener): () => void;
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
  /**
   * Listen to resets: history was lost (the server could not resume, or events without ids
   * could not be resumed). Returns an unsubscribe function.
   */
  onReset(listener: ResetListener): () => void;
  /** Drop the current connection and connect again now (resuming), resetting the backoff. */
  reconnect(): void;
  /** Close for good: aborts the request and every pending timer. */
  close(): void;
}

/** Callbacks of `createParser`. */
export interface ParserHandlers {
  /** A complete event (a blank line ended it and its data buffer was not empty). */
  onEvent(event: SSEEvent): void;
  /** A `retry:` field made only of ASCII digits: the new reconnection delay in ms. */
  onRetry?(ms: number): void;
  /** A comment line (`: text`), without the colon and one leading space. Heartbeats arrive here. */
  onComment?(text: string): void;
  /** Recoverable input problems, such as an {@link EventTooLargeError}. Parsing goes on. */
  onError?(error: SSEError): void;
}

/** Options of `createParser`. */
export interface ParserOptions {
  /**
   * Largest event accepted: the UTF-8 bytes of the event's buffered data plus the line being
   * read (field name included) may not exceed it. A larger event is reported to `onError` as an
   * `EventTooLargeError` and discarded up to the next blank line. Default 16 MiB.
   */
  maxEventBytes?: number;
  /** Initial last event ID, e.g. one saved from an earlier connection. Default `''`. */
  lastEventId?: string;
}

/** An incremental parser of one `text/event-stream` (see `createParser`). */
export interface Parser {
  /** Parse the next chunk: bytes (decoded as streaming UTF-8) or already decoded text. */
  feed(chunk: Uint8Array | string): void;
  /** Start a new stream (a reconnect): drops partial lines, the pending event and decoder state; keeps `lastEventId`. */
  reset(): void;
  /** The last event ID: set when a blank line ends an event (even one without data). Send it as `Last-Event-ID` to resume. */
  lastEventId: string;
}
