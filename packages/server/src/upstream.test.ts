import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChannel } from './channel';
import { readStream } from './test-helpers';
import { toMessage } from './upstream';
import { createResponse } from './web';

afterEach(() => {
  vi.useRealTimers();
});

const open = () => createResponse(new Request('http://localhost/'), { heartbeatMs: 0 });

describe('lazy upstream', () => {
  it('polls only while someone listens, and a newcomer gets the latest value at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    let polls = 0;
    const channel = createChannel({ upstream: { poll: () => ++polls, intervalMs: 20 } });
    await vi.advanceTimersByTimeAsync(100);
    expect(polls).toBe(0);

    const first = open();
    channel.subscribe(first.session);
    expect(polls).toBe(1); // polled at once on start
    await vi.advanceTimersByTimeAsync(40);
    expect(polls).toBe(3);
    expect(channel.lastMessage).toMatchObject({ data: 3 });

    const second = open();
    channel.subscribe(second.session);
    second.session.close();
    const late = readStream(second.response);
    await late.ended;
    expect(late.events.map((e) => e.data)).toEqual(['3']); // the latest, without waiting a tick

    first.session.close();
    expect(channel.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(polls).toBe(3);

    const again = open();
    channel.subscribe(again.session);
    expect(polls).toBe(4); // restarted by the next subscriber
    channel.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends an async iterable upstream when the last subscriber leaves', async () => {
    let started = 0;
    let finished = 0;
    let release!: () => void;
    const ended = new Promise<void>((r) => (release = r));
    const seen: AbortSignal[] = [];
    const channel = createChannel({
      upstream: async function* (signal) {
        started++;
        seen.push(signal);
        try {
          for (let i = 0; ; i++) {
            yield i % 2 ? { event: 'tick', data: i } : i;
            await new Promise((r) => setTimeout(r, 5));
          }
        } finally {
          finished++;
          release();
        }
      },
    });
    const a = open();
    const stream = readStream(a.response);
    channel.subscribe(a.session);
    await stream.until(() => stream.events.length >= 3);
    expect(stream.events.slice(0, 2)).toEqual([
      { event: undefined, id: `${channel.history.epoch}-1`, data: '0' },
      { event: 'tick', id: `${channel.history.epoch}-2`, data: '1' },
    ]);
    expect(started).toBe(1);
    a.session.close();
    await ended;
    expect(finished).toBe(1);
    expect(seen[0]?.aborted).toBe(true);
  });

  it('reports a failing poll and keeps polling', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const errors: unknown[] = [];
    let n = 0;
    const channel = createChannel({
      upstream: {
        intervalMs: 10,
        poll: () => {
          if (++n === 1) throw new Error('upstream down');
          return n;
        },
      },
      onError: (e) => errors.push(e),
    });
    const { session } = open();
    channel.subscribe(session);
    await vi.advanceTimersByTimeAsync(10);
    expect(errors).toHaveLength(1);
    expect(channel.lastMessage).toMatchObject({ data: 2 });
    channel.close();
  });

  it('publishes message-shaped values as messages and anything else as data', () => {
    expect(toMessage({ event: 'x', data: 1 })).toEqual({ event: 'x', data: 1 });
    expect(toMessage({ price: 1 })).toEqual({ data: { price: 1 } });
    expect(toMessage([1])).toEqual({ data: [1] });
    expect(toMessage('s')).toEqual({ data: 's' });
  });
});
