import { describe, expect, it } from 'vitest';
import { emptyQuotes, type QuotesState, quotesReducer } from './quotes';
import { symbolProblem } from './useWatchlist';

const quote = (symbol: string, price: number, time: number) => ({
  symbol,
  price,
  change: 0,
  changePercent: 0,
  time,
});

describe('quotesReducer', () => {
  it('keeps the latest quote per symbol, counts quotes and remembers the last id', () => {
    const reduce = quotesReducer();
    let state: QuotesState = emptyQuotes;
    state = reduce(state, quote('AAPL', 1, 1000), { id: '1' });
    const msft = reduce(state, quote('MSFT', 2, 1001), { id: '2' });
    state = reduce(msft, quote('AAPL', 3, 1002), { id: '3' });
    expect(state.count).toBe(3);
    expect(state.lastId).toBe('3');
    expect(state.bySymbol.AAPL!.quote.price).toBe(3);
    expect(state.bySymbol.AAPL!.history.map((p) => p.price)).toEqual([1, 3]);
    // Only the quoted symbol gets a new object.
    expect(state.bySymbol.MSFT).toBe(msft.bySymbol.MSFT);
  });

  it('bounds each history by the time window and by maxPoints', () => {
    const reduce = quotesReducer({ windowMs: 10_000, maxPoints: 5 });
    let state: QuotesState = emptyQuotes;
    for (let i = 0; i < 20; i++) state = reduce(state, quote('X', i, i * 1000), { id: String(i) });
    expect(state.bySymbol.X!.history.map((p) => p.price)).toEqual([15, 16, 17, 18, 19]);
    const sparse = quotesReducer({ windowMs: 10_000, maxPoints: 100 });
    state = emptyQuotes;
    for (let i = 0; i < 20; i++) state = sparse(state, quote('X', i, i * 4000), { id: String(i) });
    expect(state.bySymbol.X!.history.map((p) => p.time)).toEqual([68_000, 72_000, 76_000]);
  });

  it('ignores data that is not a quote', () => {
    const reduce = quotesReducer();
    expect(reduce(emptyQuotes, { hello: 1 }, { id: '1' })).toBe(emptyQuotes);
    expect(reduce(emptyQuotes, 'text', { id: '1' })).toBe(emptyQuotes);
  });
});

describe('symbolProblem', () => {
  it('accepts a new well-formed symbol and explains every refusal', () => {
    expect(symbolProblem('TSLA', ['AAPL'])).toBeNull();
    expect(symbolProblem('', [])).toMatch(/1 to 10/);
    expect(symbolProblem('TOO-LONG-SYMBOL', [])).toMatch(/1 to 10/);
    expect(symbolProblem('AAPL', ['AAPL'])).toMatch(/already/);
    expect(
      symbolProblem(
        'Z',
        Array.from({ length: 12 }, (_, i) => `S${i}`),
      ),
    ).toMatch(/up to 12/);
  });
});
