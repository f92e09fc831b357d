import { memo } from 'react';
import { direction, formatChange, formatPercent, formatPrice } from './format';
import type { QuotesState, SymbolQuotes } from './quotes';
import { Sparkline } from './Sparkline';

export interface QuoteGridProps {
  symbols: readonly string[];
  quotes: QuotesState;
  /** Shown in each sparkline's description, e.g. "5 minutes". */
  windowLabel: string;
}

/** A card per symbol: price, day change and a sparkline of the last minutes. */
export function QuoteGrid({ symbols, quotes, windowLabel }: QuoteGridProps) {
  return (
    <ul className="mk-grid" aria-label="Watchlist quotes">
      {symbols.map((symbol) => (
        <QuoteCard
          key={symbol}
          symbol={symbol}
          data={quotes.bySymbol[symbol]}
          windowLabel={windowLabel}
        />
      ))}
    </ul>
  );
}

const QuoteCard = memo(function QuoteCard({
  symbol,
  data,
  windowLabel,
}: {
  symbol: string;
  data: SymbolQuotes | undefined;
  windowLabel: string;
}) {
  if (!data) {
    return (
      <li className="mk-card" data-symbol={symbol} data-state="waiting">
        <h3 className="mk-card-symbol">{symbol}</h3>
        <p className="mk-card-waiting">Waiting for the first price…</p>
      </li>
    );
  }
  const { quote, history } = data;
  return (
    <li className="mk-card" data-symbol={symbol} data-state="live">
      <h3 className="mk-card-symbol">{symbol}</h3>
      <p className="mk-card-price">{formatPrice(quote.price)}</p>
      <p className="mk-card-change" data-direction={direction(quote.change)}>
        {formatChange(quote.change)} ({formatPercent(quote.changePercent)}) today
      </p>
      <Sparkline points={history} label={`${symbol}, last ${windowLabel}`} />
    </li>
  );
});
