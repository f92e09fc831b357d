import type { Plugin } from 'vite';

/**
 * Test-only endpoint for browser tests: `GET /__sse/raw?b64=<base64 body>&chunk=<bytes>&delay=<ms>`
 * answers `text/event-stream` with exactly the given bytes, optionally in chunks of
 * `chunk` bytes `delay` ms apart, then ends the response. Used to feed the native
 * EventSource and ssekit the same bytes.
 */
export function rawSsePlugin(): Plugin {
  return {
    name: 'ssekit-raw-sse',
    configureServer(server) {
      server.middlewares.use('/__sse/raw', (req, res) => {
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
      });
    },
  };
}
