import { iterate } from './async-iterator';
import { connect } from './connect';
import { trackedOf } from './inspect';
import { Listeners } from './listeners';
import { requestKey } from './request-key';
import type { ConnectOptions, EventStream, SSEEvent, StreamStatus } from './types';

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
  /** The last event of each name, and of any name under `'*'`, for `replayLast`. */
  last: Map<string, SSEEvent>;
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
    const entry: Entry = { stream, refs: 0, grace: undefined, last: new Map() };
    stream.on('*', (event) => {
      // Under its name and under '*' (the last event of any name), most recent last.
      for (const name of [event.event, '*']) {
        entry.last.delete(name);
        entry.last.set(name, event);
      }
      if (entry.last.size > REPLAY_NAMES_LIMIT) {
        entry.last.delete(entry.last.keys().next().value as string);
      }
    });
    stream.onStatus((status) => {
      if (status !== 'closed') return;
      clearTimeout(entry.grace);
      if (entries.get(key) === entry) entries.delete(key);
    });
    if (stream.status !== 'closed') entries.set(key, entry);
    return entry;
  };

  return {
    connect(url, own = {}) {
      const { replayLast = false, signal, ...rest } = own;
      const merged: ConnectOptions = { ...options.defaults, ...rest };
      delete merged.signal;
      if (signal?.aborted) return sharedView(url, undefined, false, undefined, () => {});
      const key = sharingKey(url, merged);
      const entry = entries.get(key) ?? open(key, url, merged);
      clearTimeout(entry.grace);
      count(entry, 1);
      return sharedView(url, entry, replayLast, signal, () => {
        count(entry, -1);
        if (entry.refs === 0) entry.grace = setTimeout(() => entry.stream.close(), graceMs);
      });
    },
    get size() {
      return entries.size;
    },
    close() {
      // A closing stream deletes its own entry, which a Map's iteration allows.
      for (const entry of entries.values()) entry.stream.close();
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

/**
 * One subscriber's view of a shared connection (`entry` undefined: one that never connected).
 * Its listeners go on the shared stream; `close()` takes them off and releases the connection.
 */
function sharedView(
  url: string,
  entry: Entry | undefined,
  replayLast: boolean,
  signal: AbortSignal | undefined,
  release: () => void,
): EventStream {
  let shared = entry;
  /** Once-only unsubscribe functions from the shared stream; `close()` runs those left. */
  const offs = new Set<() => void>();
  const track = (subscribe: (stream: EventStream) => () => void): (() => void) => {
    if (!shared) return () => {};
    const off = subscribe(shared.stream);
    const once = () => {
      if (offs.delete(once)) off();
    };
    offs.add(once);
    return once;
  };
  // Status listeners stay with the view, which tells them `closed` when it closes.
  const statusListeners = new Listeners<StreamStatus>();
  track((stream) => stream.onStatus((status) => statusListeners.emit(status)));

  const view: EventStream = {
    url,
    get status() {
      return shared?.stream.status ?? 'closed';
    },
    get lastEventId() {
      return shared?.stream.lastEventId ?? '';
    },
    get error() {
      return shared?.stream.error ?? null;
    },
    get nextRetryAt() {
      return shared?.stream.nextRetryAt ?? null;
    },
    get resets() {
      return shared?.stream.resets ?? 0;
    },
    on(eventName, listener) {
      const joined = shared;
      let delivered = false;
      const off = track((stream) =>
        stream.on(eventName, (event) => {
          delivered = true;
          listener(event);
        }),
      );
      if (joined && replayLast) {
        queueMicrotask(() => {
          const event = joined.last.get(eventName);
          if (event && !delivered && offs.has(off)) listener(event);
        });
      }
      return off;
    },
    onStatus: (listener) => (shared ? statusListeners.add(listener) : () => {}),
    onError: (listener) => track((stream) => stream.onError(listener)),
    onReset: (listener) => track((stream) => stream.onReset(listener)),
    reconnect() {
      shared?.stream.reconnect();
    },
    close() {
      if (!shared) return;
      const wasClosed = shared.stream.status === 'closed';
      shared = undefined;
      for (const off of offs) off();
      signal?.removeEventListener('abort', view.close);
      release();
      if (!wasClosed) statusListeners.emit('closed');
      statusListeners.clear();
    },
    [Symbol.asyncIterator]: () => iterate(view),
  };
  signal?.addEventListener('abort', view.close);
  return view;
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
    // A string body in a list, so it never equals the id a non-string body counts by.
    typeof o.body === 'string' ? [o.body] : o.body,
    o.transport,
    o.credentials,
    o.fetch,
    o.crossTab,
  ]);
}
