import type { ConnectOptions, EventStream, SSEEvent } from './types';

/** A cross-tab stream's part: the `leader` tab holds the connection, `follower`s listen to it. */
export type InspectedRole = 'leader' | 'follower';

/**
 * One live stream as an inspector sees it: a connection made by `connect()` (kind
 * `connection`, also under a hub or a cross-tab leader) or a stream shared across tabs (kind
 * `cross-tab`). Its fields are live: read them whenever you sample (the stream's own `status`,
 * `lastEventId`, `error` and `nextRetryAt` are on {@link InspectedStream.stream}).
 */
export interface InspectedStream {
  /** Unique in this page (or process), in the order the inspector first saw the streams. */
  readonly id: number;
  readonly kind: 'connection' | 'cross-tab';
  readonly url: string;
  /** The HTTP method, upper case. */
  readonly method: string;
  /** `fetch`, `eventsource` (the transport's name), or `cross-tab`. */
  readonly transport: string;
  /** The request headers when given as an object; null when given as a function. */
  readonly headers: Readonly<Record<string, string>> | null;
  /** The request body when it is a string; null otherwise. */
  readonly body: string | null;
  /** The stream itself: `status`, `lastEventId`, `error`, `nextRetryAt`, `onStatus`, `reconnect()`, `close()`. */
  readonly stream: EventStream;
  /** The reconnect attempt waited for or under way: 1 for the first retry after a loss, 0 once open. */
  readonly attempt: number;
  /** Views a hub hands out on this connection right now (0: not shared through a hub). */
  readonly subscribers: number;
  /** For a `cross-tab` stream, this tab's part; otherwise null. */
  readonly role: InspectedRole | null;
  /** The `id` of the cross-tab stream this connection serves as its leader, else null. */
  readonly parent: number | null;
  /** Ends the current connection as a network failure would: the stream reconnects with backoff, resuming. */
  drop(): void;
  /** Hands an event that {@link StreamProbe.event} held back to the stream's listeners. */
  deliver(event: SSEEvent): void;
}

/** What a stream tells an inspector's probe, on its hot path: keep these calls cheap. */
export interface StreamProbe {
  /**
   * An event is about to reach the stream's listeners. Return `true` to hold it back (pause
   * delivery); hand it over later with {@link InspectedStream.deliver}.
   */
  event(event: SSEEvent): boolean | undefined;
  /**
   * Bytes arrived on the connection: exact for the fetch transport; for `eventSourceTransport`
   * (which sees parsed events only) an estimate per event, a lower bound (comments and `retry:`
   * lines are not seen). Cross-tab followers report none.
   */
  bytes(count: number): void;
}

/** Attached with {@link inspect}: hears of every live stream. */
export interface Inspector {
  /**
   * A stream was opened, or was already live when the inspector attached. Return a probe to
   * hear its events and bytes. Watch `stream.stream.onStatus` for its status.
   */
  add(stream: InspectedStream): StreamProbe | null;
  /** The stream closed for good and the core forgot it. */
  remove?(stream: InspectedStream): void;
}

/** @internal What a stream registers (kept small: it is on the path of every `connect`). */
export interface Tracked {
  stream: EventStream;
  options: ConnectOptions;
  transport: string;
  attempt(): number;
  drop(): void;
  deliver(event: SSEEvent): void;
  /** Set by the attached inspector. */
  probe?: StreamProbe | null;
  /** Set for a cross-tab stream. */
  role?: InspectedRole;
  /** Set by a hub: its views on this connection. */
  views?: number;
  /** Set by a cross-tab stream on the connection it leads. */
  parent?: Tracked;
}

/** Streams live now, in the order they opened (a module's state: one per loaded core). */
const live = new Set<Tracked>();
let hook: ((tracked: Tracked, added: boolean) => void) | null = null;
let views: WeakMap<Tracked, InspectedStream> | undefined;
let lastId = 0;

/** @internal Called by a stream as it opens. */
export function track(tracked: Tracked): Tracked {
  live.add(tracked);
  hook?.(tracked, true);
  return tracked;
}

/** @internal Called by a stream as it closes for good. */
export function untrack(tracked: Tracked): void {
  if (live.delete(tracked)) hook?.(tracked, false);
}

/** @internal The record of a live stream (for a hub or a cross-tab stream to annotate). */
export function trackedOf(stream: EventStream): Tracked | undefined {
  for (const tracked of live) if (tracked.stream === stream) return tracked;
}

/** The inspector's view of a record, made once. */
function view(t: Tracked): InspectedStream {
  views ??= new WeakMap();
  let v = views.get(t);
  if (v) return v;
  const { options: o, stream } = t;
  v = {
    id: ++lastId,
    kind: t.role ? 'cross-tab' : 'connection',
    url: stream.url,
    method: (o.method ?? 'GET').toUpperCase(),
    transport: t.transport,
    headers: typeof o.headers === 'object' ? o.headers : null,
    body: typeof o.body === 'string' ? o.body : null,
    stream,
    get attempt() {
      return t.attempt();
    },
    get subscribers() {
      return t.views ?? 0;
    },
    get role() {
      return t.role ?? null;
    },
    get parent() {
      return t.parent ? view(t.parent).id : null;
    },
    drop: () => t.drop(),
    deliver: (event) => t.deliver(event),
  };
  views.set(t, v);
  return v;
}

/** A transport that parses for itself (EventSource) and estimates each event's wire size. */
interface Estimating {
  wireBytes?(event: SSEEvent, lastEventId: string): number;
}

/** A probe that also reports each event's estimated size as bytes. */
function estimating(
  probe: StreamProbe,
  estimate: (event: SSEEvent, lastEventId: string) => number,
  stream: EventStream,
): StreamProbe {
  let last = stream.lastEventId;
  return {
    event(event) {
      probe.bytes(estimate(event, last));
      last = event.id;
      return probe.event(event);
    },
    bytes: (count) => probe.bytes(count),
  };
}

/**
 * Attaches an inspector (devtools, a test): it hears of every stream now live and every stream
 * opened later, until the returned function detaches it. Without an inspector, streams pay only
 * a null check per chunk and per event. One inspector at a time.
 *
 * @example
 * const detach = inspect({
 *   add(s) {
 *     console.log(s.method, s.url, s.stream.status);
 *     return { event: (e) => void console.log(s.id, e.event), bytes() {} };
 *   },
 * });
 *
 * @throws Error when another inspector is attached.
 */
export function inspect(inspector: Inspector): () => void {
  if (hook) throw new Error('An inspector is already attached; detach it first');
  const mine = (t: Tracked, added: boolean) => {
    const probe = added ? inspector.add(view(t)) : null;
    const estimate = (t.options.transport as Estimating | undefined)?.wireBytes;
    t.probe = probe && estimate && !t.role ? estimating(probe, estimate, t.stream) : probe;
    if (!added) inspector.remove?.(view(t));
  };
  hook = mine;
  for (const t of live) mine(t, true);
  return () => {
    if (hook !== mine) return;
    hook = null;
    for (const t of live) t.probe = null;
  };
}

/** Every stream live right now, oldest first. */
export function inspectedStreams(): InspectedStream[] {
  return [...live].map(view);
}

/** The inspection record of a stream made by `connect()` (or of a hub's connection), while it is live. */
export function inspected(stream: EventStream): InspectedStream | undefined {
  const t = trackedOf(stream);
  return t && view(t);
}
