import { useSSE } from '@ssekit/react';
import type { ConnectedProps } from '../shared/connected';
import { TickerView, type TickerViewProps } from './TickerView';
import { emptyTicker, type Quote, type TickerState, tickerReducer } from './tickerState';

export interface TickerProps extends ConnectedProps, Omit<TickerViewProps, 'quotes' | 'stale'> {
  /** The event carrying quotes. Default `quote`. */
  event?: string;
}

/**
 * A live price table (connected): folds `quote` events from `url` and shows a stale
 * indicator while reconnecting. React commits at most once a frame; only changed rows re-render.
 *
 * @example
 * <Ticker url="/sse/ticker?symbols=AAPL,MSFT" currency="USD" />
 */
export function Ticker({ url, options, event = 'quote', ...view }: TickerProps) {
  const { data, status } = useSSE<Quote, TickerState>(url, {
    ...options,
    event,
    reduce: tickerReducer,
    initial: emptyTicker,
  });
  return <TickerView {...view} quotes={data} stale={status === 'reconnecting'} />;
}
