import type { ServerResponse } from 'node:http';
import { startServer, type TestServer, writeSSEHead } from '@ssekit/testing';
import { afterEach } from 'vitest';

/** One event in the wire format. */
export function frame(data: string, event?: string, id?: string): string {
  return `${event ? `event: ${event}\n` : ''}${id ? `id: ${id}\n` : ''}data: ${data}\n\n`;
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs `fn` after the current test (last registered first). */
export function later(fn: () => unknown): void {
  cleanups.push(fn);
}

export interface PushServer extends TestServer {
  /** Writes frames to every open response. */
  push(...frames: string[]): void;
  /** Responses open right now. */
  open(): number;
}

/**
 * A real SSE server on 127.0.0.1 (closed after the test) that keeps every response open and
 * writes `first` at once, then whatever `push` is given.
 */
export async function pushServer(first = ''): Promise<PushServer> {
  const responses = new Set<ServerResponse>();
  const server = await startServer((_req, res) => {
    writeSSEHead(res);
    if (first) res.write(first);
    responses.add(res);
    res.on('close', () => responses.delete(res));
  });
  later(() => server.close());
  return Object.assign(server, {
    push: (...frames: string[]) => {
      for (const res of responses) res.write(frames.join(''));
    },
    open: () => responses.size,
  });
}
