import { SSEDevtools } from '@ssekit/devtools/production';
import { type SSEError, SSEProvider, useSSE } from '@ssekit/react';
import { sseQueryOptions } from '@ssekit/react/query';
import {
  ConnectionStatus,
  LogStream,
  NotificationFeed,
  ProgressBar,
  Ticker,
  TokenStream,
} from '@ssekit/ui';
import '@ssekit/ui/styles.css';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

/** One stream for every component below: they share one request. */
export const TICKER = '/sse/ticker?symbols=AAPL&rate=20';

interface Quote {
  symbol: string;
  price: number;
}

function Price({ id }: { id: string }) {
  const { data, status, error } = useSSE<Quote>(TICKER, { event: 'quote' });
  const failure: SSEError | Error | null = error;
  return (
    <p data-testid={id} data-status={status}>
      {data ? `${data.symbol} ${data.price}` : failure ? failure.message : '…'}
    </p>
  );
}

/** A query function runs outside React: it does not see the provider's `baseUrl`. */
function JobQuery({ mock }: { mock: string }) {
  const { data, status } = useQuery(
    sseQueryOptions<{ percent: number }>({
      queryKey: ['job', 'query'],
      url: `${mock}/sse/jobs/demo?durationMs=1600`,
      event: 'progress',
    }),
  );
  return (
    <p data-testid="query" data-status={status}>
      {data?.length ? `${data.length} progress events` : '…'}
    </p>
  );
}

export function App({ mock }: { mock: string }) {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <SSEProvider baseUrl={mock}>
        <Price id="price-a" />
        <Price id="price-b" />
        <ConnectionStatus url={TICKER} />
        <Ticker url={TICKER} />
        <NotificationFeed url="/sse/notifications?user=alice&rate=10" />
        <ProgressBar url="/sse/jobs/demo?durationMs=1500" label="Deploy" />
        <TokenStream url="/sse/chat?tokens=20" prompt="What is SSE?" />
        <LogStream url="/sse/logs?rate=50&lines=40" />
        <JobQuery mock={mock} />
        <SSEDevtools />
      </SSEProvider>
    </QueryClientProvider>
  );
}
