import { iterate } from './async-iterator';
import { type Backoff, createBackoff, RETRY_DEFAULTS } from './backoff';
import { HttpError, RetryLimitError, SSEError } from './errors';
import { type Tracked, track, untrack } from './inspect';
import { createParser, type Parser } from './parser';
import { toError, withQueryParam } from './request-url';
import { StreamListeners } from './stream-listeners';
import type { Transport, TransportSink } from './transport';
import type {
  ConnectOptions,
  ErrorListener,
  EventStream,
  ResetListener,
  SSEEvent,
  SSEEventListener,
  StatusListener,
  StreamStatus,
} from './types';
import { Watchdog } from './watchdog';

/** Why the stream itself ended a connection. */
type AbortKind = 'close' | 'reconnect' | 'idle' | 'age' | 'pause' | 'wake' | 'drop';

type Outcome =
  | { kind: 'end' }
  | { kind: 'stop' }
  | { kind: 'error'; error: unknown }
  | { kind: 'aborted'; why: AbortKind };

/** The EventStream behind `connect()`: one logical stream over many connections. */
export class ReconnectingStream implements EventStream {
  status: StreamStatus = 'connecting';
  lastEventId: string;
  error: Error | null = null;
  nextRetryAt: number | null = null;
  resets = 0;

  readonly #options: ConnectOptions;
  readonly #transport: Transport;
  readonly #listeners = new StreamListeners();
  /** Names the transport must receive besides those listened to: the reset event, `events`. */
  readonly #alwaysNames: string[];
  readonly #resetEvent: string | null;
  readonly #backoff: Backoff;
  readonly #maxAttempts: number;
  readonly #parser: Parser;
  /** Set by the `page` option: offline, or hidden with `pauseWhenHidden`. */
  #pagePaused = false;
  #unwatchPage: (() => void) | null = null;
  #failures = 0;
  /** The last 401/403 was followed by `onUnauthorized`; a second one in a row is fatal. */
  #refreshedAuth = false;
  /** Events without an id arrived since the last open: a reconnect cannot resume them. */
  #unresumable = false;
  #opened = false;
  /** Whether the current attempt got a stream (so a failure now is a drop mid-stream). */
  #attemptOpened = false;
  #closed = false;
  /** A request that is not sent again by itself (not GET or HEAD: a prompt, say). */
  readonly #sendsOnce: boolean;
  #current: { controller: AbortController; why?: AbortKind } | null = null;
  #wake: (() => void) | null = null;
  readonly #watchdog: Watchdog;
  readonly #onSignalAbort = () => this.close();
  /** What an attached inspector sees (see `inspect`); unset for a stream closed at birth. */
  #seen: Tracked | undefined;

  constructor(
    readonly url: string,
    options: ConnectOptions,
    transport: Transport,
  ) {
    this.#options = options;
    this.#transport = transport;
    this.lastEventId = options.lastEventId ?? '';
    this.#sendsOnce = !/^(GET|HEAD)$/i.test(options.method ?? 'GET');
    this.#backoff = createBackoff(options.retry);
    this.#maxAttempts = options.retry?.maxAttempts ?? RETRY_DEFAULTS.maxAttempts;
    this.#watchdog = new Watchdog(options.idleTimeoutMs, options.maxConnectionAgeMs, (why) =>
      this.#abort(why),
    );
    this.#resetEvent = options.resetEvent === undefined ? 'reset' : options.resetEvent;
    this.#alwaysNames = [...(options.events ?? [])];
    if (this.#resetEvent) this.#alwaysNames.push(this.#resetEvent);
    this.#parser = createParser(
      {
        onEvent: (event) => {
          this.lastEventId = event.id;
          this.#dispatch(event);
        },
        onRetry: (ms) => this.#backoff.setBase(ms),
        onError: (error) => this.#report(error),
      },
      { maxEventBytes: options.maxEventBytes, lastEventId: this.lastEventId },
    );
    if (options.signal?.aborted) {
      this.#closed = true;
      this.status = 'closed';
      return;
    }
    options.signal?.addEventListener('abort', this.#onSignalAbort);
    this.#seen = track({
      stream: this,
      options,
      transport: transport.name,
      attempt: () => this.#backoff.failures,
      drop: () => this.#abort('drop'),
      deliver: (event) => this.#deliver(event),
    });
    this.#unwatchPage =
      options.page?.watch({
        method: (options.method ?? 'GET').toUpperCase(),
        setPaused: (paused) => this.#setPaused(paused),
        reconnect: () => this.reconnect(),
      }) ?? null;
    void this.#run();
  }

  on(eventName: string, listener: SSEEventListener): () => void {
    return this.#closed ? () => {} : this.#listeners.on(eventName, listener);
  }

  onStatus(listener: StatusListener): () => void {
    return this.#closed ? () => {} : this.#listeners.onStatus(listener);
  }

  onError(listener: ErrorListener): () => void {
    return this.#closed ? () => {} : this.#listeners.onError(listener);
  }

  onReset(listener: ResetListener): () => void {
    return this.#closed ? () => {} : this.#listeners.onReset(listener);
  }

  reconnect(): void {
    if (this.#closed) return;
    this.#backoff.reset();
    this.#failures = 0;
    if (this.#current) this.#abort('reconnect');
    else this.#wake?.();
  }

  close(): void {
    this.#finish(null);
  }

  [Symbol.asyncIterator](): AsyncIterator<SSEEvent> {
    return iterate(this);
  }

  async #run(): Promise<void> {
    /** Still `connecting`, or a planned roll-over (max age) that stays `open` meanwhile. */
    let quiet = true;
    while (!this.#closed) {
      while (this.#pagePaused && !this.#closed) {
        if (this.status === 'open') this.#setStatus('reconnecting');
        await this.#sleep(null);
      }
      if (this.#closed) return;
      if (!quiet) this.#setStatus('reconnecting');
      const outcome = await this.#attempt();
      if (this.#closed) return;
      quiet = outcome.kind === 'aborted' && outcome.why === 'age';
      if (outcome.kind === 'stop') return this.#finish(null);
      if (outcome.kind === 'aborted') {
        const { why } = outcome;
        if (why === 'wake') this.#backoff.reset();
        if (why !== 'idle' && why !== 'drop') continue;
        const idle = why === 'idle';
        const lost = new SSEError(
          idle ? 'idle-timeout' : 'dropped',
          idle ? 'No data within idleTimeoutMs' : 'Connection dropped (simulated)',
          { fatal: false },
        );
        if (this.#cannotResume()) return this.#finish(notResumable(lost));
        if (await this.#fail(lost)) continue;
        return;
      }
      if (outcome.kind === 'end') {
        // A POST (or any non-GET) answer that ends normally is complete: never re-sent.
        if (this.#sendsOnce) return this.#finish(null);
        await this.#retryIn(this.#backoff.fail());
        continue;
      }
      const error = toError(outcome.error);
      if (await this.#refreshAuth(error)) continue;
      if (error instanceof SSEError && error.fatal) return this.#finish(error);
      if (this.#cannotResume()) return this.#finish(notResumable(error));
      if (!(await this.#fail(error))) return;
    }
  }

  /**
   * A 401/403 with `onUnauthorized`: calls it (a token refresh) and returns true to reconnect at
   * once with the same `Last-Event-ID`; false for any other error, or a second 401/403 in a row.
   */
  async #refreshAuth(error: Error): Promise<boolean> {
    const refresh = this.#options.onUnauthorized;
    if (
      !refresh ||
      !(error instanceof HttpError) ||
      (error.status !== 401 && error.status !== 403)
    ) {
      return false;
    }
    if (this.#refreshedAuth) return false;
    this.#refreshedAuth = true;
    this.#report(error);
    try {
      await refresh(error);
    } catch (cause) {
      this.#finish(toError(cause));
      return true;
    }
    return !this.#closed;
  }

  /**
   * A non-GET stream that dropped mid-stream without an event ID to resume from: sending the
   * request again would repeat it (a prompt, a payment) to a server that cannot resume.
   */
  #cannotResume(): boolean {
    return this.#sendsOnce && this.#attemptOpened && this.lastEventId === '';
  }

  /** Counts a failed attempt; waits for the retry (true) or gives up (false). */
  async #fail(error: Error): Promise<boolean> {
    this.#failures++;
    if (this.#failures >= this.#maxAttempts) {
      this.#finish(new RetryLimitError(this.#failures, error));
      return false;
    }
    this.#report(error);
    const delay = this.#backoff.fail();
    const retryAfter = error instanceof HttpError ? (error.retryAfterMs ?? 0) : 0;
    await this.#retryIn(Math.max(delay, retryAfter));
    return !this.#closed;
  }

  async #attempt(): Promise<Outcome> {
    const current: { controller: AbortController; why?: AbortKind } = {
      controller: new AbortController(),
    };
    const { signal } = current.controller;
    this.#current = current;
    this.#attemptOpened = false;
    this.#parser.reset();
    this.#watchdog.touch();
    try {
      const { headers } = this.#options;
      const resolved = typeof headers === 'function' ? await headers() : (headers ?? {});
      if (signal.aborted) return { kind: 'aborted', why: current.why ?? 'close' };
      const param = this.#options.lastEventIdParam;
      this.#resumedFrom = this.lastEventId;
      const request = {
        url: param ? withQueryParam(this.url, param, this.lastEventId) : this.url,
        method: this.#options.method ?? 'GET',
        headers: resolved,
        body: this.#options.body,
        credentials: this.#options.credentials,
        fetch: this.#options.fetch,
        lastEventId: param ? '' : this.lastEventId,
      };
      const result = await this.#transport.open(request, this.#sink, signal);
      return result === 'stop' ? { kind: 'stop' } : { kind: 'end' };
    } catch (error) {
      if (signal.aborted) return { kind: 'aborted', why: current.why ?? 'close' };
      return { kind: 'error', error };
    } finally {
      this.#watchdog.stop();
      if (!signal.aborted) current.controller.abort();
      if (this.#current === current) this.#current = null;
    }
  }

  readonly #sink: TransportSink = {
    open: () => {
      this.#attemptOpened = true;
      this.#watchdog.touch();
      this.#watchdog.opened();
      this.#failures = 0;
      this.#refreshedAuth = false;
      this.#backoff.reset();
      this.error = null;
      const resumed = this.#opened;
      this.#opened = true;
      this.#setStatus('open');
      if (resumed && this.#unresumable && this.lastEventId === '') {
        this.#emitReset({ reason: 'unresumable', data: '', lastEventId: '' });
      }
      this.#unresumable = false;
    },
    chunk: (bytes) => {
      this.#watchdog.touch();
      this.#seen?.probe?.bytes(bytes.length);
      this.#parser.feed(bytes);
      this.lastEventId = this.#parser.lastEventId;
    },
    event: (event) => {
      this.#watchdog.touch();
      this.lastEventId = event.id;
      this.#dispatch(event);
    },
    lost: (error) => {
      this.#report(error);
      this.#setStatus('reconnecting');
    },
    names: () => [...this.#listeners.names(), ...this.#alwaysNames],
    watchNames: (fn) => this.#listeners.watchNames(fn),
  };

  #abort(why: AbortKind) {
    const current = this.#current;
    if (!current || current.controller.signal.aborted) return;
    this.#watchdog.stop();
    current.why = why;
    current.controller.abort(
      new SSEError('aborted', `Connection ended (${why})`, { fatal: false }),
    );
  }

  /** Status `reconnecting` with `nextRetryAt` set, until the retry is due (or woken early). */
  #retryIn(ms: number): Promise<void> {
    const wait = this.#sleep(ms);
    // Already reconnecting: tell listeners anyway, since `nextRetryAt` moved.
    if (this.status === 'reconnecting') this.#listeners.emitStatus('reconnecting');
    else this.#setStatus('reconnecting');
    return wait;
  }

  /** Waits `ms` (or, with null, until woken); `reconnect()`, `close()` and the page wake it early. */
  #sleep(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === null ? undefined : setTimeout(() => wake(), ms);
      const wake = () => {
        clearTimeout(timer);
        if (this.#wake === wake) this.#wake = null;
        this.nextRetryAt = null;
        resolve();
      };
      this.nextRetryAt = ms === null ? null : Date.now() + ms;
      this.#wake = wake;
    });
  }

  /** From the page lifecycle: pause (drop the connection) or resume (wake a waiting retry). */
  #setPaused(paused: boolean) {
    if (this.#closed) return;
    this.#pagePaused = paused;
    if (!paused) {
      this.#wake?.();
      return;
    }
    this.#abort('pause');
    if (this.status === 'open') this.#setStatus('reconnecting');
  }

  #dispatch(event: SSEEvent) {
    if (event.id === '') this.#unresumable = true;
    if (event.event === this.#resetEvent) {
      this.#emitReset({ reason: 'server', data: event.data, lastEventId: this.#resumedFrom });
    }
    // An inspector may hold the event (paused delivery) and hand it over later.
    if (!this.#seen?.probe?.event(event)) this.#deliver(event);
  }

  #deliver(event: SSEEvent) {
    this.#listeners.emit(event);
  }

  /** The id the current connection resumed from (sent as `Last-Event-ID`). */
  #resumedFrom = '';

  #emitReset(reset: { reason: 'server' | 'unresumable'; data: string; lastEventId: string }) {
    this.resets++;
    this.#listeners.emitReset(reset);
  }

  #report(error: Error) {
    this.error = error;
    this.#listeners.emitError(error);
  }

  #setStatus(status: StreamStatus) {
    if (this.status === status) return;
    this.status = status;
    this.#listeners.emitStatus(status);
  }

  #finish(error: Error | null) {
    if (this.#closed) return;
    this.#closed = true;
    this.#abort('close');
    this.#wake?.();
    this.nextRetryAt = null;
    this.#unwatchPage?.();
    this.#unwatchPage = null;
    this.#options.signal?.removeEventListener('abort', this.#onSignalAbort);
    if (error) this.#report(error);
    else this.error = null;
    this.#setStatus('closed');
    if (this.#seen) untrack(this.#seen);
    this.#listeners.clear();
  }
}

function notResumable(cause: Error): SSEError {
  return new SSEError(
    'not-resumable',
    'The connection dropped mid-stream and the server sent no event ID to resume from, so the request is not sent again',
    { cause, fatal: true },
  );
}
