import { SSEError } from './errors';
import { fetchTransport } from './fetch-transport';
import { ReconnectingStream } from './reconnecting-stream';
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
 * Optional features are values to import, so an app that does not use them does not ship them:
 * `transport: eventSourceTransport`, `crossTab: crossTab()`, `page: pageLifecycle()`.
 *
 * @throws SSEError with code `invalid-options` for a request that could never be sent (a body
 * with GET or HEAD, or a `ReadableStream` body, which cannot be sent again on reconnect), or
 * `eventsource-unsupported` when `transport: eventSourceTransport` is asked for a request that
 * `EventSource` cannot make (not GET, a body, custom headers, or no EventSource).
 */
export function connect(url: string, options: ConnectOptions = {}): EventStream {
  if (options.crossTab) {
    const { crossTab, ...own } = options;
    return crossTab.share(url, own, connect) ?? connect(url, own);
  }
  const problem = invalidOptions(options);
  if (problem) throw new SSEError('invalid-options', problem);
  const transport = options.transport ?? fetchTransport;
  const unsupported = transport.unsupported?.(options);
  if (unsupported) throw new SSEError(`${transport.name}-unsupported`, unsupported);
  return new ReconnectingStream(url, options, transport);
}

function invalidOptions({ method = 'GET', body }: ConnectOptions): string | null {
  if (body == null) return null;
  if (/^(GET|HEAD)$/i.test(method)) return `A ${method.toUpperCase()} request cannot have a body`;
  if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) {
    return 'A ReadableStream body can be sent only once; pass a string, Blob or FormData';
  }
  return null;
}
