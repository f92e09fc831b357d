import { afterEach, describe, expect, it } from 'vitest';
import { connect } from './connect';
import { crossTab } from './cross-tab';
import { eventSourceTransport } from './eventsource-transport';
import { pageLifecycle } from './page-lifecycle';
import { counterStats, nextEvents } from './test/stream';
import type { EventStream, SSEEvent } from './types';

const streams: EventStream[] = [];
afterEach(() => {
  for (const s of streams.splice(0)) s.close();
});

const counter = (key: string, query = 'total=100000&interval=15') =>
  `/__sse/counter?key=${key}&named=1&${query}`;

describe('named events over the native EventSource (Chromium)', () => {
  it('reach `for await` when listed in `events`', async () => {
    const stream = connect(counter(`iter-${Math.random()}`, 'total=4&interval=15'), {
      transport: eventSourceTransport,
      events: ['tick'],
    });
    streams.push(stream);
    const got: SSEEvent[] = [];
    for await (const e of stream) {
      got.push(e);
      if (got.length === 4) break;
    }
    expect(got.map((e) => `${e.event}:${e.id}`)).toEqual([
      'message:1',
      'tick:2',
      'message:3',
      'tick:4',
    ]);
  });

  it('reach a cross-tab follower that listens to the name (the leader asks its EventSource)', async () => {
    const key = `tabs-${Math.random()}`;
    const options = { transport: eventSourceTransport, crossTab: crossTab(key) };
    const leader = connect(counter(key, 'total=8&interval=15'), options);
    const follower = connect(counter(key, 'total=8&interval=15'), options);
    streams.push(leader, follower);
    const ticks = await nextEvents(follower, 2, 'tick');
    expect(ticks.every((e) => e.event === 'tick')).toBe(true);
    expect(Number(ticks[1]!.id) - Number(ticks[0]!.id)).toBe(2);
    // One connection for both: a second one would have started without an id too.
    expect((await counterStats(key)).lastEventIds.filter((id) => id === '')).toEqual(['']);
  });
});

describe('pageLifecycle wake check', () => {
  it('reconnects at once with Last-Event-ID after a back/forward-cache restore', async () => {
    const key = `bfcache-${Math.random()}`;
    const stream = connect(counter(key), { page: pageLifecycle() });
    streams.push(stream);
    await nextEvents(stream, 3);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    const resumedFrom = stream.lastEventId;
    await nextEvents(stream, 2);
    const { lastEventIds } = await counterStats(key);
    expect(lastEventIds).toHaveLength(2);
    expect(Number(lastEventIds[1])).toBeGreaterThanOrEqual(Number(resumedFrom));
    // A plain `pageshow` (a normal load) changes nothing.
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    await nextEvents(stream, 2);
    expect((await counterStats(key)).lastEventIds).toHaveLength(2);
  });
});
