import type { ServerResponse } from 'node:http';
import { until } from '@ssekit/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStreamStore } from './stream-store';
import { frame, open, serve, testHub } from './test/sse';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Frame requests that run only when the test says so. */
function manualFrames() {
  const pending = new Map<number, FrameRequestCallback>();
  let next = 0;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    pending.set(++next, cb);
    return next;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => pending.delete(id));
  return {
    pending,
    run() {
      const due = [...pending.values()];
      pending.clear();
      for (const cb of due) cb(0);
    },
  };
}

describe('createStreamStore', () => {
  it('folds every event at once, publishes once per frame, and cancels the frame on leave', async () => {
    const frames = manualFrames();
    let res: ServerResponse | undefined;
    const server = await serve((_req, r) => {
      open(r);
      res = r;
    });
    const { hub } = testHub(20);
    const seen: string[] = [];
    const probe = hub.connect(server.url);
    probe.on('*', (e) => seen.push(e.data));
    const store = createStreamStore<string[]>({
      open: () => hub.connect(server.url),
      events: ['message'],
      initial: [],
      fold: (list, e) => [...list, e.data],
      batch: 'frame',
    });
    expect(store.getSnapshot().status).toBe('connecting');
    const listener = vi.fn();
    const leave = store.subscribe(listener);
    await until(() => res !== undefined && store.getSnapshot().status === 'open');
    expect(server.requests).toHaveLength(1);

    listener.mockClear();
    res?.write(frame('a') + frame('b') + frame('skip', 'other') + frame('c'));
    await until(() => seen.length === 4);
    // Folded already, not yet published: one frame is pending.
    expect(store.getSnapshot().data).toEqual([]);
    expect(frames.pending.size).toBe(1);
    frames.run();
    expect(store.getSnapshot().data).toEqual(['a', 'b', 'c']);
    expect(listener).toHaveBeenCalledTimes(1);

    res?.write(frame('d'));
    await until(() => seen.length === 5);
    expect(frames.pending.size).toBe(1);
    leave();
    expect(frames.pending.size).toBe(0);
    probe.close();
    await until(() => server.openStreams() === 0);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getServerSnapshot()).toMatchObject({ data: [], status: 'connecting' });
  });

  it('on a server reset counts it, calls onReset and starts the state over from initial', async () => {
    let res: ServerResponse | undefined;
    const server = await serve((_req, r) => {
      open(r);
      res = r;
    });
    const { hub } = testHub(20);
    const resets: string[] = [];
    const store = createStreamStore<string[]>({
      open: () => hub.connect(server.url),
      events: ['message'],
      initial: [],
      fold: (list, e) => [...list, e.data],
      onReset: (reset) => resets.push(reset.reason),
      batch: false,
    });
    const leave = store.subscribe(() => {});
    await until(() => res !== undefined && store.getSnapshot().status === 'open');
    res?.write(frame('a', undefined, 'e1-1') + frame('b', undefined, 'e1-2'));
    await until(() => store.getSnapshot().data.length === 2);
    // The server lost that history (restarted): a reset, then what it retains.
    res?.write(frame({ oldestId: 'e2-1' }, 'reset') + frame('x', undefined, 'e2-1'));
    await until(() => store.getSnapshot().resets === 1 && store.getSnapshot().data.length === 1);
    expect(store.getSnapshot().data).toEqual(['x']);
    expect(resets).toEqual(['server']);
    leave();
    await until(() => server.openStreams() === 0);
  });

  it('does nothing without a stream to open', () => {
    const store = createStreamStore({
      open: null,
      events: ['*'],
      initial: 0,
      fold: (n) => n + 1,
      batch: false,
    });
    const leave = store.subscribe(() => {});
    expect(store.getSnapshot()).toEqual({
      data: 0,
      status: 'closed',
      error: null,
      lastEventId: '',
      nextRetryAt: null,
      resets: 0,
    });
    store.reconnect();
    leave();
    expect(store.getSnapshot().status).toBe('closed');
  });
});
