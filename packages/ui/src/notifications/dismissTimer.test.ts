import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDismissTimer } from './dismissTimer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createDismissTimer', () => {
  it('expires after the running time, not counting pauses', () => {
    const expire = vi.fn();
    const timer = createDismissTimer(1000, expire);
    timer.resume();
    vi.advanceTimersByTime(600);
    timer.pause();
    expect(timer.remaining()).toBe(400);
    vi.advanceTimersByTime(5000);
    expect(expire).not.toHaveBeenCalled();
    timer.resume();
    vi.advanceTimersByTime(399);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expire).toHaveBeenCalledOnce();
  });

  it('does nothing after clear and never fires twice', () => {
    const expire = vi.fn();
    const timer = createDismissTimer(100, expire);
    timer.resume();
    timer.resume();
    timer.clear();
    timer.resume();
    vi.advanceTimersByTime(1000);
    expect(expire).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
