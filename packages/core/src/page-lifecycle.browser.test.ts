import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect } from './connect';
import { pageLifecycle } from './page-lifecycle';
import { counterStats, nextEvents, untilStatus } from './test/stream';
import type { EventStream } from './types';

let stream: EventStream | undefined;
let visibility: DocumentVisibilityState = 'visible';
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });

function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  stream?.close();
  visibility = 'visible';
});

const endpoint = (key: string) => `/__sse/counter?key=${key}&total=100000&interval=15`;

describe('pageLifecycle({ pauseWhenHidden })', () => {
  it('closes the connection while hidden and resumes with Last-Event-ID when shown', async () => {
    const key = `vis-${Math.random()}`;
    stream = connect(endpoint(key), { page: pageLifecycle({ pauseWhenHidden: true }) });
    await nextEvents(stream, 2);
    setVisibility('hidden');
    const idAtHide = stream.lastEventId;
    expect(stream.status).toBe('reconnecting');
    expect((await counterStats(key, 0)).open).toBe(0);
    expect(stream.lastEventId).toBe(idAtHide);
    const resumed = nextEvents(stream);
    setVisibility('visible');
    const [event] = await resumed;
    expect(Number(event?.id)).toBe(Number(idAtHide) + 1);
    expect((await counterStats(key)).lastEventIds).toEqual(['', idAtHide]);
  });

  it('does not connect while the page starts hidden', async () => {
    const key = `hidden-${Math.random()}`;
    setVisibility('hidden');
    stream = connect(endpoint(key), { page: pageLifecycle({ pauseWhenHidden: true }) });
    const first = nextEvents(stream);
    expect((await counterStats(key)).lastEventIds).toEqual([]);
    setVisibility('visible');
    expect((await first)[0]?.id).toBe('1');
  });

  it('keeps a POST stream open while hidden unless pauseWhenHidden is "always"', async () => {
    const key = `post-${Math.random()}`;
    stream = connect(endpoint(key), {
      method: 'POST',
      body: 'x',
      page: pageLifecycle({ pauseWhenHidden: true }),
    });
    await nextEvents(stream);
    setVisibility('hidden');
    expect(stream.status).toBe('open');
    await nextEvents(stream, 2);
    expect((await counterStats(key)).lastEventIds).toEqual(['']);
    stream.close();

    const always = `always-${Math.random()}`;
    stream = connect(endpoint(always), {
      method: 'POST',
      body: 'x',
      page: pageLifecycle({ pauseWhenHidden: 'always' }),
    });
    setVisibility('visible');
    await nextEvents(stream);
    setVisibility('hidden');
    expect((await counterStats(always, 0)).open).toBe(0);
    const resumed = nextEvents(stream);
    setVisibility('visible');
    await resumed;
    expect((await counterStats(always)).methods).toEqual(['POST', 'POST']);
  });

  it('ignores visibility without pauseWhenHidden', async () => {
    const key = `plain-${Math.random()}`;
    stream = connect(endpoint(key));
    await nextEvents(stream);
    setVisibility('hidden');
    await nextEvents(stream, 2);
    expect(stream.status).toBe('open');
    expect((await counterStats(key)).lastEventIds).toEqual(['']);
  });
});

describe('pageLifecycle(): online / offline', () => {
  it('makes no attempt while offline and reconnects at once when back online', async () => {
    const key = `net-${Math.random()}`;
    stream = connect(endpoint(key), { retry: { initialMs: 60_000 }, page: pageLifecycle() });
    await nextEvents(stream);
    window.dispatchEvent(new Event('offline'));
    expect(stream.status).toBe('reconnecting');
    expect(stream.nextRetryAt).toBeNull();
    expect((await counterStats(key, 0)).lastEventIds).toEqual(['']);
    const resumed = nextEvents(stream);
    window.dispatchEvent(new Event('online'));
    await untilStatus(stream, 'open');
    await resumed;
    expect((await counterStats(key)).lastEventIds).toHaveLength(2);
  });

  it('does not watch the page without the page option', async () => {
    const key = `unwatched-${Math.random()}`;
    stream = connect(endpoint(key));
    await nextEvents(stream);
    window.dispatchEvent(new Event('offline'));
    await nextEvents(stream, 2);
    expect(stream.status).toBe('open');
    window.dispatchEvent(new Event('online'));
    expect((await counterStats(key)).lastEventIds).toEqual(['']);
  });

  it('removes its window and document listeners on close', () => {
    const added: string[] = [];
    const removed: string[] = [];
    const spy = (target: EventTarget) => {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      target.addEventListener = (type: string, ...rest: [never, never?]) => {
        added.push(type);
        add(type, ...rest);
      };
      target.removeEventListener = (type: string, ...rest: [never, never?]) => {
        removed.push(type);
        remove(type, ...rest);
      };
      return () => {
        target.addEventListener = add;
        target.removeEventListener = remove;
      };
    };
    const restoreWindow = spy(window);
    const restoreDocument = spy(document);
    try {
      const plain = connect('/__sse/counter?key=listeners&total=1');
      expect(added).toEqual([]);
      plain.close();
      const s = connect('/__sse/counter?key=listeners&total=1', {
        page: pageLifecycle({ pauseWhenHidden: true }),
      });
      expect(added.sort()).toEqual(['offline', 'online', 'pageshow', 'resume', 'visibilitychange']);
      s.close();
      expect(removed.sort()).toEqual(added);
    } finally {
      restoreWindow();
      restoreDocument();
    }
  });
});

describe('pageLifecycle(): a wake check that runs far too late', () => {
  it('reconnects at once with Last-Event-ID (the machine slept), and not when checks run on time', async () => {
    const key = `late-${Math.random()}`;
    stream = connect(endpoint(key), { page: pageLifecycle({ wakeCheckMs: 40 }) });
    await nextEvents(stream, 3);
    // Checks on time change nothing.
    await nextEvents(stream, 10);
    expect((await counterStats(key)).lastEventIds).toEqual(['']);
    // A sleeping machine freezes timers while the wall clock runs on; a test cannot sleep the
    // machine, so only `Date` is faked (jumped ahead). Timers, socket and server are real.
    const resumed = untilStatus(stream, 'reconnecting');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 60_000);
      await resumed;
    } finally {
      vi.useRealTimers();
    }
    const resumedFrom = stream.lastEventId;
    const [next] = await nextEvents(stream);
    const { lastEventIds } = await counterStats(key);
    expect(lastEventIds).toEqual(['', resumedFrom]);
    expect(Number(next?.id)).toBe(Number(resumedFrom) + 1);
    await nextEvents(stream, 5);
    expect((await counterStats(key)).lastEventIds).toHaveLength(2);
  });
});
