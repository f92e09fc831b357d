/** One quote as the ticker stream sends it. */
export interface Quote {
  symbol: string;
  price: number;
  change: number;
  changePercent: number;
  time?: number;
}

/** A ticker row: the latest quote plus the direction of the last move. */
export interface TickerRow extends Quote {
  /** Direction of the last price move, for the flash. */
  direction: 'up' | 'down' | 'flat';
  /** Counts updates of this row (restarts the flash animation). */
  tick: number;
}

/** Rows by symbol, plus the order symbols first appeared in. */
export interface TickerState {
  rows: Readonly<Record<string, TickerRow>>;
  order: readonly string[];
}

/** The empty ticker. */
export const emptyTicker: TickerState = { rows: {}, order: [] };

/**
 * Folds one quote into the ticker. Only the quoted row gets a new object; every
 * other row keeps its identity so memoised rows skip re-rendering. A quote that
 * changes nothing returns the same state.
 */
export function tickerReducer(state: TickerState, quote: Quote): TickerState {
  if (!isQuote(quote)) return state;
  const prev = state.rows[quote.symbol];
  if (
    prev &&
    prev.price === quote.price &&
    prev.change === quote.change &&
    prev.changePercent === quote.changePercent
  ) {
    return state;
  }
  const direction: TickerRow['direction'] = !prev
    ? 'flat'
    : quote.price > prev.price
      ? 'up'
      : quote.price < prev.price
        ? 'down'
        : 'flat';
  const row: TickerRow = {
    symbol: quote.symbol,
    price: quote.price,
    change: quote.change,
    changePercent: quote.changePercent,
    time: quote.time,
    direction,
    tick: (prev?.tick ?? 0) + 1,
  };
  return {
    rows: { ...state.rows, [quote.symbol]: row },
    order: prev ? state.order : [...state.order, quote.symbol],
  };
}

function isQuote(value: unknown): value is Quote {
  if (typeof value !== 'object' || value === null) return false;
  const q = value as Record<string, unknown>;
  return (
    typeof q.symbol === 'string' &&
    typeof q.price === 'number' &&
    typeof q.change === 'number' &&
    typeof q.changePercent === 'number'
  );
}
