/**
 * The server under test for load.bench.ts, run in its own process so its memory and CPU are
 * measured alone. argv[2]: `ssekit` or `better-sse`. Talks to the parent over IPC.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as betterSse from 'better-sse';
import { createChannel } from '../src/index';

type Command =
  | { type: 'stats' }
  | { type: 'start'; rate: number }
  | { type: 'pause' }
  | { type: 'stop' };

const impl = process.argv[2];
let connections = 0;
let broadcast: (ts: number) => void;
let handler: http.RequestListener;

if (impl === 'ssekit') {
  const channel = createChannel({ historySize: 100 });
  handler = (req, res) => {
    channel.handle(req, res);
  };
  broadcast = (ts) => channel.publish({ event: 'tick', data: ts });
  Object.defineProperty(globalThis, 'open', { get: () => channel.size });
} else if (impl === 'better-sse') {
  const channel = betterSse.createChannel();
  handler = async (req, res) => {
    const session = await betterSse.createSession(req, res);
    channel.register(session);
  };
  broadcast = (ts) => channel.broadcast(ts, 'tick');
  Object.defineProperty(globalThis, 'open', { get: () => channel.sessionCount });
} else if (impl === 'node') {
  const all = new Set<http.ServerResponse>();
  handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    all.add(res);
    res.on('close', () => all.delete(res));
  };
  broadcast = (ts) => {
    const b = Buffer.from(`event: tick\ndata: ${ts}\n\n`);
    for (const r of all) r.write(b);
  };
  Object.defineProperty(globalThis, 'open', { get: () => all.size });
} else {
  throw new Error(`unknown implementation ${impl}`);
}

const server = http.createServer(handler);
server.on('connection', (socket) => {
  connections++;
  socket.on('close', () => connections--);
});
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port });
});

let ticker: ReturnType<typeof setInterval> | undefined;
let ticks = 0;
let lastTs = 0;
process.on('message', (cmd: Command) => {
  if (cmd.type === 'stats') {
    (globalThis as { gc?: () => void }).gc?.();
    const open = (globalThis as unknown as { open: number }).open;
    const mem = process.memoryUsage();
    if (process.env.BENCH_MEMORY) console.error(impl, open, JSON.stringify(mem));
    process.send?.({
      type: 'stats',
      rss: mem.rss,
      heap: mem.heapUsed,
      cpu: process.cpuUsage(),
      connections,
      sessions: open,
      ticks,
      lastTs,
    });
  } else if (cmd.type === 'start') {
    ticker = setInterval(() => {
      lastTs = performance.timeOrigin + performance.now();
      ticks++;
      broadcast(lastTs);
    }, 1000 / cmd.rate);
  } else if (cmd.type === 'pause') {
    clearInterval(ticker);
  } else {
    clearInterval(ticker);
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
