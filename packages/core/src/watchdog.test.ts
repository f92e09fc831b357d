import { describe, expect, it, vi } from 'vitest';
import { activeTimers } from './test/helpers';
import { Watchdog } from './watchdog';

describe('Watchdog', () => {
  it('reports idleness when not touched in time, and age once opened', () => {
    vi.useFakeTimers();
    try {
      const fired: string[] = [];
      const dog = new Watchdog(20, 50, (why) => fired.push(why));
      dog.touch();
      vi.advanceTimersByTime(15);
      dog.touch(); // activity postpones the idle limit
      vi.advanceTimersByTime(15);
      expect(fired).toEqual([]);
      vi.advanceTimersByTime(10);
      expect(fired).toEqual(['idle']);
      const aged = new Watchdog(undefined, 10, (why) => fired.push(why));
      aged.opened();
      vi.advanceTimersByTime(10);
      expect(fired).toEqual(['idle', 'age']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a wake instead of idleness when its timer fires far too late (the machine slept)', () => {
    vi.useFakeTimers();
    try {
      const fired: string[] = [];
      const dog = new Watchdog(1000, undefined, (why) => fired.push(why));
      dog.touch();
      vi.setSystemTime(Date.now() + 60_000); // the clock moved on while timers were frozen
      vi.advanceTimersByTime(1000);
      expect(fired).toEqual(['wake']);
      dog.touch();
      vi.advanceTimersByTime(1000);
      expect(fired).toEqual(['wake', 'idle']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps no timer when its limits are off, and none after stop()', () => {
    const before = activeTimers();
    const off = new Watchdog(undefined, 0, () => {});
    off.touch();
    off.opened();
    expect(activeTimers()).toBe(before);
    const on = new Watchdog(1000, 1000, () => {});
    on.touch();
    on.touch();
    on.opened();
    expect(activeTimers()).toBe(before + 2);
    on.stop();
    expect(activeTimers()).toBe(before);
  });
});
