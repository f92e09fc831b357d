import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff';

describe('createBackoff', () => {
  it('grows exponentially from initialMs and stops at maxMs', () => {
    const b = createBackoff({ initialMs: 100, maxMs: 1000, factor: 2, jitter: 0 });
    expect([b.fail(), b.fail(), b.fail(), b.fail(), b.fail(), b.fail()]).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(b.failures).toBe(6);
  });

  it('starts again from the base after reset', () => {
    const b = createBackoff({ initialMs: 10, jitter: 0 });
    b.fail();
    b.fail();
    b.reset();
    expect(b.failures).toBe(0);
    expect(b.fail()).toBe(10);
  });

  it('lets the server retry value replace the base delay', () => {
    const b = createBackoff({ initialMs: 10, factor: 3, jitter: 0 });
    b.setBase(500);
    expect(b.fail()).toBe(500);
    expect(b.fail()).toBe(1500);
  });

  it('randomises the jitter fraction downwards only', () => {
    const low = createBackoff({ initialMs: 1000, jitter: 0.5 }, () => 1);
    const high = createBackoff({ initialMs: 1000, jitter: 0.5 }, () => 0);
    const mid = createBackoff({ initialMs: 1000, jitter: 0.5 }, () => 0.5);
    expect(low.fail()).toBe(500);
    expect(high.fail()).toBe(1000);
    expect(mid.fail()).toBe(750);
  });

  it('uses documented defaults', () => {
    const b = createBackoff({}, () => 0);
    expect(b.fail()).toBe(1000);
    expect(b.fail()).toBe(2000);
  });
});
