// The bench page: one `useSSE` ticker at the rate asked for, counting every event, without the
// devtools, with them closed (recording only) or open on it: `?panel=open&rate=10000`
// (`panel=closed`, or no `panel`). The events are made in the page (`source=local`, default)
// or come from the mock server's /sse/ticker (`source=server`).
import { useSSE } from '@ssekit/react';
import { createRoot } from 'react-dom/client';
import { SSEDevtools } from '../src/index';
import { localFetch } from './local-fetch';

const params = new URLSearchParams(location.search);
const rate = Number(params.get('rate') ?? 10_000);
const panel = params.get('panel');
const fetch = params.get('source') === 'server' ? undefined : localFetch(rate);

function Ticker() {
  const { data, status } = useSSE<{ price: number }, number>(`/sse/ticker?rate=${rate}`, {
    event: 'quote',
    fetch,
    initial: 0,
    reduce: (count) => count + 1,
  });
  return (
    <p id="ticker" data-status={status} data-count={data}>
      {data} quotes
    </p>
  );
}

createRoot(document.getElementById('root')!).render(
  <>
    <Ticker />
    {panel && <SSEDevtools initialIsOpen={panel === 'open'} />}
  </>,
);
