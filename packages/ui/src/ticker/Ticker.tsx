import { useSSE } from '@ssekit/react';
import { forwardRef } from 'react';
import type { ConnectedProps } from '../shared/connected';
import { TickerView, type TickerViewProps } from './TickerView';
import { emptyTicker, type Quote, type TickerState, tickerReducer } from './tickerState';

/** Ticker's props: the connection, the event name, and every TickerView prop but the data. */
export type TickerProps = ConnectedProps &
  Omit<TickerViewProps, 'quotes' | 'stale' | 'status' | 'error'> & {
    /** The event carrying quotes. Default `quote`. */
    event?: string;
  };

/**
 * A live price table (connected): folds `quote` events from `url`; shows a waiting row while
 * connecting, a stale notice while reconnecting and an error state when the stream fails for good.
 * React commits at most once a frame; only changed rows re-render. The ref and any HTML
 * attributes go to the root element.
 *
 * @example
 * <Ticker url="/sse/ticker?symbols=AAPL,MSFT" currency="USD" />
 */
export const Ticker = forwardRef<HTMLDivElement, TickerProps>(function Ticker(
  { url, options, event = 'quote', ...view },
  ref,
) {
  const { data, status, error } = useSSE<Quote, TickerState>(url, {
    ...options,
    event,
    reduce: tickerReducer,
    initial: emptyTicker,
  });
  return <TickerView {...view} ref={ref} quotes={data} status={status} error={error} />;
});
