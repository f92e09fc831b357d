import { iterate } from './async-iterator';
import { connect } from './connect';
import { trackedOf } from './inspect';
import { Listeners } from './listeners';
import { requestKey } from './request-key';
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

export interface HubOptions {
  /** How long a connection stays open after its last subscriber leaves, in ms. Default 1000. */
  graceMs?: number;
  /** Options merged under every `hub.connect` call's own. */
  defaults?: ConnectOptions;
}

export interface SharedConnectOptions extends ConnectOptions {
  /** A new listener gets the most recent event of its name (any name for `'*'`) at once. */
  replayLast?: boolean;
}

/** Shares one connection among identical requests, reference-counted. */
export interface Hub {
  /** A per-subscriber view of the shared connection; its `close()` releases only this view. */
  connect(url: string, options?: SharedConnectOptions): EventStream;
  /** Underlying connections open (including those in their grace period). */
  readonly size: number;
  /** Closes every underlying connection now. */
  close(): void;
}

/** Event names remembered for `replayLast`; the least recently seen are forgotten first. */
const REPLAY_NAMES_LIMIT = 256;

interface Entry {
  stream: EventStream;
  refs: number;
  grace: ReturnType<typeof setTimeout> | undefined;
  last: Map<string, SSEEvent>;
  lastAny: SSEEvent | null;
}

/**
 * Creates a hub. Requests with the same method, URL, headers (by content; a headers function by
 * identity), body (a string by content, anything else by identity), credentials, `fetch` and
 * transport share one underlying connection, which closes `graceMs` after its last view closes.
 */
export function createHub(options: HubOptions = {}): Hub {
  const graceMs = options.graceMs ?? 1000;
  const entries = new Map<string, Entry>();

  const open = (key: string, url: string, connectOptions: ConnectOptions): Entry => {
    const stream = connect(url, connectOptions);
    const entry: Entry = { stream, refs: 0, grace: undefined, last: new Map(), lastAny: null };
    stream.on('*', (event) => {
      entry.lastAny = event;
      entry.last.delete(event.event);
      entry.last.set(event.event, event);
      if (entry.last.size > REPLAY_NAMES_LIMIT) {
        entry.last.delete(entry.last.keys().next().value as string);
      }
    });
    const forget = () => {
      clearTimeout(entry.grace);
      if (entries.get(key) === entry) entries.delete(key);
    };
    stream.onStatus((status) => status === 'closed' && forget());
    if (stream.status !== 'closed') entries.set(key, entry);
    return entry;
  };

  const release = (entry: Entry) => {
    count(entry, -1);
    if (entry.refs > 0) return;
    entry.grace = setTimeout(() => entry.stream.close(), graceMs);
  };

  return {
    connect(url, own = {}) {
      const { replayLast = false, signal, ...rest } = own;
      const merged: ConnectOptions = { ...options.defaults, ...rest };
      delete merged.signal;
      if (signal?.aborted) return new SharedView(url, null, false, undefined, () => {});
      const key = sharingKey(url, merged);
      const entry = entries.get(key) ?? open(key, url, merged);
      clearTimeout(entry.grace);
      entry.grace = undefined;
      count(entry, 1);
      return new SharedView(url, entry, replayLast, signal, () => release(entry));
    },
    get size() {
      return entries.size;
    },
    close() {
      for (const entry of [...entries.values()]) entry.stream.close();
      entries.clear();
    },
  };
}

/** Counts the views of a connection (and shows the count to an inspector). */
function count(entry: Entry, by: number) {
  entry.refs += by;
  const seen = trackedOf(entry.stream);
  if (seen) seen.views = entry.refs;
}

let defaultHub: Hub | undefined;

/** The process-wide hub, created on first use. */
export function getDefaultHub(): Hub {
  defaultHub ??= createHub();
  return defaultHub;
}

/** One subscriber's view of a shared connection. */
class SharedView implements EventStream {
  #entry: Entry | null;
  readonly #replayLast: boolean;
  readonly #signal: AbortSignal | undefined;
  readonly #release: () => void;
  readonly #offs = new Set<() => void>();
  readonly #statusListeners = new Set<StatusListener>();
  readonly #onAbort = () => this.close();

  constructor(
    readonly url: string,
    entry: Entry | null,
    replayLast: boolean,
    signal: AbortSignal | undefined,
    release: () => void,
  ) {
    this.#entry = entry;
    this.#replayLast = replayLast;
    this.#signal = signal;
    this.#release = release;
    signal?.addEventListener('abort', this.#onAbort);
  }

  get status(): StreamStatus {
    return this.#entry?.stream.status ?? 'closed';
  }
  get lastEventId(): string {
    return this.#entry?.stream.lastEventId ?? '';
  }
  get error(): Error | null {
    return this.#entry?.stream.error ?? null;
  }
  get nextRetryAt(): number | null {
    return this.#entry?.stream.nextRetryAt ?? null;
  }
  get resets(): number {
    return this.#entry?.stream.resets ?? 0;
  }

  on(eventName: string, listener: SSEEventListener): () => void {
    const entry = this.#entry;
    if (!entry) return () => {};
    let delivered = false;
    const off = this.#track(
      entry.stream.on(eventName, (event) => {
        delivered = true;
        listener(event);
      }),
    );
    if (this.#replayLast) {
      queueMicrotask(() => {
        const last = eventName === '*' ? entry.lastAny : entry.last.get(eventName);
        if (last && !delivered && this.#offs.has(off)) listener(last);
      });
    }
    return off;
  }

  onStatus(listener: StatusListener): () => void {
    if (!this.#entry) return () => {};
    const offUnderlying = this.#entry.stream.onStatus(listener);
    this.#statusListeners.add(listener);
    return this.#track(() => {
      offUnderlying();
      this.#statusListeners.delete(listener);
    });
  }

  onError(listener: ErrorListener): () => void {
    return this.#entry ? this.#track(this.#entry.stream.onError(listener)) : () => {};
  }

  onReset(listener: ResetListener): () => void {
    return this.#entry ? this.#track(this.#entry.stream.onReset(listener)) : () => {};
  }

  reconnect(): void {
    this.#entry?.stream.reconnect();
  }

  close(): void {
    if (!this.#entry) return;
    const alreadyClosed = this.#entry.stream.status === 'closed';
    const notify = new Listeners<StreamStatus>();
    for (const listener of this.#statusListeners) notify.add(listener);
    for (const off of [...this.#offs]) off();
    this.#entry = null;
    this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#release();
    if (!alreadyClosed) notify.emit('closed');
  }

  [Symbol.asyncIterator](): AsyncIterator<SSEEvent> {
    return iterate(this);
  }

  /** Remembers an unsubscribe function so `close()` can run it; returns a once-only version. */
  #track(off: () => void): () => void {
    const once = () => {
      if (!this.#offs.delete(once)) return;
      off();
    };
    this.#offs.add(once);
    return once;
  }
}

/**
 * The sharing key: requests with equal keys use one connection. Header names count without
 * case; the rest as `requestKey` counts them (a string body by content, other bodies and
 * functions by identity).
 */
function sharingKey(url: string, o: ConnectOptions): string {
  const { headers } = o;
  return requestKey([
    (o.method ?? 'GET').toUpperCase(),
    url,
    typeof headers === 'object'
      ? Object.fromEntries(
          Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
        )
      : headers,
    o.body,
    o.transport,
    o.credentials,
    o.fetch,
    o.crossTab,
  ]);
}
