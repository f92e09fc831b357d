/**
 * Load benchmark: N concurrent SSE clients on loopback against @ssekit/server and better-sse,
 * side by side in one run. Each server runs alone in a child process (its RSS and CPU are its
 * own); this process holds the raw TCP clients. Run with `pnpm bench:server`
 * (BENCH_SIZES=1000,5000 to pick sizes). Stops by itself in about two minutes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,10000').split(',').map(Number);
const IMPLS = (process.env.BENCH_IMPLS ?? 'ssekit,better-sse').split(',');
const RATE = 10; // broadcasts per second
const WARMUP_MS = 1000;
const WINDOW_MS = 4000;
const CONNECT_CONCURRENCY = 200;
const PROBES = 200; // clients that read live and measure lag
const CONNECT_TIMEOUT_MS = 30_000;
const HOST = '127.0.0.1';

const deadline = setTimeout(() => {
  console.error('benchmark took longer than 4 minutes: giving up');
  process.exit(1);
}, 240_000);
deadline.unref();

interface Stats {
  ticks: number;
  lastTs: number;
  rss: number;
  heap: number;
  cpu: NodeJS.CpuUsage;
  connections: number;
  sessions: number;
}

interface Result {
  held: number;
  connectMs: number;
  p50: number;
  p99: number;
  eventsPerSec: number;
  expectedPerSec: number;
  ticksPerSec: number;
  rssPerConn: number;
  rssMiB: number;
  heapPerConn: number;
  cpuPct: number;
}

async function startServer(impl: string) {
  const script = fileURLToPath(new URL('./server.ts', import.meta.url));
  const child: ChildProcess = spawn(
    'bash',
    [
      '-c',
      'ulimit -n "$(ulimit -Hn)"; exec "$@"',
      'bash',
      process.execPath,
      '--expose-gc',
      // BENCH_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the servers.
      ...(process.env.BENCH_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      script,
      impl,
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  child.on('exit', (code, signal) => {
    if (code !== 0) console.error(`server ${impl} exited with ${code ?? signal}`);
  });
  const [ready] = (await once(child, 'message')) as [{ port: number }];
  const stats = async (): Promise<Stats> => {
    child.send({ type: 'stats' });
    const [msg] = (await once(child, 'message')) as [Stats];
    return msg;
  };
  return { child, port: ready.port, stats };
}

/** The timestamps on `data:` lines of `buf[0..n)` (one SSE event per broadcast). */
function scanTimestamps(buf: Buffer, found: (ts: number) => void): void {
  const n = buf.length;
  let i = buf.indexOf('data:');
  while (i !== -1) {
    let j = i + 5;
    if (buf[j] === 0x20) j++;
    let end = j;
    while (end < n && buf[end] !== 0x0a) end++;
    found(Number(buf.toString('latin1', j, end)));
    i = buf.indexOf('data:', end);
  }
}

/**
 * Opens `n` raw SSE clients reading into one shared buffer. Only every `n / PROBES`-th client
 * reads live (its arrival times give the lag); the others stay paused during the window, their
 * events waiting in kernel socket buffers, and are read and counted after it. So the server
 * writes to every socket while this process only keeps up with a few hundred.
 */
async function openClients(port: number, n: number) {
  const sockets: Socket[] = [];
  const probeEvery = Math.max(1, Math.floor(n / PROBES));
  const window = { from: Number.POSITIVE_INFINITY, to: Number.NEGATIVE_INFINITY };
  const lags: number[] = [];
  const state = { delivered: 0, closed: 0, errors: 0, lastByteAt: 0 };
  const shared = Buffer.alloc(64 * 1024);
  const request = `GET /events HTTP/1.1\r\nhost: ${HOST}:${port}\r\naccept: text/event-stream\r\n\r\n`;
  const openOne = (index: number) =>
    new Promise<void>((resolve) => {
      const probe = index % probeEvery === 0;
      let head = true;
      const onTimestamp = (ts: number) => {
        if (probe) {
          // The window's end is not known yet while probes read live: keep all, filter later.
          if (ts > window.from) lags.push(ts, performance.timeOrigin + performance.now() - ts);
        } else if (ts > window.from && ts <= window.to) {
          state.delivered++;
        }
      };
      const socket = connect({
        host: HOST,
        port,
        noDelay: true,
        onread: {
          buffer: shared,
          callback(nread, buf) {
            state.lastByteAt = performance.now();
            const bytes = Buffer.from(buf.buffer, buf.byteOffset, nread);
            if (head) {
              head = false;
              if (bytes.toString('latin1', 0, 12) === 'HTTP/1.1 200') sockets.push(socket);
              resolve();
              return probe; // non-probes pause until the window is over
            }
            scanTimestamps(bytes, onTimestamp);
            return true;
          },
        },
      });
      socket.on('error', () => {
        state.errors++;
        resolve();
      });
      socket.on('close', () => state.closed++);
      socket.once('connect', () => socket.write(request));
    });
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < n && performance.now() - started < CONNECT_TIMEOUT_MS) {
      await openOne(next++);
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, worker));
  return { sockets, state, window, lags, connectMs: performance.now() - started };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(impl: string, n: number): Promise<Result> {
  const server = await startServer(impl);
  const base = await server.stats();
  const { sockets, state, window, lags, connectMs } = await openClients(server.port, n);
  await sleep(200);
  server.child.send({ type: 'start', rate: RATE });
  await sleep(WARMUP_MS);
  const before = await server.stats();
  window.from = before.lastTs; // events after this one...
  await sleep(WINDOW_MS);
  const after = await server.stats(); // ...up to this one are measured
  window.to = after.lastTs;
  server.child.send({ type: 'pause' });
  const elapsed = window.to - window.from;
  const held = Math.min(after.sessions, sockets.length - state.closed);
  // Read what the paused clients hold, until the sockets go quiet.
  for (const s of sockets) s.resume();
  const drainStart = performance.now();
  await sleep(200);
  while (performance.now() - state.lastByteAt < 300 && performance.now() - drainStart < 15_000) {
    await sleep(100);
  }
  for (const s of sockets) s.destroy();
  server.child.send({ type: 'stop' });
  await once(server.child, 'exit');
  const inWindow: number[] = [];
  for (let i = 0; i < lags.length; i += 2) {
    if (lags[i]! <= window.to) inWindow.push(lags[i + 1]!);
  }
  state.delivered += inWindow.length;
  const sorted = Float64Array.from(inWindow).sort();
  const cpuMicros = after.cpu.user + after.cpu.system - (before.cpu.user + before.cpu.system);
  return {
    held,
    connectMs,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    eventsPerSec: state.delivered / (elapsed / 1000),
    expectedPerSec: (held * (after.ticks - before.ticks)) / (elapsed / 1000),
    ticksPerSec: (after.ticks - before.ticks) / (elapsed / 1000),
    rssPerConn: (after.rss - base.rss) / Math.max(1, held),
    rssMiB: after.rss / 2 ** 20,
    heapPerConn: (after.heap - base.heap) / Math.max(1, held),
    cpuPct: (cpuMicros / 1000 / elapsed) * 100,
  };
}

const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
const rows: string[] = [];
console.log(
  `SSE load on ${HOST}: ${RATE} broadcasts/s, ${WARMUP_MS} ms warm-up, ${WINDOW_MS} ms measured, node ${process.version}`,
);
for (const n of SIZES) {
  const results: Record<string, Result> = {};
  for (const impl of IMPLS) {
    results[impl] = await run(impl, n);
    const r = results[impl];
    console.log(
      `${impl.padEnd(10)} N=${n}: held ${r.held}, connect ${fmt(r.connectMs, 0)} ms, p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms, ${fmt(r.eventsPerSec, 0)}/${fmt(r.expectedPerSec, 0)} events/s (${fmt(r.ticksPerSec)} broadcasts/s), ${fmt(r.rssPerConn / 1024)} KiB RSS/conn, ${fmt(r.heapPerConn / 1024)} KiB heap/conn, CPU ${fmt(r.cpuPct)}%`,
    );
  }
  const a = results.ssekit!;
  const b = results['better-sse']!;
  const line = (name: string, x: number, y: number, digits = 1) =>
    rows.push(`| ${n} | ${name} | ${fmt(x, digits)} | ${fmt(y, digits)} | ${fmt(x / y, 2)} |`);
  line('held connections', a.held, b.held, 0);
  line('p50 delivery lag (ms)', a.p50, b.p50);
  line('p99 delivery lag (ms)', a.p99, b.p99);
  line(`broadcasts/s kept up (target ${RATE})`, a.ticksPerSec, b.ticksPerSec);
  line('events/s delivered', a.eventsPerSec, b.eventsPerSec, 0);
  line('server RSS per connection (KiB)', a.rssPerConn / 1024, b.rssPerConn / 1024);
  line('server JS heap per connection (KiB)', a.heapPerConn / 1024, b.heapPerConn / 1024);
  line('server RSS total (MiB)', a.rssMiB, b.rssMiB);
  line('server CPU (% of a core)', a.cpuPct, b.cpuPct);
}
console.log('\n| clients | metric | @ssekit/server | better-sse | ratio (ssekit / better-sse) |');
console.log('|---:|---|---:|---:|---:|');
for (const row of rows) console.log(row);
clearTimeout(deadline);
