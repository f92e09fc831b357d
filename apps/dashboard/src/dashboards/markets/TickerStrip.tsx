import { direction, formatPercent, formatPrice } from './format';
import type { QuotesState } from './quotes';

export interface TickerStripProps {
  symbols: readonly string[];
  quotes: QuotesState;
}

/** A row of symbols with price and day change; scrolls sideways inside itself on narrow screens. */
export function TickerStrip({ symbols, quotes }: TickerStripProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="mk-strip" aria-label="Market overview" tabIndex={0}>
      <ul>
        {symbols.map((symbol) => {
          const q = quotes.bySymbol[symbol]?.quote;
          return (
            <li key={symbol} data-symbol={symbol} data-direction={q ? direction(q.change) : 'flat'}>
              <span className="mk-strip-symbol">{symbol}</span>
              <span className="mk-strip-price">{q ? formatPrice(q.price) : '…'}</span>
              <span className="mk-strip-change">
                {q ? (
                  <>
                    <span aria-hidden="true">{q.change > 0 ? '▲' : q.change < 0 ? '▼' : '•'}</span>{' '}
                    {formatPercent(q.changePercent)}
                  </>
                ) : (
                  'waiting'
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
