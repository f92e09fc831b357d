import {
  DEFAULT_HEADERS,
  readLastEventId,
  type Session,
  SessionImpl,
  type SessionOptions,
} from './session';

/**
 * Starts an SSE response for a fetch-style handler (Hono, Next.js route handlers, workers, Deno,
 * Bun): return `response` from the handler and write through `session`. The session closes when
 * the client goes away (`request.signal`) or the body is cancelled.
 */
export function createResponse(
  request: Request,
  options: SessionOptions = {},
): { response: Response; session: Session } {
  const session = new SessionImpl(
    readLastEventId(
      request.headers.get('last-event-id'),
      request.url,
      options.maxLastEventIdLength,
    ),
    options,
  );
  const highWaterMark = 64 * 1024;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        session.drain();
      },
      cancel() {
        session.disconnected();
      },
    },
    { highWaterMark, size: (chunk) => chunk.byteLength },
  );
  const onAbort = () => session.disconnected();
  request.signal.addEventListener('abort', onAbort, { once: true });
  session.start(
    {
      write(chunk) {
        controller.enqueue(chunk);
        return (controller.desiredSize ?? 0) > 0;
      },
      pending: () => Math.max(0, highWaterMark - (controller.desiredSize ?? highWaterMark)),
      end(evict) {
        request.signal.removeEventListener('abort', onAbort);
        try {
          if (evict) controller.error(new Error('SSE session closed'));
          else controller.close();
        } catch {
          // already closed or cancelled by the reader
        }
      },
    },
    options,
  );
  if (request.signal.aborted) onAbort();
  const headers = { ...DEFAULT_HEADERS, ...options.headers };
  return { response: new Response(body, { status: 200, headers }), session };
}
