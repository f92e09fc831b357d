import { SSEError } from './errors';
import { ReconnectingStream } from './event-stream';
import { eventSourceTransport, eventSourceUnsupported } from './eventsource-transport';
import { fetchTransport } from './fetch-transport';
import type { ConnectOptions, EventStream } from './types';

/**
 * Opens a self-healing stream of server-sent events. It reconnects with backoff (resuming with
 * `Last-Event-ID`), honours the server's `retry:`, stops for good on fatal answers (HTTP 4xx
 * other than 408/429, a wrong content type, HTTP 204) and releases everything on `close()`.
 *
 * @example
 * const stream = connect('/api/prices', { idleTimeoutMs: 30_000 });
 * stream.on('price', (e) => render(JSON.parse(e.data)));
 *
 * @throws SSEError (code `eventsource-unsupported`) when `transport: 'eventsource'` is asked for
 * a request that `EventSource` cannot make (not GET, a body, custom headers, or no EventSource).
 */
export function connect(url: string, options: ConnectOptions = {}): EventStream {
  if (options.transport === 'eventsource') {
    const problem = eventSourceUnsupported(options);
    if (problem) throw new SSEError('eventsource-unsupported', problem);
    return new ReconnectingStream(url, options, eventSourceTransport);
  }
  return new ReconnectingStream(url, options, fetchTransport);
}
