import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { writeSSEHead } from '@ssekit/testing';

export { nextError, nextEvents, untilStatus } from './stream';

/** One event in wire format. */
export function sse(fields: { id?: string | number; event?: string; data: string }): string {
  let out = '';
  if (fields.event) out += `event: ${fields.event}\n`;
  if (fields.id !== undefined) out += `id: ${fields.id}\n`;
  for (const line of fields.data.split('\n')) out += `data: ${line}\n`;
  return `${out}\n`;
}

/** A small seeded PRNG (mulberry32), so random drops repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The ID a request resumes from (0 when none). */
export function resumeFrom(req: IncomingMessage): number {
  return Number(req.headers['last-event-id'] ?? 0);
}

/** Ends a response by cutting its socket once `bytes` have been flushed. */
export function writeThenDrop(res: ServerResponse, bytes: string | Buffer): void {
  res.write(bytes, () => res.socket?.destroy());
}

/** Starts an SSE response and leaves it open (the test closes the server). */
export function openStream(res: ServerResponse, body = ''): void {
  writeSSEHead(res);
  if (body) res.write(body);
}

/** Active timers of this process right now (Node), to check none are left behind. */
export function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
}

/**
 * Remembers the sockets that carried requests, so a test can await their close (an idle
 * socket the client's pool opens without a request does not count).
 */
export function requestSockets() {
  const open = new Set<Socket>();
  return {
    track(req: IncomingMessage) {
      const socket = req.socket;
      if (socket.destroyed || open.has(socket)) return;
      open.add(socket);
      socket.once('close', () => open.delete(socket));
    },
    get open() {
      return open.size;
    },
    /** Resolves once every tracked socket has closed. */
    allClosed(): Promise<void> {
      return Promise.all([...open].map((s) => once(s, 'close'))).then(() => {});
    },
  };
}
