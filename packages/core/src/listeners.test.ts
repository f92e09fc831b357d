import { afterEach, describe, expect, it, vi } from 'vitest';
import { Listeners } from './listeners';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Listeners', () => {
  it('calls every listener in order and stops calling removed ones', () => {
    const calls: string[] = [];
    const listeners = new Listeners<number>();
    const offA = listeners.add((n) => calls.push(`a${n}`));
    listeners.add((n) => calls.push(`b${n}`));
    listeners.emit(1);
    offA();
    listeners.emit(2);
    expect(calls).toEqual(['a1', 'b1', 'b2']);
    expect(listeners.size).toBe(1);
  });

  it('a listener that throws does not stop the others; its error is rethrown later', () => {
    const deferred: (() => void)[] = [];
    vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((fn) => {
      deferred.push(fn);
    });
    const listeners = new Listeners<string>();
    const seen: string[] = [];
    listeners.add(() => {
      throw new Error('listener bug');
    });
    listeners.add((v) => seen.push(v));
    listeners.emit('x');
    expect(seen).toEqual(['x']);
    expect(deferred).toHaveLength(1);
    expect(() => deferred[0]?.()).toThrow('listener bug');
  });
});
