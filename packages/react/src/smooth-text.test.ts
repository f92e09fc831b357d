import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTextPacer } from './smooth-text';

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createTextPacer', () => {
  it('reveals a burst evenly over the window, then stops ticking', () => {
    const seen: number[] = [];
    const pacer = createTextPacer({ windowMs: 160 }, () => seen.push(pacer.shown.length));
    pacer.update('x'.repeat(100));
    expect(pacer.shown).toBe('');
    vi.advanceTimersByTime(160);
    expect(pacer.shown).toBe('x'.repeat(100));
    expect(seen.length).toBeGreaterThanOrEqual(8);
    const steps = seen.map((n, i) => n - (seen[i - 1] ?? 0));
    expect(Math.max(...steps) - Math.min(...steps)).toBeLessThanOrEqual(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never shows half of a surrogate pair, and flush shows everything at once', () => {
    const pacer = createTextPacer({ windowMs: 1000 }, () => {
      const last = pacer.shown.charCodeAt(pacer.shown.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    });
    const text = '👋'.repeat(50);
    pacer.update(text);
    vi.advanceTimersByTime(300);
    expect(pacer.shown.length).toBeGreaterThan(0);
    expect(pacer.shown.length).toBeLessThan(text.length);
    pacer.flush();
    expect(pacer.shown).toBe(text);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts over when the text is replaced', () => {
    const pacer = createTextPacer({}, () => {});
    pacer.update('abc');
    pacer.flush();
    pacer.update('xyz');
    expect(pacer.shown).toBe('');
    pacer.cancel();
    expect(vi.getTimerCount()).toBe(0);
  });
});
