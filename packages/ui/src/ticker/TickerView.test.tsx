import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { TickerView } from './TickerView';
import { emptyTicker, type Quote, tickerReducer } from './tickerState';

const q = (symbol: string, price: number): Quote => ({
  symbol,
  price,
  change: 1,
  changePercent: 0.5,
});
const fold = (...quotes: Quote[]) => quotes.reduce(tickerReducer, emptyTicker);

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('TickerView', () => {
  it('renders a labelled table with formatted rows', () => {
    render(<TickerView quotes={fold(q('AAPL', 187.23))} locale="en-US" label="Watchlist" />);
    const table = screen.getByRole('table', { name: 'Watchlist' });
    const row = within(table).getByRole('row', { name: /AAPL/ });
    expect(row.textContent).toContain('$187.23');
    expect(row.textContent).toContain('+1.00');
    expect(row.textContent).toContain('+0.50%');
    expect(row.getAttribute('data-ssekit')).toBe('ticker-row');
    expect(document.querySelector('[aria-live]')).toBeNull();
  });

  it('re-renders only the rows that changed', () => {
    const formatted: number[] = [];
    const original = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format')!;
    const counting = function (this: Intl.NumberFormat) {
      const real = original.get!.call(this) as (n: number) => string;
      return (n: number) => {
        formatted.push(n);
        return real(n);
      };
    };
    Object.defineProperty(Intl.NumberFormat.prototype, 'format', { ...original, get: counting });
    onTestFinished(() => {
      Object.defineProperty(Intl.NumberFormat.prototype, 'format', original);
    });
    const first = fold(q('AAPL', 10), q('MSFT', 20), q('GOOG', 30));
    const { rerender } = render(<TickerView quotes={first} locale="en-US" />);
    expect(formatted).toContain(20);
    formatted.length = 0;
    rerender(<TickerView quotes={tickerReducer(first, q('AAPL', 11))} locale="en-US" />);
    expect(formatted).toContain(11);
    expect(formatted).not.toContain(20);
    expect(formatted).not.toContain(30);
  });

  it('flashes in the direction of the move and shows a stale indicator', () => {
    const s = fold(q('AAPL', 10), q('AAPL', 9));
    render(<TickerView quotes={s} stale />);
    const price = document.querySelector('[data-ssekit="ticker-price"]')!;
    expect(price.getAttribute('data-flash')).toBe('down');
    expect(screen.getByText(/prices may be out of date/)).toBeTruthy();
    expect(document.querySelector('[data-ssekit="ticker"]')?.getAttribute('data-state')).toBe(
      'stale',
    );
  });

  it('drops the built-in classes when unstyled', () => {
    render(<TickerView quotes={fold(q('AAPL', 1))} unstyled className="mine" />);
    const root = document.querySelector('[data-ssekit="ticker"]')!;
    expect(root.className).toBe('mine');
    expect(document.querySelector('[class*="ssekit-"]')).toBeNull();
  });
});
