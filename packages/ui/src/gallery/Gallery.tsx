import type { CSSProperties, ReactNode } from 'react';
import { ConnectionStatusView } from '../connection-status/ConnectionStatusView';
import { LogStreamView } from '../log-stream/LogStreamView';
import { NotificationFeedView } from '../notifications/NotificationFeedView';
import { ToastViewport } from '../notifications/ToastViewport';
import { ProgressBarView } from '../progress/ProgressBarView';
import { TickerView } from '../ticker/TickerView';
import { emptyTicker, tickerReducer } from '../ticker/tickerState';
import { TokenStreamView } from '../token-stream/TokenStreamView';
import type { GalleryData } from './fixtures';

const noop = () => {};
const grid: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(3, 400px)',
  gap: '1rem',
  alignItems: 'start',
};
const cell: CSSProperties = { display: 'grid', gap: '0.75rem', minInlineSize: 0 };

function Cell({ children }: { children: ReactNode }) {
  return <div style={cell}>{children}</div>;
}

/**
 * Every component in its main states with fixed data (no stream, no clock): the story that shows
 * them side by side and the page the visual and language tests render.
 */
export function Gallery({ data }: { data: GalleryData }) {
  const quotes = data.quotes.reduce(tickerReducer, emptyTicker);
  const error = new Error(data.streamError);
  return (
    <div style={grid} data-testid="gallery">
      <Cell>
        <ConnectionStatusView status="open" />
        <ConnectionStatusView status="reconnecting" onReconnect={noop} />
        <ConnectionStatusView status="closed" error={error} onReconnect={noop} />
        <ProgressBarView value={42} stage={data.stage} etaMs={185_000} />
        <ProgressBarView value={100} state="done" />
        <ProgressBarView value={64} state="failed" error={data.jobError} />
        <TickerView quotes={quotes} currency={data.currency} />
        <TickerView quotes={quotes} currency={data.currency} status="reconnecting" />
        <TickerView quotes={emptyTicker} status="connecting" />
      </Cell>
      <Cell>
        <TickerView quotes={emptyTicker} status="closed" error={error} />
        <NotificationFeedView
          notifications={data.notifications}
          onDismiss={noop}
          onMarkAllRead={noop}
          announce={false}
          headingLevel={3}
        />
        <NotificationFeedView
          notifications={[]}
          status="open"
          title={data.otherFeeds[0]}
          announce={false}
          headingLevel={3}
        />
        <NotificationFeedView
          notifications={[]}
          status="closed"
          error={error}
          title={data.otherFeeds[1]}
          announce={false}
          headingLevel={3}
        />
      </Cell>
      <Cell>
        <ToastViewport
          toasts={[
            ...data.notifications,
            ...data.notifications.map((n) => ({ ...n, id: `${n.id}b` })),
          ]}
          onDismiss={noop}
          durationMs={0}
          placement="inline"
          announce={false}
        />
        <TokenStreamView text={data.answer} status="done" />
        <TokenStreamView text="" status="streaming" onStop={noop} />
        <TokenStreamView text="" status="error" error={error} />
        <LogStreamView lines={data.log} end="failed" height={92} />
        <LogStreamView lines={[]} status="connecting" height={40} />
      </Cell>
    </div>
  );
}
