import { createBackoff } from './backoff';
import { HttpError, RetryLimitError, SSEError, toError } from './errors';
import { type Tracked, track, untrack } from './inspect';
import { createParser } from './parser';
import { transportRequest } from './request';
import { RetryWait } from './retry-wait';
import { StreamBase } from './stream-base';
import type { Transport, TransportSink } from './transport';
import type { ConnectOptions, SSEEvent } from './types';
import { Watchdog } from './watchdog';

/** Why the stream itself ended a connection. */
type AbortKind = 'close' | 'reconnect' | 'idle' | 'age' | 'pause' | 'wake' | 'drop';

/**
 * How one connection attempt ended: the server ended the stream (`end`), answered HTTP 204
 * (`stop`), the stream ended it (an {@link AbortKind}), or it failed.
 */
type Ended = 'end' | 'stop' | AbortKind | Error;

/** The EventStream behind `connect()`: one logical stream over many connections. */
export class ReconnectingStream extends StreamBase {
  readonly #options: ConnectOptions;
  readonly #transport: Transport;
  readonly #resetEvent: string | null;
  readonly #backoff;
  readonly #parser;
  readonly #wait = new RetryWait();
  readonly #watchdog;
  /** A request that is not sent again by itself (not GET or HEAD: a prompt, say). */
  readonly #sendsOnce: boolean;
  /** Set by the `page` option: offline, or hidden with `pauseWhenHidden`. */
  #paused = false;
  #unwatchPage: (() => void) | undefined;
  #failures = 0;
  /** The last 401/403 was followed by `onUnauthorized`; a second one in a row is fatal. */
  #refreshedAuth = false;
  /** Events without an id arrived since the last open: a reconnect cannot resume them. */
  #unresumable = false;
  #opened = false;
  /** Whether the current attempt got a stream (so a failure now is a drop mid-stream). */
  #attemptOpened = false;
  #closed = false;
  /** The current attempt's controller, and why the stream aborted it (if it did). */
  #current: AbortController | null = null;
  #why: AbortKind = 'close';
  /** The id the current connection resumed from (sent as `Last-Event-ID`). */
  #resumedFrom = '';
  readonly #onSignalAbort = () => this.close();
  /** What an attached inspector sees (see `inspect`); unset for a stream closed at birth. */
  #seen: Tracked | undefined;

  constructor(url: string, options: ConnectOptions, transport: Transport) {
    super(url);
    const { method = 'GET', retry, signal, page } = options;
    this.#options = options;
    this.#transport = transport;
    this.lastEventId = options.lastEventId ?? '';
    this.#sendsOnce = !/^(GET|HEAD)$/i.test(method);
    this.#backoff = createBackoff(retry);
    this.#watchdog = new Watchdog(options.idleTimeoutMs, options.maxConnectionAgeMs, (why) =>
      this.#abort(why),
    );
    this.#resetEvent = options.resetEvent === undefined ? 'reset' : options.resetEvent;
    this.#parser = createParser(
      {
        onEvent: (event) => {
          this.lastEventId = event.id;
          this.#dispatch(event);
        },
        onRetry: (ms) => this.#backoff.setBase(ms),
        onError: (error) => this.report(error),
      },
      { maxEventBytes: options.maxEventBytes, lastEventId: this.lastEventId },
    );
    if (signal?.aborted) {
      this.#closed = true;
      this.status = 'closed';
      return;
    }
    signal?.addEventListener('abort', this.#onSignalAbort);
    this.#seen = track({
      stream: this,
      options,
      transport: transport.name,
      attempt: () => this.#backoff.failures,
      drop: () => this.#abort('drop'),
      deliver: (event) => this.listeners.emit(event),
    });
    this.#unwatchPage = page?.watch({
      method: method.toUpperCase(),
      setPaused: (paused) => {
        if (this.#closed) return;
        this.#paused = paused;
        if (!paused) return this.#wait.wake();
        this.#abort('pause');
        if (this.status === 'open') this.setStatus('reconnecting');
      },
      reconnect: () => this.reconnect(),
    });
    void this.#run();
  }

  get nextRetryAt(): number | null {
    return this.#wait.due;
  }

  reconnect(): void {
    if (this.#closed) return;
    this.#backoff.reset();
    this.#failures = 0;
    if (this.#current) this.#abort('reconnect');
    else this.#wait.wake();
  }

  close(): void {
    this.#finish(null);
  }

  async #run(): Promise<void> {
    /** Still `connecting`, or a planned roll-over (max age) that stays `open` meanwhile. */
    let quiet = true;
    while (!this.#closed) {
      if (this.#paused) {
        await this.#wait.wait(null);
        continue;
      }
      if (!quiet) this.setStatus('reconnecting');
      const ended = await this.#attempt();
      if (this.#closed) return;
      quiet = ended === 'age';
      // A POST (or any non-GET) answer that ends normally is complete: never re-sent.
      if (ended === 'stop' || (ended === 'end' && this.#sendsOnce)) return this.#finish(null);
      if (ended === 'end') {
        await this.#retryIn(this.#backoff.fail());
        continue;
      }
      if (ended === 'wake') this.#backoff.reset();
      if (typeof ended === 'string' && ended !== 'idle' && ended !== 'drop') continue;
      const idle = ended === 'idle';
      const error =
        typeof ended === 'string'
          ? new SSEError(
              idle ? 'idle-timeout' : 'dropped',
              idle ? 'No data within idleTimeoutMs' : 'Dropped (simulated)',
              { fatal: false },
            )
          : ended;
      const refresh = this.#options.onUnauthorized;
      // A 401/403 with `onUnauthorized` (a token refresh): reconnect at once, resuming; a
      // second one in a row is fatal.
      if (
        refresh &&
        !this.#refreshedAuth &&
        error instanceof HttpError &&
        (error.status === 401 || error.status === 403)
      ) {
        this.#refreshedAuth = true;
        this.report(error);
        try {
          await refresh(error);
        } catch (cause) {
          return this.#finish(toError(cause));
        }
        continue;
      }
      if (error instanceof SSEError && error.fatal) return this.#finish(error);
      if (this.#sendsOnce && this.#attemptOpened && !this.lastEventId) {
        return this.#finish(
          new SSEError('not-resumable', 'Dropped with no event ID to resume from: not re-sent', {
            cause: error,
          }),
        );
      }
      if (++this.#failures >= (this.#options.retry?.maxAttempts ?? Number.POSITIVE_INFINITY)) {
        return this.#finish(new RetryLimitError(this.#failures, error));
      }
      this.report(error);
      await this.#retryIn(
        Math.max(this.#backoff.fail(), (error as Partial<HttpError>).retryAfterMs ?? 0),
      );
    }
  }

  async #attempt(): Promise<Ended> {
    const controller = new AbortController();
    const { signal } = controller;
    this.#current = controller;
    this.#why = 'close';
    this.#attemptOpened = false;
    this.#parser.reset();
    this.#watchdog.touch();
    try {
      const request = await transportRequest(this.url, this.#options, this.lastEventId);
      signal.throwIfAborted();
      this.#resumedFrom = this.lastEventId;
      return await this.#transport.open(request, this.#sink, signal);
    } catch (error) {
      return signal.aborted ? this.#why : toError(error);
    } finally {
      this.#watchdog.stop();
      controller.abort();
      if (this.#current === controller) this.#current = null;
    }
  }

  readonly #sink: TransportSink = {
    open: () => {
      this.#attemptOpened = true;
      this.#watchdog.opened();
      this.#failures = 0;
      this.#refreshedAuth = false;
      this.#backoff.reset();
      this.error = null;
      this.setStatus('open');
      if (this.#opened && this.#unresumable && !this.lastEventId) {
        this.emitReset({ reason: 'unresumable', data: '', lastEventId: '' });
      }
      this.#opened = true;
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
      this.report(error);
      this.setStatus('reconnecting');
    },
    names: () => [
      ...this.listeners.names(),
      ...(this.#options.events ?? []),
      ...(this.#resetEvent ? [this.#resetEvent] : []),
    ],
    watchNames: (fn) => this.listeners.added.add(fn),
  };

  #abort(why: AbortKind) {
    const current = this.#current;
    if (!current || current.signal.aborted) return;
    this.#watchdog.stop();
    this.#why = why;
    current.abort();
  }

  /** Status `reconnecting` with `nextRetryAt` set, until the retry is due (or woken early). */
  #retryIn(ms: number): Promise<void> {
    const wait = this.#wait.wait(ms);
    // Already reconnecting: tell listeners anyway, since `nextRetryAt` moved.
    if (this.status === 'reconnecting') this.listeners.status.emit('reconnecting');
    else this.setStatus('reconnecting');
    return wait;
  }

  #dispatch(event: SSEEvent) {
    if (!event.id) this.#unresumable = true;
    if (event.event === this.#resetEvent) {
      this.emitReset({ reason: 'server', data: event.data, lastEventId: this.#resumedFrom });
    }
    // An inspector may hold the event (paused delivery) and hand it over later.
    if (!this.#seen?.probe?.event(event)) this.listeners.emit(event);
  }

  #finish(error: Error | null) {
    if (this.#closed) return;
    this.#closed = true;
    this.#abort('close');
    this.#wait.wake();
    this.#unwatchPage?.();
    this.#options.signal?.removeEventListener('abort', this.#onSignalAbort);
    this.error = null;
    if (error) this.report(error);
    this.setStatus('closed');
    if (this.#seen) untrack(this.#seen);
    this.listeners.clear();
  }
}
