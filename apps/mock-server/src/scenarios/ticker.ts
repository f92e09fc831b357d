import type { Feed } from '../feed';
import { numbered } from '../feed';
import { createRandom, hashSeed } from '../random';
import { SwitchError } from '../switches';

/** Data of a `quote` event. */
export interface Quote {
  symbol: string;
  price: number;
  change: number;
  changePercent: number;
  time: number;
}

export const DEFAULT_SYMBOLS = ['AAPL', 'MSFT', 'GOOG'];
export const DEFAULT_TICKER_RATE = 10;

const KNOWN_PRICES: Record<string, number> = {
  AAPL: 187.23,
  MSFT: 374.51,
  GOOG: 138.42,
  AMZN: 146.88,
  NVDA: 481.12,
  META: 334.92,
  TSLA: 241.05,
  NFLX: 473.97,
  BTC: 43_120.5,
  ETH: 2_288.4,
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Reads `symbols` (comma-separated, 1 to 50 of 1 to 10 letters, digits, `.` or `-`). */
export function parseSymbols(raw: string | null): string[] {
  if (raw === null || raw.trim() === '') return DEFAULT_SYMBOLS;
  const symbols = [...new Set(raw.split(',').map((s) => s.trim().toUpperCase()))].filter(Boolean);
  if (symbols.length > 50 || symbols.some((s) => !/^[A-Z0-9.-]{1,10}$/.test(s))) {
    throw new SwitchError('symbols', raw, 'up to 50 comma-separated symbols like AAPL,MSFT');
  }
  return symbols;
}

/**
 * Quotes for `symbols` in turn, each a random walk from its opening price (known symbols open near
 * their real price, others at a seeded one). `change` is against the opening price.
 */
export function tickerFeed(seed: string, symbols: readonly string[]): Feed {
  const random = createRandom(hashSeed('ticker', seed, symbols.join(',')));
  const open = symbols.map(
    (s) => KNOWN_PRICES[s] ?? round2(20 + createRandom(hashSeed(s)).next() * 480),
  );
  const prices = [...open];
  return numbered((index) => {
    const i = index % symbols.length;
    const base = open[i]!;
    const price = Math.max(0.01, round2(prices[i]! * (1 + random.gaussian() * 0.0015)));
    prices[i] = price;
    const change = round2(price - base);
    const quote: Quote = {
      symbol: symbols[i]!,
      price,
      change,
      changePercent: round2((change / base) * 100),
      time: Date.now(),
    };
    return { event: 'quote', data: quote };
  });
}
