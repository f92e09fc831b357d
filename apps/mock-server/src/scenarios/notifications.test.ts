import { describe, expect, it } from 'vitest';
import { collect, epochOf, useMockServer, waitFor } from '../test/helpers';
import type { Notification } from './notifications';

const server = useMockServer();
const url = (path: string) => `${server().url}${path}`;
const publish = (body: unknown) =>
  fetch(url('/sse/notifications'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const items = (events: Array<{ data: string }>) =>
  events.map((e) => JSON.parse(e.data) as Notification);

describe('notifications', () => {
  it('mixes kinds, with items for the given user and broadcast ones', async () => {
    const { events } = await collect(url('/sse/notifications?user=alice&rate=2000'), 60);
    const list = items(events);
    expect(events.every((e) => e.event === 'notification')).toBe(true);
    expect(list.map((n) => n.id)).toEqual(list.map((_, i) => `n${i + 1}`));
    expect(new Set(list.map((n) => n.kind))).toEqual(
      new Set(['info', 'success', 'warning', 'error']),
    );
    expect(list.some((n) => n.user === 'alice')).toBe(true);
    expect(list.some((n) => n.user === undefined)).toBe(true);
    expect(list.every((n) => n.user === undefined || n.user === 'alice')).toBe(true);
    expect(list.every((n) => n.title && n.body && typeof n.time === 'number')).toBe(true);
    expect(list.some((n) => n.href?.startsWith('https://example.com/'))).toBe(true);
  });

  it('delivers published notifications: broadcast to all, targeted to their user only', async () => {
    const stats = server().mock.stats;
    await waitFor(() => stats.activeStreams === 0);
    const alice = collect(url('/sse/notifications?user=alice&rate=0'), 2);
    const bob = collect(url('/sse/notifications?user=bob&rate=0'), 1);
    await waitFor(() => stats.activeStreams === 2); // both subscribed
    const xss = '<img src=x onerror=alert(1)>';
    expect(
      (await publish({ kind: 'warning', title: 'For Alice', body: xss, user: 'alice' })).status,
    ).toBe(201);
    const res = await publish({ kind: 'success', title: 'Everyone', body: 'hi' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: expect.stringMatching(/^p\d+$/) });
    const [a, b] = await Promise.all([alice, bob]);
    expect(items(a.events).map((n) => [n.title, n.body, n.user])).toEqual([
      ['For Alice', xss, 'alice'],
      ['Everyone', 'hi', undefined],
    ]);
    expect(items(b.events).map((n) => n.title)).toEqual(['Everyone']);
  });

  it('resumes generated and published items exactly after a drop', async () => {
    const clean = await collect(url('/sse/notifications?user=carol&rate=2000'), 12);
    const dropped = await collect(url('/sse/notifications?user=carol&rate=2000&dropAfter=4'), 12);
    expect(dropped.opens).toBe(3);
    expect(items(dropped.events).map((n) => n.id)).toEqual(items(clean.events).map((n) => n.id));
    expect(dropped.events.map((e) => e.id)).toEqual(clean.events.map((e) => e.id));
  });

  it('replays published items missed while disconnected', async () => {
    const res = await publish({ title: 'missed' });
    const { id } = (await res.json()) as { id: string };
    const seq = Number(id.slice(1));
    const [generated] = (await collect(url('/sse/notifications?rate=1000'), 1)).events;
    const epoch = epochOf(generated!.id);
    const { events } = await collect(url('/sse/notifications?rate=0'), 1, {
      lastEventId: `${epoch}-0.${seq - 1}`,
    });
    expect(events[0]!.id).toBe(`${epoch}-0.${seq}`);
    expect(items(events)[0]).toMatchObject({ id, title: 'missed', kind: 'info', body: '' });
  });

  it('resets when the published item to resume from is no longer held, or the epoch is not this process', async () => {
    const [generated] = (await collect(url('/sse/notifications?rate=1000'), 1)).events;
    const epoch = epochOf(generated!.id);
    const first = (await (await publish({ title: 'old' })).json()) as { id: string };
    const seq = Number(first.id.slice(1));
    for (let i = 0; i < 200; i++) await publish({ title: `filler ${i}` }); // the history keeps 200
    for (const lastEventId of [`${epoch}-5.${seq}`, `p0-5.${seq}`]) {
      const { events } = await collect(url('/sse/notifications?rate=0'), 3, { lastEventId });
      expect(events[0]).toMatchObject({ event: 'reset' });
      // Then every retained published item, oldest first, and the generated count from 0.
      expect(events[1]!.id).toBe(`${epoch}-0.${seq + 1}`);
      expect(items(events.slice(1)).map((n) => n.title)).toEqual(['filler 0', 'filler 1']);
    }
  });

  it('rejects a bad notification with 400 naming the field', async () => {
    const res = await publish({ kind: 'fatal', title: 'x' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ param: 'kind' });
    expect((await publish({ body: 'no title' })).status).toBe(400);
  });
});
