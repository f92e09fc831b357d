import './markets.css';
import { ConnectionStatusView, NotificationFeed } from '@ssekit/ui';
import { QuoteGrid } from './QuoteGrid';
import { TickerStrip } from './TickerStrip';
import { useQuotes } from './useQuotes';
import { useWatchlist } from './useWatchlist';
import { Watchlist } from './Watchlist';

/** Symbols of the ticker strip. */
export const OVERVIEW_SYMBOLS = ['BTC', 'ETH', 'NVDA', 'TSLA', 'AMZN', 'META', 'NFLX'];

export interface MarketsDashboardProps {
  /** Base URL of the SSE backend; `''` is this origin. Streams: `/sse/ticker`, `/sse/notifications`. */
  baseUrl?: string;
  /** Who the notifications are for (`?user=`). Default `you`. */
  user?: string;
}

/**
 * Markets: a ticker strip, the user's watchlist as quote cards with sparklines of the last five
 * minutes, and a notifications panel. Editing the watchlist changes the stream URL; the hook
 * closes the old stream.
 */
export function MarketsDashboard({ baseUrl = '', user = 'you' }: MarketsDashboardProps) {
  const watchlist = useWatchlist();
  const overview = useQuotes(baseUrl, OVERVIEW_SYMBOLS, { rate: 5, maxPoints: 2 });
  const quotes = useQuotes(baseUrl, watchlist.symbols, { rate: 10 });
  return (
    <div className="mk">
      <TickerStrip symbols={OVERVIEW_SYMBOLS} quotes={overview.data} />
      <div className="mk-layout">
        <section className="mk-panel mk-watch" aria-labelledby="mk-watch-title">
          <header className="mk-panel-header">
            <h2 id="mk-watch-title">Watchlist</h2>
            <ConnectionStatusView
              label="Quotes"
              status={quotes.status}
              error={quotes.error}
              nextRetryAt={quotes.nextRetryAt}
              onReconnect={quotes.reconnect}
            />
          </header>
          <Watchlist
            symbols={watchlist.symbols}
            onAdd={watchlist.add}
            onRemove={watchlist.remove}
          />
          {watchlist.symbols.length === 0 ? (
            <p className="mk-empty">Add a symbol to start streaming its prices.</p>
          ) : (
            <QuoteGrid symbols={watchlist.symbols} quotes={quotes.data} windowLabel="5 minutes" />
          )}
          <p
            className="mk-feed"
            data-testid="quotes-feed"
            data-status={quotes.status}
            data-events={quotes.data.count}
            data-last-event-id={quotes.data.lastId}
          >
            {quotes.data.count} quotes received
            {quotes.data.lastId && <>, last event id {quotes.data.lastId}</>}
          </p>
        </section>
        <NotificationFeed
          className="mk-panel mk-notes"
          url={`${baseUrl}/sse/notifications?user=${encodeURIComponent(user)}&rate=0.2`}
          toasts={false}
          maxEvents={20}
          title="Notifications"
        />
      </div>
    </div>
  );
}
