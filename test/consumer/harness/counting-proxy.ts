import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A proxy in front of a server that records every request it forwards (`METHOD /path?query`). */
export interface CountingProxy {
  readonly url: string;
  readonly requests: readonly string[];
  /** How many of the recorded requests are exactly `METHOD /path?query`. */
  count(request: string): number;
  close(): Promise<void>;
}

/**
 * Starts a proxy on 127.0.0.1 (a free port) that forwards everything to `target`, streaming the
 * answer as it comes: the test counts on the server side how many requests the apps make.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const requests: string[] = [];
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    count: (request) => requests.filter((r) => r === request).length,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
