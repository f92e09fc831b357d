// The bench page: one `useSSE` ticker at the rate asked for (`?rate=10000`), counting every
// event, and the devtools switched in and out in place by `window.setPanel('none' | 'closed' |
// 'open')`: none (the same page without the devtools), closed (`<SSEDevtools />` recording but
// closed) or open on that stream. The events are made in the page (`source=local`, default) or
// come from the mock server's /sse/ticker (`source=server`).
import { useSSE } from '@ssekit/react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SSEDevtools } from '../src/index';
import { localFetch } from './local-fetch';

type Mode = 'none' | 'closed' | 'open';

const params = new URLSearchParams(location.search);
const rate = Number(params.get('rate') ?? 10_000);
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

function Page() {
  const [mode, setMode] = useState<Mode>((params.get('panel') as Mode | null) ?? 'none');
  (window as unknown as { setPanel: (m: Mode) => void }).setPanel = setMode;
  return (
    <>
      <Ticker />
      <p id="mode">{mode}</p>
      {mode !== 'none' && <SSEDevtools key={mode} initialIsOpen={mode === 'open'} />}
    </>
  );
}

createRoot(document.getElementById('root')!).render(<Page />);
