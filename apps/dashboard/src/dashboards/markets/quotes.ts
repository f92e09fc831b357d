/** Data of a `quote` event. */
export interface Quote {
  symbol: string;
  price: number;
  change: number;
  changePercent: number;
  time: number;
}

/** One point of a sparkline. */
export interface PricePoint {
  time: number;
  price: number;
}

/** The latest quote of a symbol and its prices over the window. */
export interface SymbolQuotes {
  quote: Quote;
  /** Oldest first, within `windowMs` of the newest, at most `maxPoints`. */
  history: readonly PricePoint[];
}

/** Everything the markets stream said so far. */
export interface QuotesState {
  bySymbol: Readonly<Record<string, SymbolQuotes>>;
  /** Quotes received on this stream. */
  count: number;
  /** Id of the newest quote (`''` before the first). */
  lastId: string;
}

export const emptyQuotes: QuotesState = { bySymbol: {}, count: 0, lastId: '' };

export interface WindowOptions {
  /** How far back a sparkline reaches. Default 5 minutes. */
  windowMs?: number;
  /** Points kept per symbol, whatever the rate. Default 300. */
  maxPoints?: number;
}

function isQuote(value: unknown): value is Quote {
  const q = value as Partial<Quote> | null;
  return (
    typeof q === 'object' &&
    q !== null &&
    typeof q.symbol === 'string' &&
    typeof q.price === 'number' &&
    typeof q.change === 'number' &&
    typeof q.changePercent === 'number'
  );
}

/**
 * A reducer for `useSSE`: folds one quote into the state. Only the quoted symbol gets a new
 * object; its history drops points older than the window and beyond `maxPoints`.
 */
export function quotesReducer({ windowMs = 5 * 60_000, maxPoints = 300 }: WindowOptions = {}) {
  return (state: QuotesState, value: unknown, event: { id: string }): QuotesState => {
    if (!isQuote(value)) return state;
    const time = typeof value.time === 'number' ? value.time : Date.now();
    const before = state.bySymbol[value.symbol]?.history ?? [];
    let start = Math.max(0, before.length + 1 - maxPoints);
    while (start < before.length && before[start]!.time < time - windowMs) start++;
    const history = [...before.slice(start), { time, price: value.price }];
    return {
      bySymbol: { ...state.bySymbol, [value.symbol]: { quote: value, history } },
      count: state.count + 1,
      lastId: event.id,
    };
  };
}
