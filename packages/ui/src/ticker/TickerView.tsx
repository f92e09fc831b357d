import { forwardRef, memo, useMemo, useState } from 'react';
import { numberFormat } from '../i18n/format';
import { useText } from '../i18n/LocaleProvider';
import type { TickerLabels } from '../i18n/labels';
import { partClass, type StyleProps } from '../shared/classes';
import type { RootProps } from '../shared/props';
import { errorText, type StreamStateProps, viewState } from '../shared/state';
import type { TickerRow, TickerState } from './tickerState';

/** TickerView's own props (besides the root `div`'s HTML attributes). */
export interface TickerViewOwnProps extends StyleProps, StreamStateProps {
  /** Rows folded with `tickerReducer` (unchanged rows must keep their identity). */
  quotes: TickerState;
  /** ISO 4217 currency of the prices. Default `USD`. */
  currency?: string;
  /** BCP 47 locale for numbers. Default: the `LocaleProvider`'s (English without one). */
  locale?: string;
  /** Show the stale notice (the stream is reconnecting); the same as `status="reconnecting"`. */
  stale?: boolean;
  /** Accessible name of the table. Default: the `label` label (`Prices`). */
  label?: string;
  /** Words of this ticker, over the `LocaleProvider`'s (English by default). */
  labels?: Partial<TickerLabels>;
}

/** TickerView's props: its own plus the HTML attributes of its root `div`. */
export type TickerViewProps = RootProps<TickerViewOwnProps, 'div'>;

interface Formatters {
  price: Intl.NumberFormat;
  change: Intl.NumberFormat;
  percent: Intl.NumberFormat;
}

/**
 * A price table (controlled): symbol, price, change and percent per row, with a short flash when
 * a price moves; a waiting row while connecting, a stale notice while reconnecting and an error
 * state when the stream failed.
 */
export const TickerView = forwardRef<HTMLDivElement, TickerViewProps>(function TickerView(
  {
    quotes,
    currency = 'USD',
    locale: localeProp,
    stale = false,
    status,
    error,
    label,
    labels,
    className,
    unstyled,
    ...rest
  },
  ref,
) {
  const { labels: l, t, locale } = useText('ticker', labels, localeProp);
  const fmt = useMemo<Formatters>(
    () => ({
      price: numberFormat(locale, { style: 'currency', currency }),
      change: numberFormat(locale, {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
        signDisplay: 'exceptZero',
      }),
      percent: numberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
        signDisplay: 'exceptZero',
      }),
    }),
    [locale, currency],
  );
  const state = viewState(stale ? 'reconnecting' : status, error, quotes.order.length > 0);
  const notice =
    state === 'loading'
      ? l.waiting
      : state === 'empty'
        ? l.empty
        : state === 'error'
          ? t('failed', { error: errorText(error) })
          : null;
  return (
    <div
      {...rest}
      ref={ref}
      className={partClass('ticker', unstyled, className)}
      data-ssekit="ticker"
      data-state={state}
    >
      {state === 'stale' && (
        <p className={partClass('ticker-stale', unstyled)} data-ssekit="ticker-stale">
          {l.stale}
        </p>
      )}
      <table className={partClass('ticker-table', unstyled)} data-ssekit="ticker-table">
        <caption className={partClass('ticker-caption', unstyled)} data-ssekit="ticker-caption">
          {label ?? l.label}
        </caption>
        <thead>
          <tr>
            <th scope="col">{l.symbol}</th>
            <th scope="col">{l.price}</th>
            <th scope="col">{l.change}</th>
            <th scope="col">{l.changePercent}</th>
          </tr>
        </thead>
        <tbody>
          {quotes.order.map((symbol) => {
            const row = quotes.rows[symbol];
            return row ? (
              <TickerRowView key={symbol} row={row} fmt={fmt} unstyled={unstyled} />
            ) : null;
          })}
          {notice !== null && (
            <tr
              className={partClass('notice-row', unstyled)}
              data-ssekit="ticker-notice"
              data-state={state}
            >
              <td colSpan={4} role={state === 'error' ? 'alert' : undefined}>
                {notice}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
});

/** Time between the starts of two flashes of one row, so a busy row is not always tinted. */
const FLASH_GAP_MS = 1200;

interface RowProps {
  row: TickerRow;
  fmt: Formatters;
  unstyled: boolean | undefined;
}

interface Flash {
  tick: number;
  at: number;
  parity: 0 | 1;
  direction: TickerRow['direction'] | undefined;
}

/** One row; memoised so only rows whose object changed re-render. */
const TickerRowView = memo(function TickerRowView({ row, fmt, unstyled }: RowProps) {
  const trend = row.change > 0 ? 'up' : row.change < 0 ? 'down' : 'flat';
  const [flash, setFlash] = useState<Flash>(() => ({
    tick: row.tick,
    at: row.direction === 'flat' ? 0 : Date.now(),
    parity: 0,
    direction: row.direction === 'flat' ? undefined : row.direction,
  }));
  if (flash.tick !== row.tick) {
    // A new quote: flash again only when the last flash is over and the price moved.
    const now = Date.now();
    const due = row.direction !== 'flat' && now - flash.at >= FLASH_GAP_MS;
    setFlash(
      due
        ? { tick: row.tick, at: now, parity: flash.parity === 0 ? 1 : 0, direction: row.direction }
        : { ...flash, tick: row.tick },
    );
  }
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
        data-flash={flash.direction}
        data-parity={flash.parity}
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
