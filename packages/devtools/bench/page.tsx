// The bench page: one `useSSE` ticker at the rate asked for (the mock server's /sse/ticker),
// with or without the devtools panel open on it. `?panel=1&rate=10000`.
import { useSSE } from '@ssekit/react';
import { createRoot } from 'react-dom/client';
import { SSEDevtools } from '../src/index';

const params = new URLSearchParams(location.search);
const rate = Number(params.get('rate') ?? 10_000);
const panel = params.get('panel') === '1';

function Ticker() {
  const { data, status } = useSSE<{ symbol: string; price: number }>(`/sse/ticker?rate=${rate}`, {
    event: 'quote',
  });
  return (
    <p id="ticker" data-status={status}>
      {data ? `${data.symbol} ${data.price}` : '…'}
    </p>
  );
}

createRoot(document.getElementById('root')!).render(
  <>
    <Ticker />
    {panel && <SSEDevtools initialIsOpen />}
  </>,
);
