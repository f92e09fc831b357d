import type http from 'node:http';
import type http2 from 'node:http2';
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
  const stream = 'stream' in res ? res.stream : undefined;
  const onDrain = () => session.drain();
  const onClose = () => {
    res.off('drain', onDrain);
    res.off('close', onClose);
    session.disconnected();
  };
  res.on('drain', onDrain);
  res.on('close', onClose);
  // A write racing a reset connection errors: that is a disconnect, not a crash. The listener
  // stays after cleanup so a late error is handled too.
  res.on('error', onClose);
  (res as http.ServerResponse).writeHead(200, sseHeaders(req, options.headers));
  (res as http.ServerResponse).flushHeaders?.();
  session.start(
    {
      write: (chunk) => (res as http.ServerResponse).write(chunk),
      pending: () => (stream ? stream.writableLength : (res as http.ServerResponse).writableLength),
      end(evict) {
        res.off('drain', onDrain);
        res.off('close', onClose);
        if (evict) (stream ?? (res as http.ServerResponse)).destroy();
        else res.end();
      },
    },
    options,
  );
  if (res.destroyed) onClose();
  return session;
}
