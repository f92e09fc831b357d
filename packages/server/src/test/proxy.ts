import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';

/** Faults the proxy can put on one live connection. */
export type Fault = 'drop' | 'reset' | 'stall';

/** A TCP proxy on 127.0.0.1 in front of several server instances (tests and `bench:chaos`). */
export interface Proxy {
  readonly port: number;
  readonly url: string;
  /** Ports tried in turn for each new connection; a refused one is skipped. */
  backends: number[];
  /** Live client connections. */
  readonly size: number;
  /**
   * Puts `fault` on one random live connection: `drop` ends it cleanly (FIN), `reset` sends RST,
   * `stall` stops forwarding server bytes for `stallMs` (a dead link the client's idle timeout
   * must notice). Returns false when no connection is open.
   */
  inject(fault: Fault, random?: () => number, stallMs?: number): boolean;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  server: Socket;
  /** Server bytes held back while stalled (`stalls` > 0), then forwarded in order. */
  held: Buffer[];
  stalls: number;
}

/** Starts a proxy forwarding each connection to the first of `backends` that accepts it. */
export async function startProxy(backends: number[]): Promise<Proxy> {
  const pairs = new Set<Pair>();
  let next = 0;

  async function dial(): Promise<Socket | undefined> {
    for (let tries = 0; tries < proxy.backends.length; tries++) {
      const port = proxy.backends[next++ % proxy.backends.length]!;
      const socket = connect({ host: '127.0.0.1', port });
      try {
        await once(socket, 'connect');
        return socket;
      } catch {
        socket.destroy();
      }
    }
    return undefined;
  }

  const server = createServer({ pauseOnConnect: true }, async (client) => {
    client.on('error', () => {});
    const upstream = await dial();
    if (!upstream || client.destroyed) {
      upstream?.destroy();
      client.destroy();
      return;
    }
    const pair: Pair = { client, server: upstream, held: [], stalls: 0 };
    pairs.add(pair);
    upstream.on('error', () => {});
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    client.pipe(upstream);
    // Server to client by hand (not pipe), so a stall holds bytes without ever reordering or
    // repeating them, however many stalls overlap.
    upstream.on('data', (chunk: Buffer) => {
      if (pair.stalls > 0) pair.held.push(chunk);
      else if (!client.write(chunk)) upstream.pause();
    });
    client.on('drain', () => upstream.resume());
    client.resume();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };

  const proxy: Proxy = {
    port,
    url: `http://127.0.0.1:${port}`,
    backends,
    get size() {
      return pairs.size;
    },
    inject(fault, random = Math.random, stallMs = 3000) {
      const all = [...pairs];
      const pair = all[Math.floor(random() * all.length)];
      if (!pair) return false;
      if (fault === 'reset') {
        pair.client.resetAndDestroy();
        pair.server.destroy();
      } else if (fault === 'drop') {
        pair.client.end();
        pair.server.destroy();
      } else {
        pair.stalls++;
        const timer = setTimeout(() => {
          if (--pair.stalls > 0) return; // an overlapping stall goes on
          for (const chunk of pair.held.splice(0)) pair.client.write(chunk);
        }, stallMs);
        pair.client.once('close', () => clearTimeout(timer));
      }
      return true;
    },
    async close() {
      for (const { client, server } of pairs) {
        client.destroy();
        server.destroy();
      }
      pairs.clear();
      await new Promise((r) => server.close(r));
    },
  };
  return proxy;
}
