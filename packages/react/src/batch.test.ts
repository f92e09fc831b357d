import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBatcher } from './batch';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createBatcher', () => {
  it('coalesces many schedules into one flush per interval', () => {
    vi.useFakeTimers();
    const flush = vi.fn();
    const batcher = createBatcher(50, flush);
    for (let i = 0; i < 100; i++) batcher.schedule();
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(flush).toHaveBeenCalledTimes(1);
    batcher.schedule();
    vi.advanceTimersByTime(50);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('uses requestAnimationFrame for frame batching and cancels it', () => {
    const callbacks = new Map<number, FrameRequestCallback>();
    let next = 0;
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
      callbacks.set(++next, cb);
      return next;
    });
    vi.stubGlobal('cancelAnimationFrame', (id: number) => callbacks.delete(id));
    const flush = vi.fn();
    const batcher = createBatcher('frame', flush);
    batcher.schedule();
    batcher.schedule();
    expect(callbacks.size).toBe(1);
    batcher.cancel();
    expect(callbacks.size).toBe(0);
    batcher.schedule();
    for (const cb of callbacks.values()) cb(0);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('falls back to a timer without requestAnimationFrame, and cancel clears it', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', undefined);
    const flush = vi.fn();
    const batcher = createBatcher('frame', flush);
    batcher.schedule();
    expect(vi.getTimerCount()).toBe(1);
    batcher.cancel();
    expect(vi.getTimerCount()).toBe(0);
    batcher.schedule();
    vi.advanceTimersByTime(16);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('flushes at once with false', () => {
    const flush = vi.fn();
    createBatcher(false, flush).schedule();
    expect(flush).toHaveBeenCalledTimes(1);
  });
});
