// A stand-in app page for the resumable-run browser test: it asks the mock server's chat for an
// answer run (`?run=1`, its responses cut by `dropAfter`) and records the answer on
// `window.answer`. After a reload it does not ask again: the hook joins the remembered run.
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useTokenStream } from '../use-token-stream';

export interface ChatPageRecord {
  text: string;
  status: string;
  /** A run was remembered when the page loaded (a reload). */
  rejoined: boolean;
}

const params = new URLSearchParams(location.search);
const url = `/sse/chat?run=1&rate=${params.get('rate') ?? '100'}&dropAfter=${params.get('dropAfter') ?? '15'}`;
const rejoined = sessionStorage.getItem(`ssekit:run:${url}`) !== null;
const record: ChatPageRecord = { text: '', status: 'idle', rejoined };
(window as unknown as { answer: ChatPageRecord }).answer = record;

function App() {
  const { text, status, start } = useTokenStream({
    url,
    batch: false,
    retry: { initialMs: 20, maxMs: 50 },
  });
  record.text = text;
  record.status = status;
  useEffect(() => {
    if (!rejoined) start({ prompt: params.get('prompt') ?? 'hi' });
  }, [start]);
  return <output>{text}</output>;
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
