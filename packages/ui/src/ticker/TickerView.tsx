import { forwardRef, memo, useMemo } from 'react';
import { partClass, type StyleProps } from '../shared/classes';
import type { RootProps } from '../shared/props';
import type { TickerRow, TickerState } from './tickerState';

/** TickerView's own props (besides the root `div`'s HTML attributes). */
export interface TickerViewOwnProps extends StyleProps {
  /** Rows folded with `tickerReducer` (unchanged rows must keep their identity). */
  quotes: TickerState;
  /** ISO 4217 currency of the prices. Default `USD`. */
  currency?: string;
  /** BCP 47 locale for numbers. Default: the browser's. */
  locale?: string;
  /** Show the stale indicator (the stream is reconnecting). */
  stale?: boolean;
  /** Accessible name of the table. Default `Prices`. */
  label?: string;
}

/** TickerView's props: its own plus the HTML attributes of its root `div`. */
export type TickerViewProps = RootProps<TickerViewOwnProps, 'div'>;

interface Formatters {
  price: Intl.NumberFormat;
  change: Intl.NumberFormat;
  percent: Intl.NumberFormat;
}

/** A price table (controlled): symbol, price, change and percent per row, with a flash on change. */
export const TickerView = forwardRef<HTMLDivElement, TickerViewProps>(function TickerView(
  {
    quotes,
    currency = 'USD',
    locale,
    stale = false,
    label = 'Prices',
    className,
    unstyled,
    ...rest
  },
  ref,
) {
  const fmt = useMemo<Formatters>(
    () => ({
      price: new Intl.NumberFormat(locale, { style: 'currency', currency }),
      change: new Intl.NumberFormat(locale, {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
        signDisplay: 'exceptZero',
      }),
      percent: new Intl.NumberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
        signDisplay: 'exceptZero',
      }),
    }),
    [locale, currency],
  );
  return (
    <div
      {...rest}
      ref={ref}
      className={partClass('ticker', unstyled, className)}
      data-ssekit="ticker"
      data-state={stale ? 'stale' : 'live'}
    >
      {stale && (
        <p className={partClass('ticker-stale', unstyled)} data-ssekit="ticker-stale">
          Reconnecting: prices may be out of date
        </p>
      )}
      <table className={partClass('ticker-table', unstyled)} data-ssekit="ticker-table">
        <caption className={partClass('ticker-caption', unstyled)} data-ssekit="ticker-caption">
          {label}
        </caption>
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col">Price</th>
            <th scope="col">Change</th>
            <th scope="col">Change %</th>
          </tr>
        </thead>
        <tbody>
          {quotes.order.map((symbol) => {
            const row = quotes.rows[symbol];
            return row ? (
              <TickerRowView key={symbol} row={row} fmt={fmt} unstyled={unstyled} />
            ) : null;
          })}
        </tbody>
      </table>
    </div>
  );
});

interface RowProps {
  row: TickerRow;
  fmt: Formatters;
  unstyled: boolean | undefined;
}

/** One row; memoised so only rows whose object changed re-render. */
const TickerRowView = memo(function TickerRowView({ row, fmt, unstyled }: RowProps) {
  const trend = row.change > 0 ? 'up' : row.change < 0 ? 'down' : 'flat';
  return (
    <tr
      className={partClass('ticker-row', unstyled)}
      data-ssekit="ticker-row"
      data-symbol={row.symbol}
      data-state={trend}
    >
      <th scope="row" data-ssekit="ticker-symbol">
        {row.symbol}
      </th>
      <td
        className={partClass('ticker-price', unstyled)}
        data-ssekit="ticker-price"
        data-flash={row.direction}
        data-parity={row.tick % 2}
      >
        {fmt.price.format(row.price)}
      </td>
      <td className={partClass('ticker-change', unstyled)} data-ssekit="ticker-change">
        {fmt.change.format(row.change)}
      </td>
      <td className={partClass('ticker-change', unstyled)} data-ssekit="ticker-percent">
        {fmt.percent.format(row.changePercent / 100)}
      </td>
    </tr>
  );
});
