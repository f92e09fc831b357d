import { useSSE } from '@ssekit/react';
import { forwardRef } from 'react';
import type { ConnectedProps } from '../shared/connected';
import { TickerView, type TickerViewProps } from './TickerView';
import { emptyTicker, type Quote, type TickerState, tickerReducer } from './tickerState';

/** Ticker's props: the connection, the event name, and every TickerView prop but the data. */
export type TickerProps = ConnectedProps &
  Omit<TickerViewProps, 'quotes' | 'stale'> & {
    /** The event carrying quotes. Default `quote`. */
    event?: string;
  };

/**
 * A live price table (connected): folds `quote` events from `url` and shows a stale
 * indicator while reconnecting. React commits at most once a frame; only changed rows re-render.
 * The ref and any HTML attributes go to the root element.
 *
 * @example
 * <Ticker url="/sse/ticker?symbols=AAPL,MSFT" currency="USD" />
 */
export const Ticker = forwardRef<HTMLDivElement, TickerProps>(function Ticker(
  { url, options, event = 'quote', ...view },
  ref,
) {
  const { data, status } = useSSE<Quote, TickerState>(url, {
    ...options,
    event,
    reduce: tickerReducer,
    initial: emptyTicker,
  });
  return <TickerView {...view} ref={ref} quotes={data} stale={status === 'reconnecting'} />;
});
