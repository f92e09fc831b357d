import { startServer, type TestServer } from '@ssekit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createCors, originMatcher } from './cors';
import { createSession } from './node';

describe('originMatcher', () => {
  it('allows localhost and 127.0.0.1 on any port with :*', () => {
    const allowed = originMatcher(['http://localhost:*', 'http://127.0.0.1:*']);
    expect(allowed('http://localhost:6006')).toBe(true);
    expect(allowed('http://127.0.0.1:5173')).toBe(true);
    expect(allowed('http://localhost')).toBe(true);
    expect(allowed('https://localhost:6006')).toBe(false);
    expect(allowed('http://localhost.evil.com')).toBe(false);
    expect(allowed('http://evil.com')).toBe(false);
    expect(allowed('null')).toBe(false);
  });

  it('matches exact origins and subdomain wildcards', () => {
    const allowed = originMatcher(['https://app.example.com', 'https://*.example.org']);
    expect(allowed('https://app.example.com')).toBe(true);
    expect(allowed('https://app.example.com:8443')).toBe(false);
    expect(allowed('https://a.example.org')).toBe(true);
    expect(allowed('https://a.b.example.org')).toBe(false);
    expect(allowed('https://example.org')).toBe(false);
  });
});

describe('createCors', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const cors = createCors({ origins: ['https://app.example.com'] });
  const preflight = (origin: string) =>
    fetch(server?.url ?? '', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'last-event-id,cache-control',
      },
    });

  it('Node: answers a preflight for a configured origin with every header a client may send', async () => {
    server = await startServer((req, res) => {
      if (cors.handle(req, res)) return;
      const session = createSession(req, res);
      session.send({ id: '1', data: 'hi' });
      session.close();
    });
    const ok = await preflight('https://app.example.com');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const allowed = ok.headers.get('access-control-allow-headers')?.split(', ');
    expect(allowed).toEqual(
      expect.arrayContaining(['last-event-id', 'authorization', 'content-type', 'cache-control']),
    );
    expect(ok.headers.get('vary')).toBe('origin');

    const denied = await preflight('https://evil.example.com');
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();

    const stream = await fetch(server.url, { headers: { origin: 'https://app.example.com' } });
    expect(stream.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(stream.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(await stream.text()).toContain('data: hi');
    const other = await fetch(server.url, { headers: { origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    await other.text();
    expect(server.requests.map((r) => r.method)).toEqual(['OPTIONS', 'OPTIONS', 'GET', 'GET']);
  });

  it('Fetch API: preflight() and headers(), and a function of the origin', () => {
    const byFunction = createCors({
      origins: (origin) => origin.endsWith('.test'),
      credentials: false,
    });
    const answer = byFunction.preflight(
      new Request('http://s/sse', { method: 'OPTIONS', headers: { origin: 'http://a.test' } }),
    );
    expect(answer?.status).toBe(204);
    expect(answer?.headers.get('access-control-allow-origin')).toBe('http://a.test');
    expect(answer?.headers.get('access-control-allow-credentials')).toBeNull();
    expect(byFunction.preflight(new Request('http://s/sse'))).toBeNull();
    expect(
      byFunction.headers(new Request('http://s/sse', { headers: { origin: 'http://b.test' } })),
    ).toMatchObject({ 'access-control-allow-origin': 'http://b.test', vary: 'origin' });
    expect(
      byFunction.headers(new Request('http://s/sse', { headers: { origin: 'http://b.com' } })),
    ).toEqual({ vary: 'origin' });
  });
});
