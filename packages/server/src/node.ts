import type http from 'node:http';
import type http2 from 'node:http2';
import type { Socket } from 'node:net';
import {
  DEFAULT_HEADERS,
  readLastEventId,
  type Session,
  SessionImpl,
  type SessionOptions,
  type Sink,
} from './session';

/** A request of Node's `http` or `http2` (compatibility API) server. */
export type NodeRequest = http.IncomingMessage | http2.Http2ServerRequest;
/** A response of Node's `http` or `http2` (compatibility API) server. */
export type NodeResponse = http.ServerResponse | http2.Http2ServerResponse;

/** The client's last event ID of a Node request (header, else `?lastEventId=`). */
export function lastEventIdOf(req: NodeRequest, maxLength?: number): string | undefined {
  return readLastEventId(req.headers['last-event-id'], req.url, maxLength);
}

/** The SSE response headers for a request (`connection: keep-alive` on HTTP/1.x only). */
export function sseHeaders(
  req: NodeRequest,
  extra?: Record<string, string>,
): Record<string, string> {
  const headers = { ...DEFAULT_HEADERS, ...extra };
  if (req.httpVersionMajor === 1) headers.connection = 'keep-alive';
  return headers;
}

let lastChunk: Uint8Array | undefined;
let lastFrame: Buffer | undefined;

/**
 * `chunk` as one HTTP/1.1 chunked-encoding frame (`size CRLF bytes CRLF`), the same bytes
 * `res.write` would send. The last frame is kept, so a publish to 10k sessions frames its bytes
 * once and writes one shared Buffer to every socket.
 */
function chunkFrame(chunk: Uint8Array): Buffer {
  if (chunk !== lastChunk || !lastFrame) {
    const size = chunk.byteLength.toString(16);
    const frame = Buffer.allocUnsafe(size.length + chunk.byteLength + 4);
    const at = frame.write(`${size}\r\n`, 0, 'latin1');
    frame.set(chunk, at);
    frame.write('\r\n', at + chunk.byteLength, 'latin1');
    lastChunk = chunk;
    lastFrame = frame;
  }
  return lastFrame;
}

/**
 * The socket of an HTTP/1.1 chunked response whose head is out and that holds nothing unsent
 * itself: frames written straight to it are exactly what `res.write` would send, without its
 * per-write cork, `nextTick` uncork and four-part `writev`. Otherwise (HTTP/2, HTTP/1.0, HEAD, a
 * pipelined response still waiting for its socket) undefined, and writes go through `res`.
 */
function directSocket(res: NodeResponse): Socket | undefined {
  if ('stream' in res) return undefined;
  const socket = res.socket;
  if (!socket || socket.destroyed || !res.headersSent || res.chunkedEncoding !== true) {
    return undefined;
  }
  return res.writableLength === socket.writableLength ? socket : undefined;
}

/** A session's transport on a Node response: frames straight to the socket when it can, else `res`. */
class NodeSink implements Sink {
  socket: Socket | undefined;
  /** A compression middleware's `res.flush`, called after each write so nothing waits in it. */
  flush: (() => void) | undefined;
  #draining = false;
  #onDrain: (() => void) | undefined;
  /** Listener of the response's 'close' and 'error': the client went away. */
  readonly onGone = () => {
    this.#detach();
    this.session.disconnected();
  };

  constructor(
    readonly session: SessionImpl,
    readonly res: NodeResponse,
  ) {
    res.on('close', this.onGone);
    // A write racing a reset connection errors: that is a disconnect, not a crash. The listener
    // stays after cleanup so a late error is handled too.
    res.on('error', this.onGone);
  }

  write(chunk: Uint8Array): boolean {
    if (chunk.byteLength === 0) return true; // an empty chunk would end a chunked body
    const ok = this.socket
      ? this.socket.write(chunkFrame(chunk))
      : (this.res as http.ServerResponse).write(chunk);
    this.flush?.();
    // Listens for 'drain' only while a write waits for one: most clients never make it wait.
    if (!ok && !this.#draining) {
      this.#draining = true;
      this.#onDrain ??= () => {
        this.#draining = false;
        this.session.drain();
      };
      (this.socket ?? this.res).once('drain', this.#onDrain);
    }
    return ok;
  }

  pending(): number {
    const res = this.res;
    return ('stream' in res ? res.stream : (this.socket ?? res)).writableLength;
  }

  end(evict: boolean): void {
    this.#detach();
    const res = this.res;
    if (evict) ('stream' in res ? res.stream : res).destroy();
    else res.end();
  }

  #detach(): void {
    this.res.off('close', this.onGone);
    if (this.#draining && this.#onDrain) (this.socket ?? this.res).off('drain', this.#onDrain);
    this.#draining = false;
  }
}

/**
 * Whether middleware compresses the response (it set a `content-encoding`): it then buffers, and a
 * stream reaches the client in bursts or only at its end. `cache-control: no-transform`, sent by
 * default, keeps Express's `compression` away; overriding it lets it in.
 */
function isEncoded(res: NodeResponse): boolean {
  const encoding = res.getHeader('content-encoding');
  return encoding !== undefined && encoding !== 'identity';
}

const warned = new Set<string>();

/** The dev-time check: one warning per route and process, outside production. */
function warnEncoded(req: NodeRequest, flushes: boolean): void {
  if (globalThis.process?.env?.NODE_ENV === 'production') return;
  const route = (req.url ?? '/').split('?')[0]!;
  if (warned.has(route)) return;
  warned.add(route);
  console.warn(
    `@ssekit/server: the SSE response of ${route} is compressed by middleware. ` +
      (flushes
        ? 'ssekit calls its res.flush() after every write, but compressing a stream costs CPU and some proxies still buffer it: '
        : 'It has no res.flush(), so events may wait in its buffer until the stream ends: ') +
      'turn compression off for this route (e.g. compression({ filter }) returning false for text/event-stream).',
  );
}

/**
 * Starts an SSE response on a Node `http` or `http2` request and returns its session.
 * Heartbeats, backpressure and cleanup on disconnect are handled; every timer and listener is
 * released when the client goes away.
 */
export function createSession(
  req: NodeRequest,
  res: NodeResponse,
  options: SessionOptions = {},
): Session {
  const session = new SessionImpl(lastEventIdOf(req, options.maxLastEventIdLength), options);
  const sink = new NodeSink(session, res);
  (res as http.ServerResponse).writeHead(200, sseHeaders(req, options.headers));
  (res as http.ServerResponse).flushHeaders?.();
  if (isEncoded(res)) {
    const flush = (res as { flush?: unknown }).flush;
    sink.flush = typeof flush === 'function' ? () => flush.call(res) : undefined;
    warnEncoded(req, sink.flush !== undefined);
  }
  // Middleware that replaced `res.write` sees every write (the socket is not written directly).
  if (!Object.hasOwn(res, 'write')) sink.socket = directSocket(res);
  session.start(sink, options);
  if (res.destroyed) sink.onGone();
  return session;
}
