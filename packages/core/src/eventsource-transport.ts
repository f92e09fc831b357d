import { SSEError } from './errors';
import type { Transport } from './transport';
import type { SSEEvent } from './types';
import { utf8Length } from './utf8';

/**
 * The browser's native `EventSource` as a transport: `connect(url, { transport:
 * eventSourceTransport })`. GET only, no custom headers or body (`connect` throws an `SSEError`
 * with code `eventsource-unsupported` otherwise). It parses and reconnects by itself, sending
 * `Last-Event-ID` on its own reconnects; a connection it gives up on (an HTTP error status or a
 * wrong content type, which it does not tell apart) is reported as a fatal `SSEError` with code
 * `eventsource`. It dispatches only event types someone listens to: `message` always, other
 * names once an `on(name, ...)` listener exists.
 */
export const eventSourceTransport: Transport & {
  /** Estimated bytes of an event on the wire, for inspectors (see `inspect`); a lower bound. */
  wireBytes(event: SSEEvent, lastEventId: string): number;
} = {
  name: 'eventsource',
  unsupported: eventSourceUnsupported,
  open: openEventSource,
  wireBytes,
};

/**
 * An estimate of the bytes an event took on the wire, for inspectors (`EventSource` hands over
 * parsed events, never bytes): the UTF-8 length of its data, one `data: ` line per data line,
 * `event: <name>` unless `message`, `id: <id>` when the id changed from `lastEventId`, the line
 * ends (LF) and the blank line. Comments (heartbeats), `retry:` lines and CRLF line ends are not
 * seen, so it is a lower bound of what arrived.
 */
function wireBytes(event: SSEEvent, lastEventId: string): number {
  const { data, event: name, id } = event;
  let lines = 1;
  for (let i = data.indexOf('\n'); i !== -1; i = data.indexOf('\n', i + 1)) lines++;
  // `data: ` + LF per line (the LFs joining lines are counted in the data) + the blank line.
  let bytes = utf8Length(data) - (lines - 1) + lines * 7 + 1;
  if (name !== 'message') bytes += 8 + utf8Length(name);
  if (id !== lastEventId) bytes += 5 + utf8Length(id);
  return bytes;
}

function openEventSource(
  ...[request, sink, signal]: Parameters<Transport['open']>
): ReturnType<Transport['open']> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const source = new EventSource(request.url, {
      withCredentials: request.credentials === 'include',
    });
    const listened = new Set<string>();
    const onMessage = (e: Event) => {
      const m = e as MessageEvent;
      sink.event({ event: m.type, data: String(m.data), id: m.lastEventId });
    };
    const listen = (name: string) => {
      if (name === '*' || listened.has(name)) return;
      listened.add(name);
      source.addEventListener(name, onMessage);
    };
    listen('message');
    for (const name of sink.names()) listen(name);
    const unwatch = sink.watchNames(listen);
    const finish = () => {
      unwatch();
      signal.removeEventListener('abort', onAbort);
      source.close();
    };
    const onAbort = () => {
      finish();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort);
    source.onopen = () => sink.open();
    source.onerror = () => {
      if (source.readyState === EventSource.CONNECTING) {
        sink.lost(new SSEError('eventsource', 'EventSource lost the connection', { fatal: false }));
        return;
      }
      finish();
      reject(
        new SSEError(
          'eventsource',
          `EventSource failed to connect to ${request.url} (HTTP error status or wrong content type)`,
        ),
      );
    };
  });
}

/** Why a request cannot go through `EventSource`, or null when it can. */
function eventSourceUnsupported(options: {
  method?: string | undefined;
  body?: unknown;
  headers?: unknown;
}): string | null {
  if (typeof EventSource === 'undefined') return 'EventSource is not available in this runtime';
  if (options.method && options.method.toUpperCase() !== 'GET') {
    return `EventSource can only send GET, not ${options.method}`;
  }
  if (options.body != null) return 'EventSource cannot send a request body';
  if (options.headers !== undefined) return 'EventSource cannot send custom headers';
  return null;
}
