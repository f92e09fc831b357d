import { startServer, type TestServer } from '@ssekit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';
import { createSession } from './node';
import { openStream } from './test-helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createLimiter', () => {
  it('answers 429 per key and 503 overall with Retry-After, and frees slots on disconnect', async () => {
    const limiter = createLimiter({
      maxConnections: 3,
      maxPerKey: 2,
      key: (req) => String(req.headers['x-user']),
      retryAfterSeconds: 7,
    });
    server = await startServer((req, res) => {
      if (limiter.admit(req, res)) createSession(req, res, { heartbeatMs: 0 });
    });
    const url = server.url;
    const a1 = await openStream(url, { 'x-user': 'a' });
    const a2 = await openStream(url, { 'x-user': 'a' });
    const a3 = await fetch(url, { headers: { 'x-user': 'a' } });
    expect(a3.status).toBe(429);
    expect(a3.headers.get('retry-after')).toBe('7');
    await a3.text();
    const b1 = await openStream(url, { 'x-user': 'b' });
    const b2 = await fetch(url, { headers: { 'x-user': 'b' } });
    expect(b2.status).toBe(503);
    expect(b2.headers.get('retry-after')).toBe('7');
    await b2.text();
    expect(limiter.active).toBe(3);
    for (const s of [a1, a2, b1]) expect(s.response.status).toBe(200);

    a1.close();
    await server.waitForSockets(2);
    expect(limiter.active).toBe(2);
    const a4 = await openStream(url, { 'x-user': 'a' });
    expect(a4.response.status).toBe(200);
    for (const s of [a2, b1, a4]) s.close();
  });

  it('gives fetch-style handlers a release function or a rejection Response', async () => {
    const limiter = createLimiter({ maxPerKey: 1 });
    const slot = limiter.acquire('k');
    expect('release' in slot).toBe(true);
    const refused = limiter.acquire('k');
    expect(refused).toEqual({ status: 429, retryAfter: 5 });
    if (!('status' in refused)) throw new Error('expected a rejection');
    const response = limiter.reject(refused);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('5');
    if ('release' in slot) {
      slot.release();
      slot.release(); // idempotent
    }
    expect(limiter.active).toBe(0);
    expect('release' in limiter.acquire('k')).toBe(true);
  });
});
