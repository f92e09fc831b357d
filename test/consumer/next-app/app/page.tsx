// A server component: it renders the client parts of ssekit (their entries are 'use client'),
// which connect only after hydration.
import { SSEProvider } from '@ssekit/react';
import {
  ConnectionStatus,
  LogStream,
  NotificationFeed,
  ProgressBar,
  Ticker,
  TokenStream,
} from '@ssekit/ui';
import { Price } from './price';
import { TICKER } from './streams';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <SSEProvider baseUrl={process.env.MOCK_URL ?? ''}>
      <h1>ssekit in the Next.js App Router</h1>
      <Price id="price-a" />
      <Price id="price-b" />
      <ConnectionStatus url={TICKER} />
      <Ticker url={TICKER} />
      <NotificationFeed url="/sse/notifications?user=alice&rate=10" />
      <ProgressBar url="/sse/jobs/demo?durationMs=1500" label="Deploy" />
      <TokenStream url="/sse/chat?tokens=20" prompt="What is SSE?" />
      <LogStream url="/sse/logs?rate=50&lines=40" />
    </SSEProvider>
  );
}
