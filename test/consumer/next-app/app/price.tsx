'use client';

import { useSSE } from '@ssekit/react';
import { TICKER } from './streams';

export function Price({ id }: { id: string }) {
  const { data, status } = useSSE<{ symbol: string; price: number }>(TICKER, { event: 'quote' });
  return (
    <p data-testid={id} data-status={status}>
      {data ? `${data.symbol} ${data.price}` : '…'}
    </p>
  );
}
