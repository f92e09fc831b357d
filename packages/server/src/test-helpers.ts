import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** A client stream read with a spec parser, for tests. */
export interface TestStream {
  response: Response;
  events: EventSourceMessage[];
  comments: string[];
  retries: number[];
  /** Resolves once `predicate` holds for what was received (rejects when the stream ends first). */
  until(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves when the body ends. */
  ended: Promise<void>;
  close(): void;
}

/** Reads an SSE response body (from `fetch` or a `Response`) into arrays. */
export function readStream(response: Response, abort?: AbortController): TestStream {
  const events: EventSourceMessage[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const w of waiters) w();
  };
  const parser = createParser({
    onEvent: (e) => events.push(e),
    onComment: (c) => comments.push(c),
    onRetry: (r) => retries.push(r),
  });
  let done = false;
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        parser.feed(decoder.decode(value, { stream: true }));
        notify();
      }
    } catch {
      // aborted or errored: treat as the end
    } finally {
      done = true;
      notify();
    }
  })();
  return {
    response,
    events,
    comments,
    retries,
    ended,
    until(predicate, timeoutMs = 5000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (predicate()) finish(resolve);
          else if (done) finish(() => reject(new Error('stream ended first')));
        };
        const timer = setTimeout(() => finish(() => reject(new Error('timed out'))), timeoutMs);
        const finish = (fn: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          fn();
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      abort?.abort();
      reader.cancel().catch(() => {});
    },
  };
}

/** `fetch`es an SSE URL and reads it. */
export async function openStream(url: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  return readStream(response, abort);
}

/** A raw TCP client sending one request (GET, HTTP/1.1 by default): it reads nothing unless asked (a slow client). */
export async function rawRequest(
  port: number,
  path = '/',
  headers: Record<string, string> = {},
  {
    read = true,
    method = 'GET',
    version = '1.1',
  }: { read?: boolean; method?: string; version?: string } = {},
) {
  const socket = connect({ host: '127.0.0.1', port });
  await once(socket, 'connect');
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
  socket.write(`${method} ${path} HTTP/${version}\r\nhost: 127.0.0.1\r\n${lines.join('')}\r\n`);
  let text = '';
  if (read) socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  else socket.pause();
  return {
    socket,
    text: () => text,
    /** Resolves once the received text contains `needle`. */
    async waitFor(needle: string) {
      while (!text.includes(needle)) await once(socket, 'data');
    },
  };
}

/** A redis-server on a free port of 127.0.0.1, without persistence, for tests and benchmarks. */
export interface TestRedis {
  port: number;
  process: ChildProcess;
  /** Stops it (SIGKILL when `kill`, else SIGTERM) and resolves once it exited. */
  stop(kill?: boolean): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (probed, then released). */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

/** Starts `/usr/bin/redis-server` (installed by `scripts/system-deps.mjs`) on `port` or a free one. */
export async function startRedis(port?: number): Promise<TestRedis> {
  const p = port ?? (await freePort());
  const child = spawn('/usr/bin/redis-server', [
    '--port',
    String(p),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    if (out.length < 10_000) out += c;
  });
  while (!out.includes('Ready to accept connections')) {
    if (child.exitCode !== null) throw new Error(`redis-server exited: ${out}`);
    await once(child.stdout!, 'data');
  }
  return {
    port: p,
    process: child,
    async stop(kill = false) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(kill ? 'SIGKILL' : 'SIGTERM');
      await exited;
    },
  };
}
