import { ContentTypeError, HttpError, SSEError } from './errors';
import { type Tracked, track, trackedOf, untrack } from './inspect';
import { StreamBase } from './stream-base';
import type { ConnectOptions, EventStream, SSEEvent, StreamReset, StreamStatus } from './types';

/** Opens the real connection in the leader tab. */
type Open = (url: string, options: ConnectOptions) => EventStream;

/** What the leader tab tells the others. */
type Message =
  | { type: 'event'; event: SSEEvent }
  | { type: 'state'; state: State; error: WireError | null }
  | { type: 'reset'; reset: StreamReset }
  | { type: 'hello' }
  | { type: 'reconnect' }
  /** Event names a tab listens to (the leader's stream must receive them), or a request for them. */
  | { type: 'names'; names: string[] }
  | { type: 'names?' }
  | { type: 'drop' };

interface State {
  status: StreamStatus;
  lastEventId: string;
  nextRetryAt: number | null;
}

interface WireError {
  code: string;
  message: string;
  fatal: boolean;
  status?: number;
  body?: string;
  contentType?: string;
}

const PREFIX = 'ssekit:tab:';

/**
 * The `crossTab` option of `connect`: a value made by {@link crossTab}. Plain data and a shared
 * function, so equal options stay equal across renders.
 */
export interface CrossTab {
  /** Tabs naming the same key share one stream; without one, the same request does. */
  readonly key: string | undefined;
  /**
   * Opens the shared stream for this tab (`open` connects for real, in the leader tab), or
   * returns null where the browser APIs are missing, so the caller connects unshared.
   */
  share(this: CrossTab, url: string, options: ConnectOptions, open: Open): EventStream | null;
}

/**
 * Shares one stream among every tab of this origin that asks for the same request (method,
 * absolute URL and string body), or that names the same `key`:
 * `connect(url, { crossTab: crossTab() })`. One tab (the leader, elected with the Web Locks
 * API) holds the connection and forwards its events and status to the others over a
 * `BroadcastChannel`. When the leader tab closes (or calls `close()`), its lock is released and
 * the next tab takes over, resuming with `Last-Event-ID` from the last event every tab has
 * seen, so nothing is lost or repeated. Where `BroadcastChannel` or `navigator.locks` is
 * missing (Node, old browsers) the stream connects unshared.
 *
 * @example
 * connect('/api/prices', { crossTab: crossTab() });
 * useSSE('/api/prices', { crossTab: crossTab('prices') });
 */
export function crossTab(key?: string): CrossTab {
  return { key, share: shareAcrossTabs };
}

function shareAcrossTabs(
  this: CrossTab,
  url: string,
  options: ConnectOptions,
  open: Open,
): EventStream | null {
  if (typeof BroadcastChannel === 'undefined' || typeof navigator === 'undefined') return null;
  if (!navigator.locks) return null;
  return new TabStream(url, this.key ?? defaultKey(url, options), options, open);
}

function defaultKey(url: string, options: ConnectOptions): string {
  const base = typeof location === 'undefined' ? undefined : location.href;
  const body = typeof options.body === 'string' ? options.body : '';
  return `${(options.method ?? 'GET').toUpperCase()} ${new URL(url, base).href} ${body}`;
}

/** This tab's part of a stream shared across tabs: the leader's connection, or a follower's view. */
class TabStream extends StreamBase {
  nextRetryAt: number | null = null;

  readonly #channel: BroadcastChannel;
  /** Names the leader's stream listens to for some tab (so `eventSourceTransport` gets them). */
  readonly #leaderNames = new Set<string>();
  readonly #election = new AbortController();
  readonly #options: ConnectOptions;
  readonly #open: Open;
  #leader: EventStream | null = null;
  #resign: (() => void) | null = null;
  #seen: Tracked | undefined;

  constructor(url: string, key: string, options: ConnectOptions, open: Open) {
    super(url);
    this.#options = options;
    this.#open = open;
    this.lastEventId = options.lastEventId ?? '';
    this.#channel = new BroadcastChannel(PREFIX + key);
    this.#channel.onmessage = (e: MessageEvent<Message>) => this.#receive(e.data);
    this.listeners.added.add((name) => {
      this.#listenOnLeader(name);
      this.#channel.postMessage({ type: 'names', names: [name] } satisfies Message);
    });
    if (options.signal?.aborted) {
      this.close();
      return;
    }
    options.signal?.addEventListener('abort', () => this.close(), { once: true });
    this.#seen = track({
      stream: this,
      options,
      transport: 'cross-tab',
      attempt: () => (this.#leader && trackedOf(this.#leader)?.attempt()) || 0,
      role: 'follower',
      drop: () => this.#drop(),
      deliver: (event) => this.listeners.emit(event),
    });
    this.#channel.postMessage({ type: 'hello' } satisfies Message);
    navigator.locks
      .request(PREFIX + key, { signal: this.#election.signal }, () => this.#lead())
      .catch(() => {
        // Aborted while waiting for leadership: this tab closed first.
      });
  }

  /** Holds the lock (and so the connection) until this tab closes or the stream ends. */
  #lead(): Promise<void> {
    if (this.status === 'closed') return Promise.resolve();
    const { signal: _ignored, ...options } = this.#options;
    const stream = this.#open(this.url, { ...options, lastEventId: this.lastEventId });
    this.#leader = stream;
    this.#leaderNames.clear();
    const seen = this.#seen;
    const inner = trackedOf(stream);
    if (seen) seen.role = 'leader';
    if (inner) inner.parent = seen;
    stream.on('*', (event) => {
      this.#channel.postMessage({ type: 'event', event } satisfies Message);
      this.#deliver(event);
    });
    stream.onReset((reset) => {
      this.#channel.postMessage({ type: 'reset', reset } satisfies Message);
      this.emitReset(reset);
    });
    for (const name of this.listeners.names()) this.#listenOnLeader(name);
    this.#channel.postMessage({ type: 'names?' } satisfies Message);
    stream.onError((error) => {
      this.#emitError(error);
      this.#publishState(error);
    });
    stream.onStatus(() => this.#publishState(stream.error));
    this.#publishState(stream.error);
    return new Promise<void>((resolve) => {
      this.#resign = () => {
        this.#resign = null;
        this.#leader = null;
        if (seen) seen.role = 'follower';
        stream.close();
        resolve();
      };
      if (stream.status === 'closed') this.#resign();
      else stream.onStatus((status) => status === 'closed' && this.#resign?.());
    });
  }

  #publishState(error: Error | null) {
    const stream = this.#leader;
    if (!stream) return;
    const state: State = {
      status: stream.status,
      lastEventId: stream.lastEventId,
      nextRetryAt: stream.nextRetryAt,
    };
    this.#channel.postMessage({
      type: 'state',
      state,
      error: error ? toWire(error) : null,
    } satisfies Message);
    this.#apply(state, error);
  }

  #receive(message: Message) {
    if (this.status === 'closed') return;
    // Only the leader's events count; one from a former leader arriving late is stale (the
    // new leader resumed from the server's history instead).
    if (message.type === 'event') !this.#leader && this.#deliver(message.event);
    else if (message.type === 'state') this.#apply(message.state, fromWire(message.error));
    else if (message.type === 'hello') this.#publishState(this.#leader?.error ?? null);
    else if (message.type === 'reconnect') this.#leader?.reconnect();
    else if (message.type === 'reset') !this.#leader && this.emitReset(message.reset);
    else if (message.type === 'names') for (const name of message.names) this.#listenOnLeader(name);
    else if (message.type === 'drop') this.#drop();
    else if (message.type === 'names?') {
      this.#channel.postMessage({
        type: 'names',
        names: [...this.listeners.names()],
      } satisfies Message);
    }
  }

  /** In the leader: makes its stream receive `name` (a transport may deliver only names asked for). */
  #listenOnLeader(name: string) {
    const stream = this.#leader;
    if (!stream || name === '*' || this.#leaderNames.has(name)) return;
    this.#leaderNames.add(name);
    stream.on(name, () => {});
  }

  #apply(state: State, error: Error | null) {
    this.error = error;
    const retryMoved = this.nextRetryAt !== state.nextRetryAt;
    this.nextRetryAt = state.nextRetryAt;
    if (state.lastEventId) this.lastEventId = state.lastEventId;
    // A fatal end in the leader ends the stream in every tab; a leader that merely left
    // hands over (its successor publishes its own state).
    if (state.status === 'closed') {
      if (error && (!(error instanceof SSEError) || error.fatal)) this.close();
      return;
    }
    this.#setStatus(state.status, retryMoved);
  }

  #deliver(event: SSEEvent) {
    this.lastEventId = event.id;
    // An inspector may hold the event (paused delivery) and hand it over later.
    if (!this.#seen?.probe?.event(event)) this.listeners.emit(event);
  }

  #setStatus(status: StreamStatus, retryMoved = false) {
    if (this.status === status && !(retryMoved && status === 'reconnecting')) return;
    this.status = status;
    this.listeners.status.emit(status);
  }

  #emitError(error: Error) {
    this.listeners.error.emit(error);
  }

  reconnect(): void {
    if (this.#leader) this.#leader.reconnect();
    else this.#channel.postMessage({ type: 'reconnect' } satisfies Message);
  }

  /** A simulated network loss of the leader's connection (asked of the leader by a follower). */
  #drop() {
    const leader = this.#leader && trackedOf(this.#leader);
    if (leader) leader.drop();
    else if (!this.#leader) this.#channel.postMessage({ type: 'drop' } satisfies Message);
  }

  close(): void {
    if (this.status === 'closed') return;
    this.#election.abort();
    this.#resign?.();
    this.#channel.close();
    this.#setStatus('closed');
    if (this.#seen) untrack(this.#seen);
    this.listeners.clear();
  }
}

function toWire(error: Error): WireError {
  const wire: WireError = {
    code: error instanceof SSEError ? error.code : 'network',
    message: error.message,
    fatal: error instanceof SSEError ? error.fatal : false,
  };
  if (error instanceof HttpError) Object.assign(wire, { status: error.status, body: error.body });
  if (error instanceof ContentTypeError) wire.contentType = error.contentType;
  return wire;
}

function fromWire(wire: WireError | null): Error | null {
  if (!wire) return null;
  if (wire.code === 'http' && wire.status !== undefined) {
    return new HttpError(wire.status, wire.body ?? '', { fatal: wire.fatal });
  }
  if (wire.code === 'content-type') return new ContentTypeError(wire.contentType ?? '');
  return new SSEError(wire.code, wire.message, { fatal: wire.fatal });
}
