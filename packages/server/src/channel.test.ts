import { startServer, type TestServer } from '@ssekit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type Channel, createChannel } from './channel';
import type { Session } from './session';
import { openStream } from './test-helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves a channel; with `once`, each response ends right after the replay. */
async function serve(channel: Channel, { once = false } = {}) {
  const sessions: Session[] = [];
  server = await startServer((req, res) => {
    const user = new URL(req.url ?? '/', 'http://x').searchParams.get('user') ?? undefined;
    const session = channel.handle(req, res, { heartbeatMs: 0, user });
    sessions.push(session);
    if (once) session.close();
  });
  return { url: server.url, sessions };
}

describe('channel replay', () => {
  it('gives a client reconnecting with any ID exactly the events after it', async () => {
    const channel = createChannel({ historySize: 1000 });
    for (let i = 1; i <= 100; i++) channel.publish({ event: 'n', data: { i } });
    const id = (n: number) => `${channel.history.epoch}-${n}`;
    const { url } = await serve(channel, { once: true });
    for (let k = 1; k <= 100; k++) {
      const stream = await openStream(url, { 'last-event-id': id(k) });
      await stream.ended;
      expect(stream.response.headers.get('x-sse-oldest-id')).toBeNull();
      expect(stream.events.map((e) => e.id)).toEqual(
        Array.from({ length: 100 - k }, (_, j) => id(k + 1 + j)),
      );
      expect(stream.events.map((e) => JSON.parse(e.data).i)).toEqual(
        Array.from({ length: 100 - k }, (_, j) => k + 1 + j),
      );
    }
  });

  it('says so with a reset event and a header when the ID is too old or unknown', async () => {
    const channel = createChannel({ historySize: 10 });
    for (let i = 1; i <= 30; i++) channel.publish({ data: i });
    const id = (n: number) => `${channel.history.epoch}-${n}`;
    const { url } = await serve(channel, { once: true });
    // Too old, unknown, and the same number from another process's history (a restart).
    for (const last of [id(5), 'unknown', 'k0ldep0c-25']) {
      const stream = await openStream(url, { 'last-event-id': last });
      await stream.ended;
      expect(stream.response.headers.get('x-sse-oldest-id')).toBe(id(21));
      expect(stream.events[0]).toEqual({
        event: 'reset',
        id: undefined,
        data: JSON.stringify({ oldestId: id(21), latestId: id(30) }),
      });
      expect(stream.events.slice(1).map((e) => e.id)).toEqual(
        Array.from({ length: 10 }, (_, j) => id(21 + j)),
      );
    }
    const fresh = await openStream(url);
    await fresh.ended;
    expect(fresh.events).toEqual([]);
  });

  it('delivers live events to every subscriber and forgets clients that leave', async () => {
    const channel = createChannel();
    const { url, sessions } = await serve(channel);
    const a = await openStream(url);
    const b = await openStream(url);
    expect(channel.size).toBe(2);
    const sent = channel.publish({ event: 'price', data: { p: 1 } });
    expect(sent.id).toBe(`${channel.history.epoch}-1`);
    expect(channel.lastMessage).toEqual(sent);
    await a.until(() => a.events.length === 1);
    await b.until(() => b.events.length === 1);
    expect(b.events[0]).toEqual({ event: 'price', id: sent.id, data: '{"p":1}' });
    a.close();
    await new Promise<void>((resolve) => sessions[0]!.onClose(resolve));
    expect(channel.size).toBe(1);
    b.close();
    await new Promise<void>((resolve) => sessions[1]!.onClose(resolve));
    expect(channel.size).toBe(0);
  });
});

describe('channel targeting', () => {
  it('sends to every tab of one user and filters by subscriber', async () => {
    const channel = createChannel();
    const { url } = await serve(channel);
    const tab1 = await openStream(`${url}/?user=ann`);
    const tab2 = await openStream(`${url}/?user=ann`);
    const bob = await openStream(`${url}/?user=bob`);
    expect(channel.sendToUser('ann', { event: 'dm', data: 'hi ann' })).toBe(2);
    expect(channel.sendToUser('nobody', { data: 'x' })).toBe(0);
    const live = channel.publish({ data: 'bob only' }, { filter: (s) => s.user === 'bob' });
    expect(live.id).toBeUndefined();
    channel.publish({ data: 'all' });
    for (const s of [tab1, tab2, bob]) await s.until(() => s.events.at(-1)?.data === 'all');
    expect(tab1.events.map((e) => e.data)).toEqual(['hi ann', 'all']);
    expect(tab2.events.map((e) => e.data)).toEqual(['hi ann', 'all']);
    expect(bob.events.map((e) => e.data)).toEqual(['bob only', 'all']);
    expect(channel.history.size).toBe(1);
    channel.close();
    await Promise.all([tab1.ended, tab2.ended, bob.ended]);
    expect(channel.size).toBe(0);
  });

  it('applies a per-subscriber filter to live and replayed messages', async () => {
    const channel = createChannel();
    channel.publish({ event: 'a', data: 1 });
    channel.publish({ event: 'b', data: 2 });
    const { createResponse } = await import('./web');
    const { readStream } = await import('./test-helpers');
    const request = new Request('http://x/', { headers: { 'last-event-id': '0' } });
    const { response, session } = createResponse(request, { heartbeatMs: 0 });
    channel.subscribe(session, { filter: (m) => m.event === 'b' });
    channel.publish({ event: 'a', data: 3 });
    channel.publish({ event: 'b', data: 4 });
    session.close();
    const stream = readStream(response);
    await stream.ended;
    // '0' is unknown: a reset, then the retained events that pass the filter.
    expect(stream.events.map((e) => e.event)).toEqual(['reset', 'b', 'b']);
    expect(stream.events.slice(1).map((e) => e.data)).toEqual(['2', '4']);
  });
});
