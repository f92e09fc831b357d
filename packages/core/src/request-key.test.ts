import { describe, expect, it } from 'vitest';
import { requestKey } from './request-key';

describe('requestKey', () => {
  it('compares plain objects by content and functions and other objects by identity', () => {
    const fn = () => ({});
    expect(requestKey(['u', { headers: { a: '1', b: '2' } }])).toBe(
      requestKey(['u', { headers: { b: '2', a: '1' } }]),
    );
    expect(requestKey(['u', { a: '1' }])).not.toBe(requestKey(['u', { a: '2' }]));
    expect(requestKey([{ headers: fn }])).toBe(requestKey([{ headers: fn }]));
    expect(requestKey([{ headers: fn }])).not.toBe(requestKey([{ headers: () => ({}) }]));
    const body = new FormData();
    expect(requestKey([{ body }])).toBe(requestKey([{ body }]));
    expect(requestKey([{ body }])).not.toBe(requestKey([{ body: new FormData() }]));
    const bare = (a: string) => Object.assign(Object.create(null), { a, b: '1' });
    expect(requestKey(bare('1'))).toBe(requestKey({ b: '1', a: '1' }));
    const parts = (a: string) => Object.assign(() => ({}), { toJSON: () => [fn, { a }] });
    expect(requestKey(parts('1'))).toBe(requestKey(parts('1')));
    expect(requestKey(parts('1'))).not.toBe(requestKey(parts('2')));
  });
});
