import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the test server saw it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type TestHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string,
) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Every request received, in order (body read in full before the handler runs). */
  readonly requests: RecordedRequest[];
  /** Sockets open right now. */
  openSockets(): number;
  /** Resolves once the number of open sockets is `n` (or rejects after `timeoutMs`). */
  waitForSockets(n: number, timeoutMs?: number): Promise<void>;
  /** Destroys every socket and stops listening. */
  close(): Promise<void>;
}

/** Starts a real HTTP server on 127.0.0.1 with an ephemeral port. */
export async function startServer(handler: TestHandler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
    try {
      await handler(req, res, body);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    openSockets: () => sockets.size,
    async waitForSockets(n, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (sockets.size !== n) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${n} open sockets, have ${sockets.size}`);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes the status line and headers of an SSE response. */
export function writeSSEHead(res: http.ServerResponse, headers: http.OutgoingHttpHeaders = {}) {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  });
  res.flushHeaders();
}
