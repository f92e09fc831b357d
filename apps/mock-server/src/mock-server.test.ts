import { connect } from '@ssekit/core';
import { startServer } from '@ssekit/testing';
import { describe, expect, it } from 'vitest';
import { createMockServer } from './mock-server';
import { startMockServer } from './standalone';
import { collect, idLine, readRaw, useMockServer, waitFor } from './test/helpers';

const server = useMockServer();
const url = (path: string) => `${server().url}${path}`;

describe('GET /sse/stats', () => {
  it('lists the counters and every open stream by method and URL, and drops closed ones', async () => {
    const path = '/sse/ticker?symbols=AAPL,MSFT&rate=50';
    const stream = connect(url(path));
    const streams = async () =>
      ((await (await fetch(url('/sse/stats'))).json()) as { streams: string[] }).streams;
    const until = async (check: (list: string[]) => boolean) => {
      const deadline = Date.now() + 3000;
      while (!check(await streams())) {
        if (Date.now() > deadline) throw new Error('stream list did not change in time');
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    await until((list) => list.includes(`GET ${path}`));
    const stats = await (await fetch(url('/sse/stats'))).json();
    expect(stats).toMatchObject({
      activeStreams: expect.any(Number),
      eventsSent: expect.any(Number),
    });
    stream.close();
    await until((list) => !list.includes(`GET ${path}`));
  });
});

describe('CORS', () => {
  it('reflects an allowed origin with credentials, never *', async () => {
    const { response } = await readRaw(url('/sse/ticker'), (t) => idLine(1).test(t), {
      headers: { origin: 'http://localhost:6006' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('vary')).toBe('origin');
  });

  it('gives a disallowed origin no CORS headers', async () => {
    const res = await fetch(url('/sse/'), { headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answers a preflight for POST with the SSE request headers', async () => {
    const res = await fetch(url('/sse/chat'), {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization, last-event-id',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = res.headers.get('access-control-allow-headers')!.split(/,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining(['content-type', 'authorization', 'last-event-id']),
    );
    const denied = await fetch(url('/sse/chat'), {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('uses the configured origin list instead of the default', async () => {
    const custom = await startMockServer({ port: 0, origins: ['https://app.example.com'] });
    try {
      const ok = await fetch(`${custom.url}/sse/`, {
        headers: { origin: 'https://app.example.com' },
      });
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      const local = await fetch(`${custom.url}/sse/`, {
        headers: { origin: 'http://localhost:6006' },
      });
      expect(local.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await custom.close();
    }
  });
});

describe('routing', () => {
  it('lists the scenarios and switches as JSON and HTML', async () => {
    const json = (await (await fetch(url('/sse/'))).json()) as {
      scenarios: Array<{ name: string }>;
      switches: Array<{ name: string }>;
    };
    expect(json.scenarios.map((s) => s.name)).toEqual([
      'ticker',
      'notifications',
      'jobs',
      'chat',
      'logs',
    ]);
    expect(json.switches.map((s) => s.name)).toEqual(
      expect.arrayContaining(['dropAfter', 'dropMidEvent', 'stallAfter', 'malformed', 'status']),
    );
    const html = await fetch(url('/sse/index.html'));
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('<a href="/sse/ticker?dropAfter=5">');
    const root = await fetch(url('/'), { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/sse/index.html');
  });

  it('answers 404 for unknown paths and 405 with Allow for a wrong method', async () => {
    expect((await fetch(url('/sse/nope'))).status).toBe(404);
    expect((await fetch(url('/elsewhere'))).status).toBe(404);
    const wrong = await fetch(url('/sse/ticker'), { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    const getJobs = await fetch(url('/sse/jobs'));
    expect(getJobs.status).toBe(405);
    expect(getJobs.headers.get('allow')).toBe('POST');
  });

  it('passes requests outside /sse to the next middleware', async () => {
    const mock = createMockServer();
    const host = await startServer((req, res) => mock(req, res, () => res.end('next')));
    try {
      expect(await (await fetch(`${host.url}/app`)).text()).toBe('next');
      expect((await fetch(`${host.url}/sse/`)).status).toBe(200);
    } finally {
      mock.close();
      await host.close();
    }
  });
});

describe('cleanup', () => {
  it('releases every stream when clients leave', async () => {
    const stats = server().mock.stats;
    await waitFor(() => stats.activeStreams === 0);
    const streams = await Promise.all([
      collect(url('/sse/ticker?rate=100'), 2),
      collect(url('/sse/notifications?rate=100'), 2),
      collect(url('/sse/logs?rate=100'), 2),
    ]);
    expect(streams.every((s) => s.events.length === 2)).toBe(true);
    await waitFor(() => stats.activeStreams === 0);
  });

  it('closes with streams still open', async () => {
    const own = await startMockServer({ port: 0 });
    const raw = readRaw(`${own.url}/sse/ticker?stallAfter=1`, () => false);
    await waitFor(() => own.mock.stats.activeStreams === 1);
    await own.close();
    const { text } = await raw;
    expect(text).toMatch(idLine(1));
    await waitFor(() => own.mock.stats.activeStreams === 0);
  });
});
