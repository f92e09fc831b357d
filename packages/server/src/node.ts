import type http from 'node:http';
import type http2 from 'node:http2';
import type { Socket } from 'node:net';
import {
  DEFAULT_HEADERS,
  readLastEventId,
  type Session,
  SessionImpl,
  type SessionOptions,
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
  const h1 = res as http.ServerResponse;
  const onClose = () => {
    res.off('close', onClose);
    stopDrain();
    session.disconnected();
  };
  res.on('close', onClose);
  // A write racing a reset connection errors: that is a disconnect, not a crash. The listener
  // stays after cleanup so a late error is handled too.
  res.on('error', onClose);
  h1.writeHead(200, sseHeaders(req, options.headers));
  h1.flushHeaders?.();
  const socket = directSocket(res);
  const stream = 'stream' in res ? res.stream : undefined;
  // Listens for 'drain' only while a write waits for one: most clients never make it wait.
  const drainer = socket ?? res;
  let draining = false;
  const onDrain = () => {
    draining = false;
    session.drain();
  };
  const stopDrain = () => {
    if (draining) drainer.off('drain', onDrain);
    draining = false;
  };
  const waitDrain = () => {
    if (!draining) drainer.once('drain', onDrain);
    draining = true;
  };
  session.start(
    {
      write(chunk) {
        if (chunk.byteLength === 0) return true; // an empty chunk would end a chunked body
        const ok = socket ? socket.write(chunkFrame(chunk)) : h1.write(chunk);
        if (!ok) waitDrain();
        return ok;
      },
      pending: () => (stream ?? socket ?? h1).writableLength,
      end(evict) {
        res.off('close', onClose);
        stopDrain();
        if (evict) (stream ?? h1).destroy();
        else res.end();
      },
    },
    options,
  );
  if (res.destroyed) onClose();
  return session;
}
