import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSession, formatEvent, type SSEMessage } from '@ssekit/server';
import { createMalformer } from './malformed';
import type { Switches } from './switches';

/** Events of one connection, in batches; a batch is written at once. Stops when `signal` aborts. */
export type StreamSource = (signal: AbortSignal) => AsyncIterable<SSEMessage[]>;

/** Counters a test can read to check that generators stop and nothing leaks. */
export interface MockStats {
  /** Streams being served right now. */
  activeStreams: number;
  /** Events written since start, over all streams. */
  eventsSent: number;
  /** Chat tokens generated since start (stops growing when clients abort). */
  tokensGenerated: number;
}

/** Ends the TCP connection abruptly for the client (an unterminated chunked body) after flushing. */
function drop(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) {
    res.destroy();
    return;
  }
  socket.end();
  socket.once('finish', () => socket.destroy());
}

/**
 * Streams `source` as an SSE response through an `@ssekit/server` session, applying the fault
 * switches: `delay`, `dropAfter`, `dropMidEvent`, `stallAfter`, `malformed`, `retry`,
 * `contentType` and `heartbeatMs`. Resolves once the stream is over; every timer is released.
 */
export async function serveEvents(
  req: IncomingMessage,
  res: ServerResponse,
  switches: Switches,
  source: StreamSource,
  stats: MockStats,
): Promise<void> {
  const session = createSession(req, res, {
    heartbeatMs: 0,
    ...(switches.retry !== undefined && { retry: switches.retry }),
    ...(switches.contentType !== undefined && {
      headers: { 'content-type': switches.contentType },
    }),
  });
  const malform = switches.malformed ? createMalformer(switches.seed ?? 'malformed') : undefined;
  const beat =
    switches.heartbeatMs > 0
      ? setInterval(() => session.comment(), switches.heartbeatMs)
      : undefined;
  const closed = new Promise<void>((resolve) => session.onClose(resolve));
  /** Sends nothing more, heartbeats included, until the client leaves. */
  const stall = () => {
    clearInterval(beat);
    return closed;
  };
  let count = 0;
  stats.activeStreams++;
  try {
    if (switches.stallAfter === 0) return await stall();
    for await (const batch of source(session.signal)) {
      let text = '';
      for (const msg of batch) {
        if (switches.delay > 0) {
          if (text) session.writeRaw(text);
          text = '';
          await sleep(switches.delay, undefined, { signal: session.signal });
        }
        count++;
        stats.eventsSent++;
        const event = malform ? malform(formatEvent(msg)) : formatEvent(msg);
        if (count === switches.dropMidEvent) {
          session.writeRaw(text + event.slice(0, Math.ceil(event.length / 2)));
          return drop(res);
        }
        text += event;
        if (count === switches.dropAfter) {
          session.writeRaw(text);
          return drop(res);
        }
        if (count === switches.stallAfter) {
          session.writeRaw(text);
          return await stall();
        }
      }
      if (text) session.writeRaw(text);
    }
    session.close();
  } catch (error) {
    if (!session.signal.aborted) throw error;
  } finally {
    clearInterval(beat);
    stats.activeStreams--;
  }
}
