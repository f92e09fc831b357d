// What each app page must show once data flows: one check per component, run in the page.

/** A check run in the page, and the element whose HTML a failure shows. */
export interface PageCheck {
  /** CSS selector of the component's element. */
  readonly show: string;
  readonly ok: () => boolean;
}

/** The ticker stream every component of the Vite app shares (see vite-app/src/App.tsx). */
export const VITE_TICKER = 'GET /sse/ticker?symbols=AAPL&rate=20';
/** The ticker stream every component of the Next.js page shares (see next-app/app/streams.ts). */
export const NEXT_TICKER = 'GET /sse/ticker?symbols=MSFT&rate=20';

const prices = (symbol: 'AAPL' | 'MSFT'): PageCheck => ({
  show: '[data-testid^=price-]',
  ok:
    symbol === 'AAPL'
      ? () =>
          ['price-a', 'price-b'].every((id) =>
            /^AAPL \d/.test(document.querySelector(`[data-testid=${id}]`)?.textContent ?? ''),
          )
      : () =>
          ['price-a', 'price-b'].every((id) =>
            /^MSFT \d/.test(document.querySelector(`[data-testid=${id}]`)?.textContent ?? ''),
          ),
});

const connectionStatus: PageCheck = {
  show: '[data-ssekit=connection-status]',
  ok: () =>
    document.querySelector('[data-ssekit=connection-status]')?.getAttribute('data-state') ===
    'open',
};

const ticker: PageCheck = {
  show: '[data-ssekit=ticker-price]',
  ok: () => /\d/.test(document.querySelector('[data-ssekit=ticker-price]')?.textContent ?? ''),
};

/** Per component of the Vite app, a check that it shows streamed data. */
export const VITE_CHECKS: Record<string, PageCheck> = {
  'useSSE (two components)': prices('AAPL'),
  ConnectionStatus: connectionStatus,
  Ticker: ticker,
  NotificationFeed: {
    show: '[data-ssekit=feed-header]',
    ok: () => document.querySelectorAll('[data-ssekit=feed-item]').length > 0,
  },
  ProgressBar: {
    show: '[role=progressbar]',
    ok: () =>
      Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') ?? 0) > 0,
  },
  TokenStream: {
    show: '[data-ssekit=token-stream-content]',
    ok: () =>
      (document.querySelector('[data-ssekit=token-stream-content]')?.textContent ?? '').length > 5,
  },
  LogStream: {
    show: '[data-ssekit=log-frame]',
    ok: () => document.querySelectorAll('[data-ssekit=log-line]').length > 0,
  },
  'sseQueryOptions + useQuery': {
    show: '[data-testid=query]',
    ok: () =>
      /progress events/.test(document.querySelector('[data-testid=query]')?.textContent ?? ''),
  },
  'SSEDevtools (production entry)': {
    show: '.ssekit-dt-toggle',
    ok: () =>
      /SSE streams \([1-9]\d*\)/.test(
        document.querySelector('.ssekit-dt-toggle')?.textContent ?? '',
      ),
  },
};

/**
 * The Next.js page: every component, server-rendered then hydrated (the devtools render nothing
 * in a production build; the query runs in the Vite apps).
 */
export const NEXT_CHECKS: Record<string, PageCheck> = {
  ...Object.fromEntries(
    Object.entries(VITE_CHECKS).filter(([name]) => !/query|devtools/i.test(name)),
  ),
  'useSSE (two components)': prices('MSFT'),
};
