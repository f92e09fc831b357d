import { ContentTypeError, HttpError } from '@ssekit/core';
import { describe, expect, it } from 'vitest';
import {
  collect,
  idLine,
  ids,
  range,
  readRaw,
  timeless,
  useMockServer,
  waitFor,
} from './test/helpers';

const server = useMockServer();
const url = (path: string) => `${server().url}${path}`;

describe('fault switches', () => {
  it('dropAfter: the client reconnects with Last-Event-ID and continues exactly', async () => {
    const clean = await collect(url('/sse/ticker?rate=1000'), 20);
    const dropped = await collect(url('/sse/ticker?rate=1000&dropAfter=5'), 20);
    expect(ids(dropped.events)).toEqual(range(1, 20));
    expect(timeless(dropped.events)).toEqual(timeless(clean.events));
    expect(dropped.opens).toBe(4);
  });

  it('dropMidEvent: the half-written event is discarded and sent again after resume', async () => {
    const raw = await readRaw(url('/sse/ticker?rate=1000&dropMidEvent=3'), () => false);
    expect(raw.text).toMatch(idLine(2));
    expect(raw.text).not.toMatch(/\n\n$/);
    const { events, opens } = await collect(url('/sse/ticker?rate=1000&dropMidEvent=3'), 6);
    expect(ids(events)).toEqual(range(1, 6));
    expect(opens).toBe(3);
  });

  it('status: answers that status with Retry-After; a 404 is a fatal HttpError', async () => {
    const res = await fetch(url('/sse/ticker?status=503&retryAfter=2'));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.text()).toContain('status=503');
    const { events, error } = await collect(url('/sse/logs?status=404'), 1);
    expect(events).toEqual([]);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(404);
  });

  it('status=204: the client stops without an error', async () => {
    const { events, error, opens } = await collect(url('/sse/ticker?status=204'), 1);
    expect(events).toEqual([]);
    expect(error).toBeNull();
    expect(opens).toBe(0);
  });

  it('contentType: a wrong content type is a ContentTypeError', async () => {
    const { events, error } = await collect(url('/sse/ticker?contentType=text/plain'), 1);
    expect(events).toEqual([]);
    expect(error).toBeInstanceOf(ContentTypeError);
    expect((error as ContentTypeError).contentType).toBe('text/plain');
  });

  it('stallAfter: nothing more is sent, heartbeats included; an idle timeout reconnects', async () => {
    const raw = await readRaw(url('/sse/ticker?rate=1000&stallAfter=3&heartbeatMs=10'), (text) =>
      idLine(3).test(text),
    );
    expect(raw.text).not.toMatch(idLine(4));
    const { events, opens } = await collect(
      url('/sse/ticker?rate=1000&stallAfter=3&heartbeatMs=10'),
      7,
      {
        idleTimeoutMs: 100,
      },
    );
    expect(ids(events)).toEqual(range(1, 7));
    expect(opens).toBe(3);
  });

  it('stallAfter keeps the socket open until the client leaves, then releases it', async () => {
    const stats = server().mock.stats;
    await waitFor(() => stats.activeStreams === 0);
    const controller = new AbortController();
    const res = await fetch(url('/sse/ticker?stallAfter=0'), { signal: controller.signal });
    expect(res.status).toBe(200);
    await waitFor(() => stats.activeStreams === 1);
    controller.abort();
    await waitFor(() => stats.activeStreams === 0);
  });

  it('malformed: a spec-exact client gets exactly the valid events', async () => {
    const raw = await readRaw(url('/sse/logs?rate=1000&lines=40&malformed=1'), () => false);
    expect(raw.text).toMatch(/\r[^\n]/);
    expect(raw.text).toMatch(/bogus|x-unknown-field|retry: 12a|retry: -5|event: orphan/);
    const clean = await collect(url('/sse/logs?rate=1000&lines=40'), 41);
    const messy = await collect(url('/sse/logs?rate=1000&lines=40&malformed=1'), 41);
    expect(timeless(messy.events)).toEqual(timeless(clean.events));
    expect(messy.opens).toBe(1);
  });

  it('retry: sends retry first; heartbeatMs: sends comments', async () => {
    const raw = await readRaw(url('/sse/notifications?rate=0&retry=50&heartbeatMs=10'), (text) =>
      text.includes(':\n:\n'),
    );
    expect(raw.text.startsWith('retry: 50\n:')).toBe(true);
    expect(raw.text).toContain(':\n:\n');
  });

  it('delay: waits before each event', async () => {
    const start = performance.now();
    const { events } = await collect(url('/sse/ticker?rate=10000&delay=30'), 3);
    expect(events).toHaveLength(3);
    expect(performance.now() - start).toBeGreaterThanOrEqual(85);
  });

  it('rate: above 200/s several events go out per write', async () => {
    const raw = await readRaw(url('/sse/ticker?rate=5000'), (text) => idLine(200).test(text));
    const events = raw.text.match(/^id: /gm)?.length ?? 0;
    expect(events).toBeGreaterThanOrEqual(200);
    expect(raw.chunks.length).toBeLessThan(events / 2);
  });

  it('resumes from ?lastEventId= for clients that cannot send the header', async () => {
    const first = await collect(url('/sse/ticker?rate=1000'), 10);
    const tenth = encodeURIComponent(first.events[9]!.id);
    const { events } = await collect(url(`/sse/ticker?rate=1000&lastEventId=${tenth}`), 2);
    expect(events.map((e) => e.id)).toEqual(
      [11, 12].map((n) => first.events[0]!.id.replace(/1$/, String(n))),
    );
  });

  it('answers an id of another history (no epoch, another epoch) with a reset, then from the start', async () => {
    const [first] = (await collect(url('/sse/ticker?rate=1000'), 1)).events;
    for (const foreign of ['10', `x${first!.id.replace(/-1$/, '-10')}`]) {
      const { events } = await collect(url(`/sse/ticker?rate=1000&lastEventId=${foreign}`), 3);
      expect(events[0]).toMatchObject({ event: 'reset' });
      expect(JSON.parse(events[0]!.data)).toEqual({ oldestId: first!.id, latestId: null });
      expect(events.slice(1).map((e) => e.id)).toEqual([first!.id, first!.id.replace(/1$/, '2')]);
    }
  });

  it('rejects a bad switch value with a clear 400', async () => {
    const res = await fetch(url('/sse/ticker?dropAfter=soon'));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'Invalid dropAfter="soon": expected an integer from 1 to 1000000',
      param: 'dropAfter',
    });
  });

  it('answers 400, not 500, for a contentType holding NUL or another control character', async () => {
    for (const bad of ['%00', '%07', '%1F', '%7F']) {
      const res = await fetch(url(`/sse/ticker?contentType=text/plain${bad}`));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ param: 'contentType' });
    }
  });
});
