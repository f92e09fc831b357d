import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

/** What the `/__sse/counter` endpoint saw for one `key`. */
interface CounterStats {
  /** The `Last-Event-ID` header of every request ('' when absent), in order. */
  lastEventIds: string[];
  methods: string[];
  /** Responses still open. */
  open: number;
}

/**
 * Test-only endpoints for browser tests:
 *
 * - `GET /__sse/raw?b64=<base64 body>&chunk=<bytes>&delay=<ms>` answers `text/event-stream`
 *   with exactly the given bytes, optionally in chunks of `chunk` bytes `delay` ms apart, then
 *   ends the response. Used to feed the native EventSource and ssekit the same bytes.
 * - `/__sse/counter?key=<k>&total=<n>&drop=<k>&interval=<ms>&retry=<ms>&named=1` (any method):
 *   events with IDs 1..total, resuming after `Last-Event-ID`; `interval` ms apart (0: at once);
 *   cuts the socket after `drop` events per connection; ends after `total`, and answers 204 once
 *   everything was sent. `named=1` names even events `tick`. `retry` sends a `retry:` field.
 * - `GET /__sse/stats?key=<k>&open=<n>` answers the counter's {@link CounterStats} as JSON,
 *   waiting (up to 5 s) until `open` responses are open when `open` is given.
 * - `/__sse/status?code=<n>` answers that HTTP status with a plain-text body.
 */
export function rawSsePlugin(): Plugin {
  const stats = new Map<string, CounterStats>();
  const statsFor = (key: string) => {
    let s = stats.get(key);
    if (!s) {
      s = { lastEventIds: [], methods: [], open: 0 };
      stats.set(key, s);
    }
    return s;
  };
  return {
    name: 'ssekit-raw-sse',
    configureServer(server) {
      server.middlewares.use('/__sse/raw', raw);
      server.middlewares.use('/__sse/counter', (req, res) => counter(req, res, statsFor));
      server.middlewares.use('/__sse/stats', async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const s = statsFor(url.searchParams.get('key') ?? '');
        const want = url.searchParams.get('open');
        const deadline = Date.now() + 5000;
        while (want !== null && s.open !== Number(want) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 10));
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(s));
      });
      server.middlewares.use('/__sse/status', (req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        res.writeHead(Number(url.searchParams.get('code') ?? 500), {
          'content-type': 'text/plain',
        });
        res.end('status endpoint');
      });
    },
  };
}

function raw(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const body = Buffer.from(url.searchParams.get('b64') ?? '', 'base64');
  const chunk = Math.max(1, Number(url.searchParams.get('chunk') ?? body.length) || 1);
  const delay = Number(url.searchParams.get('delay') ?? 0);
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
  });
  let offset = 0;
  const step = () => {
    if (offset >= body.length || res.destroyed) {
      res.end();
      return;
    }
    res.write(body.subarray(offset, offset + chunk));
    offset += chunk;
    if (delay > 0) setTimeout(step, delay);
    else step();
  };
  step();
}

function counter(
  req: IncomingMessage,
  res: ServerResponse,
  statsFor: (key: string) => CounterStats,
) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const param = (name: string) => Number(url.searchParams.get(name) ?? 0);
  const total = param('total') || 10;
  const drop = param('drop');
  const interval = param('interval');
  const named = url.searchParams.get('named') === '1';
  const header = req.headers['last-event-id'];
  const stats = statsFor(url.searchParams.get('key') ?? '');
  stats.lastEventIds.push(typeof header === 'string' ? header : '');
  stats.methods.push(req.method ?? 'GET');
  let next = Number(header ?? 0) + 1;
  if (next > total) {
    res.writeHead(204);
    res.end();
    return;
  }
  stats.open++;
  res.on('close', () => stats.open--);
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  if (url.searchParams.has('retry')) res.write(`retry: ${param('retry')}\n\n`);
  let sent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  res.on('close', () => clearTimeout(timer));
  const step = () => {
    if (res.destroyed) return;
    const name = named && next % 2 === 0 ? 'event: tick\n' : '';
    const event = `${name}id: ${next}\ndata: n${next}\n\n`;
    next++;
    sent++;
    if (drop && sent >= drop && next <= total) {
      // Cut the socket a moment after the event was flushed: a browser errors the fetch body
      // stream on a reset, which discards chunks it had queued but not yet handed out.
      res.write(event, () => {
        timer = setTimeout(() => res.socket?.destroy(), 30);
      });
      return;
    }
    res.write(event);
    if (next > total) {
      res.end();
      return;
    }
    if (interval > 0) timer = setTimeout(step, interval);
    else step();
  };
  step();
}
