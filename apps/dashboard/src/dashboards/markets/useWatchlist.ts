import { useCallback, useEffect, useState } from 'react';

const KEY = 'ssekit-dashboard-watchlist';

/** Symbols the mock ticker knows by price; any other 1–10 letter symbol works too. */
export const SUGGESTED_SYMBOLS = [
  'AAPL',
  'MSFT',
  'GOOG',
  'AMZN',
  'NVDA',
  'META',
  'TSLA',
  'NFLX',
  'BTC',
  'ETH',
];

export const DEFAULT_WATCHLIST = ['AAPL', 'MSFT', 'GOOG', 'NVDA'];

/** At most this many symbols (the mock server takes up to 50 per stream). */
export const MAX_WATCHLIST = 12;

/** What `add` rejects, as a sentence for the form. */
export function symbolProblem(symbol: string, list: readonly string[]): string | null {
  if (!/^[A-Z0-9.-]{1,10}$/.test(symbol)) return 'Use 1 to 10 letters, digits, dots or dashes.';
  if (list.includes(symbol)) return `${symbol} is already on the watchlist.`;
  if (list.length >= MAX_WATCHLIST) return `The watchlist holds up to ${MAX_WATCHLIST} symbols.`;
  return null;
}

function load(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (Array.isArray(value) && value.every((s) => typeof s === 'string')) return value;
  } catch {}
  return DEFAULT_WATCHLIST;
}

/** The user's symbols, kept in localStorage. */
export function useWatchlist() {
  const [symbols, setSymbols] = useState<string[]>(load);
  useEffect(() => localStorage.setItem(KEY, JSON.stringify(symbols)), [symbols]);
  const add = useCallback((symbol: string) => setSymbols((list) => [...list, symbol]), []);
  const remove = useCallback(
    (symbol: string) => setSymbols((list) => list.filter((s) => s !== symbol)),
    [],
  );
  return { symbols, add, remove };
}
