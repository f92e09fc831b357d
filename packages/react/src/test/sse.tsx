import type { ServerResponse } from 'node:http';
import { createHub, type Hub } from '@ssekit/core';
import { startServer, type TestHandler, type TestServer, writeSSEHead } from '@ssekit/testing';
import type { ReactNode } from 'react';
import { afterEach } from 'vitest';
import { SSEProvider } from '../provider';

/** One event in the wire format. */
export function frame(data: unknown, event?: string, id?: string): string {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  return `${event ? `event: ${event}\n` : ''}${id ? `id: ${id}\n` : ''}data: ${text}\n\n`;
}

/** Writes the SSE head and the given frames, and keeps the response open. */
export function open(res: ServerResponse, ...frames: string[]) {
  writeSSEHead(res);
  if (frames.length > 0) res.write(frames.join(''));
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export interface SSEServer extends TestServer {
  /** Responses not yet closed (ended by the server or aborted by the client). */
  openStreams(): number;
}

/**
 * A real SSE server on 127.0.0.1, closed after the test. It counts open responses: a socket
 * count would not do, as Node's fetch may open a spare idle socket after an abort.
 */
export async function serve(handler: TestHandler): Promise<SSEServer> {
  let streams = 0;
  const server = await startServer((req, res, body) => {
    streams++;
    res.on('close', () => streams--);
    return handler(req, res, body);
  });
  cleanups.push(() => server.close());
  return Object.assign(server, { openStreams: () => streams });
}

/** A hub with a short grace period, closed after the test, and a provider wrapper for it. */
export function testHub(graceMs = 20): {
  hub: Hub;
  wrapper: (p: { children: ReactNode }) => ReactNode;
} {
  const hub = createHub({ graceMs, defaults: { retry: { initialMs: 10, maxMs: 50 } } });
  cleanups.push(() => hub.close());
  return {
    hub,
    wrapper: ({ children }) => <SSEProvider hub={hub}>{children}</SSEProvider>,
  };
}
