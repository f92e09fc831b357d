import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockServer, type MockServer, type MockServerOptions } from './mock-server';

export interface StartOptions extends MockServerOptions {
  /** Port to listen on; 0 picks a free one. Default 3001. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningMockServer {
  /** `http://<host>:<port>` */
  readonly url: string;
  readonly port: number;
  /** The middleware, with its `stats`. */
  readonly mock: MockServer;
  /** Ends every stream and connection and stops listening. */
  close(): Promise<void>;
}

/** Starts the mock server on its own HTTP server (`/` redirects to the index page). */
export async function startMockServer(options: StartOptions = {}): Promise<RunningMockServer> {
  const mock = createMockServer(options);
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer((req, res) => {
    if (req.url === '/' || req.url === '/sse') {
      res.writeHead(302, { location: '/sse/index.html' }).end();
      return;
    }
    mock(req, res);
  });
  server.listen(options.port ?? 3001, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    mock,
    async close() {
      mock.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
