import { describe, expect, it } from 'vitest';
import { collect, ids, range, timeless, useMockServer } from '../test/helpers';
import { parseSymbols } from './ticker';

const server = useMockServer({ seed: 'fixed' });
const url = (path: string) => `${server().url}${path}`;

describe('ticker', () => {
  it('streams quotes for the symbols in turn, with consistent change fields', async () => {
    const { events } = await collect(url('/sse/ticker?symbols=AAPL,NVDA,ZZZ&rate=1000'), 30);
    expect(ids(events)).toEqual(range(1, 30));
    const quotes = events.map((e) => JSON.parse(e.data));
    expect(quotes.slice(0, 4).map((q) => q.symbol)).toEqual(['AAPL', 'NVDA', 'ZZZ', 'AAPL']);
    for (const quote of quotes) {
      expect(events[0]!.event).toBe('quote');
      expect(quote.price).toBeGreaterThan(0);
      expect(Math.abs(quote.time - Date.now())).toBeLessThan(60_000);
      const open = quote.price - quote.change;
      expect(quote.changePercent).toBeCloseTo((quote.change / open) * 100, 1);
    }
    expect(Math.abs(quotes[0].price - 187.23)).toBeLessThan(5);
  });

  it('is deterministic: the same URL and seed give the same quotes, another seed others', async () => {
    const a = await collect(url('/sse/ticker?rate=1000&seed=7'), 10);
    const b = await collect(url('/sse/ticker?rate=1000&seed=7'), 10);
    const c = await collect(url('/sse/ticker?rate=1000&seed=8'), 10);
    const d = await collect(url('/sse/ticker?rate=1000'), 10);
    expect(timeless(a.events)).toEqual(timeless(b.events));
    expect(timeless(c.events)).not.toEqual(timeless(a.events));
    expect(timeless(d.events)).not.toEqual(timeless(a.events));
  });

  it('rejects bad symbols', async () => {
    expect(() => parseSymbols('AAPL,<script>')).toThrow('Invalid symbols');
    expect(parseSymbols(' aapl, msft,aapl ')).toEqual(['AAPL', 'MSFT']);
    const res = await fetch(url('/sse/ticker?symbols=a%20b'));
    expect(res.status).toBe(400);
  });
});
