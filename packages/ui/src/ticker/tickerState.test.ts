import { describe, expect, it } from 'vitest';
import { emptyTicker, tickerReducer } from './tickerState';

const q = (symbol: string, price: number) => ({ symbol, price, change: 1, changePercent: 0.5 });

describe('tickerReducer', () => {
  it('adds symbols in first-seen order and tracks the move direction', () => {
    let s = tickerReducer(emptyTicker, q('AAPL', 10));
    s = tickerReducer(s, q('MSFT', 20));
    s = tickerReducer(s, q('AAPL', 11));
    expect(s.order).toEqual(['AAPL', 'MSFT']);
    expect(s.rows.AAPL).toMatchObject({ price: 11, direction: 'up', tick: 2 });
    s = tickerReducer(s, q('AAPL', 9));
    expect(s.rows.AAPL?.direction).toBe('down');
  });

  it('keeps unchanged rows identical and returns the same state for a no-op quote', () => {
    const a = tickerReducer(tickerReducer(emptyTicker, q('AAPL', 10)), q('MSFT', 20));
    const b = tickerReducer(a, q('AAPL', 12));
    expect(b.rows.MSFT).toBe(a.rows.MSFT);
    expect(b.rows.AAPL).not.toBe(a.rows.AAPL);
    expect(b.order).toBe(a.order);
    expect(tickerReducer(b, q('AAPL', 12))).toBe(b);
  });

  it('ignores values that are not quotes', () => {
    expect(tickerReducer(emptyTicker, { symbol: 'X' } as never)).toBe(emptyTicker);
    expect(tickerReducer(emptyTicker, 'text' as never)).toBe(emptyTicker);
  });
});
