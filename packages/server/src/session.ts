import { formatComment, formatEvent, type SSEMessage } from './format';

/** Options of one client connection. */
export interface SessionOptions {
  /** Interval of heartbeat comments (`:`) on an idle stream. Default 15000; 0 turns them off. */
  heartbeatMs?: number;
  /** Reconnection delay sent as `retry:` at the start of the stream. */
  retry?: number;
  /** Bound on bytes waiting for a slow client; past it the client is disconnected. Default 1 MiB. */
  maxQueueBytes?: number;
  /** Disconnect a client whose socket has not drained for this long. Default: no limit. */
  maxLagMs?: number;
  /**
   * End the stream cleanly after this long, after a `retry:` hint (the `retry` option, else 1000),
   * so clients reconnect (resuming with `Last-Event-ID`) before a platform cuts the response
   * (Vercel, Cloud Run, Cloudflare) and CDN segments roll over.
   */
  maxDurationMs?: number;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** A longer `Last-Event-ID` is ignored. Default 256. */
  maxLastEventIdLength?: number;
}

/** One client connection. */
export interface Session {
  readonly id: string;
  /** From the `Last-Event-ID` header, or the `lastEventId` query parameter for clients that cannot set headers. */
  readonly lastEventId: string | undefined;
  readonly closed: boolean;
  /** Bytes written but not yet taken by the client's socket. */
  readonly bufferedBytes: number;
  /** Sends an event; false if the session is closed (or was just evicted as too slow). */
  send(msg: SSEMessage): boolean;
  /** Sends a comment line (`:` alone when no text). */
  comment(text?: string): void;
  /** Writes text exactly as given (custom framing, fault injection). */
  writeRaw(text: string): void;
  /** Ends the response. */
  close(): void;
  /** Runs `fn` once when the session closes (client gone, evicted or `close()`); returns an unsubscribe. */
  onClose(fn: () => void): () => void;
  /** Aborted when the client goes away or `close()` is called. */
  readonly signal: AbortSignal;
}

/** Where a session's bytes go: a Node response or a web stream. */
export interface Sink {
  /** Writes a chunk; false when the consumer wants no more until `onDrain`. */
  write(chunk: Uint8Array): boolean;
  /** Bytes the transport holds but the client has not taken yet. */
  pending(): number;
  /** Ends the stream gracefully (`evict` true: drop it at once, unsent bytes discarded). */
  end(evict: boolean): void;
}

export const DEFAULT_HEADERS: Record<string, string> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
};

const encoder = new TextEncoder();

/** Encodes text once, so one message can be written to many sessions. */
export function encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The client's last event ID, from the header or the `lastEventId` query parameter. */
export function readLastEventId(
  header: string | string[] | null | undefined,
  url: string | undefined,
  maxLength = 256,
): string | undefined {
  let value = Array.isArray(header) ? header[0] : (header ?? undefined);
  if (value === undefined && url?.includes('lastEventId=')) {
    value = new URL(url, 'http://localhost').searchParams.get('lastEventId') ?? undefined;
  }
  if (value === undefined || value.length > maxLength || /[\r\n\0]/.test(value)) return undefined;
  return value;
}

/** The session logic shared by every transport: queueing, eviction, heartbeats, timers, cleanup. */
export class SessionImpl implements Session {
  readonly id: string;
  readonly lastEventId: string | undefined;
  #controller: AbortController | undefined;
  // Allocated when first needed: most sessions have one close listener, no timer and no queue.
  #listeners: (() => void) | Set<() => void> | undefined;
  readonly #maxQueueBytes: number;
  readonly #maxLagMs: number | undefined;
  #ageTimer: ReturnType<typeof setTimeout> | undefined;
  #sink: Sink | undefined;
  #queue: Uint8Array[] | undefined;
  #queuedBytes = 0;
  #waiting = false;
  #lagTimer: ReturnType<typeof setTimeout> | undefined;
  #wroteSinceBeat = false;
  #closed = false;
  #heartbeatMs = 0;

  constructor(lastEventId: string | undefined, options: SessionOptions) {
    this.id = globalThis.crypto.randomUUID();
    this.lastEventId = lastEventId;
    this.#maxQueueBytes = options.maxQueueBytes ?? 1024 * 1024;
    this.#maxLagMs = options.maxLagMs;
  }

  /** Attaches the transport and starts the timers; called once the response head is out. */
  start(sink: Sink, options: SessionOptions): void {
    this.#sink = sink;
    if (options.retry !== undefined) this.writeRaw(formatEvent({ retry: options.retry }));
    const heartbeatMs = options.heartbeatMs ?? 15_000;
    if (heartbeatMs > 0) {
      this.#heartbeatMs = heartbeatMs;
      joinHeartbeat(heartbeatMs, this);
    }
    if (options.maxDurationMs !== undefined) {
      const retry = formatEvent({ retry: options.retry ?? 1000 });
      this.#ageTimer = setTimeout(() => {
        this.writeRaw(retry);
        this.close();
      }, options.maxDurationMs);
      this.#ageTimer.unref?.();
    }
  }

  get closed(): boolean {
    return this.#closed;
  }

  get signal(): AbortSignal {
    // Created on first use: most sessions never need one.
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#closed) this.#controller.abort();
    }
    return this.#controller.signal;
  }

  /** Called on every heartbeat tick: a comment if nothing was written since the last one. */
  beat(): void {
    if (!this.#wroteSinceBeat) this.comment();
    this.#wroteSinceBeat = false;
  }

  get bufferedBytes(): number {
    if (this.#closed || !this.#sink) return 0;
    return this.#queuedBytes + this.#sink.pending();
  }

  send(msg: SSEMessage): boolean {
    return this.write(encode(formatEvent(msg)));
  }

  comment(text?: string): void {
    this.write(encode(formatComment(text)));
  }

  writeRaw(text: string): void {
    this.write(encode(text));
  }

  /** Writes encoded bytes, queueing (bounded) while the client is slow. False once closed. */
  write(chunk: Uint8Array): boolean {
    if (this.#closed || !this.#sink) return false;
    this.#wroteSinceBeat = true;
    if (!this.#waiting) {
      if (!this.#sink.write(chunk)) this.#wait();
      return true;
    }
    if (this.bufferedBytes + chunk.byteLength > this.#maxQueueBytes) {
      this.#finish(true);
      return false;
    }
    this.#queue ??= [];
    this.#queue.push(chunk);
    this.#queuedBytes += chunk.byteLength;
    return true;
  }

  /** The transport can take more: flush the queue. */
  drain(): void {
    if (this.#closed || !this.#sink || !this.#waiting) return;
    this.#waiting = false;
    clearTimeout(this.#lagTimer);
    this.#lagTimer = undefined;
    while (this.#queue && this.#queue.length > 0) {
      const chunk = this.#queue.shift()!;
      this.#queuedBytes -= chunk.byteLength;
      if (!this.#sink.write(chunk)) {
        this.#wait();
        return;
      }
    }
  }

  /** The transport is full: queue further writes until `drain()`, for at most `maxLagMs`. */
  #wait(): void {
    this.#waiting = true;
    if (this.#maxLagMs === undefined) return;
    this.#lagTimer = setTimeout(() => this.#finish(true), this.#maxLagMs);
    this.#lagTimer.unref?.();
  }

  close(): void {
    this.#finish(false);
  }

  /** The client went away: release everything without writing. */
  disconnected(): void {
    this.#finish(true);
  }

  #finish(evict: boolean): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#heartbeatMs > 0) leaveHeartbeat(this.#heartbeatMs, this);
    clearTimeout(this.#ageTimer);
    this.#ageTimer = undefined;
    clearTimeout(this.#lagTimer);
    this.#lagTimer = undefined;
    this.#waiting = false;
    this.#queue = undefined;
    this.#queuedBytes = 0;
    this.#sink?.end(evict);
    this.#controller?.abort();
    const listeners = this.#listeners;
    this.#listeners = undefined;
    if (typeof listeners === 'function') listeners();
    else if (listeners) for (const fn of listeners) fn();
  }

  onClose(fn: () => void): () => void {
    if (this.#closed) {
      fn();
      return () => {};
    }
    const listeners = this.#listeners;
    if (listeners === undefined) this.#listeners = fn;
    else if (typeof listeners === 'function') {
      if (listeners !== fn) this.#listeners = new Set([listeners, fn]);
    } else listeners.add(fn);
    return () => {
      const current = this.#listeners;
      if (current === fn) this.#listeners = undefined;
      else if (typeof current === 'object') current.delete(fn);
    };
  }
}

/** One interval per heartbeat period, shared by every session using it (cheap at 10k clients). */
const heartbeats = new Map<
  number,
  { sessions: Set<SessionImpl>; timer: ReturnType<typeof setInterval> }
>();

function joinHeartbeat(ms: number, session: SessionImpl): void {
  let group = heartbeats.get(ms);
  if (!group) {
    const sessions = new Set<SessionImpl>();
    const timer = setInterval(() => {
      for (const s of sessions) s.beat();
    }, ms);
    timer.unref?.();
    group = { sessions, timer };
    heartbeats.set(ms, group);
  }
  group.sessions.add(session);
}

function leaveHeartbeat(ms: number, session: SessionImpl): void {
  const group = heartbeats.get(ms);
  if (!group) return;
  group.sessions.delete(session);
  if (group.sessions.size === 0) {
    clearInterval(group.timer);
    heartbeats.delete(ms);
  }
}
