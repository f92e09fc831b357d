// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SSEProvider } from './provider';
import { frame, open, serve } from './test/sse';
import { useEventStream } from './use-event-stream';
import { useSSE } from './use-sse';
import { useSSEEvent } from './use-sse-event';
import { useTokenStream } from './use-token-stream';

function Page({ url }: { url: string }) {
  const price = useSSE<number, number>(url, { initial: 7 });
  const feed = useEventStream(url);
  const chat = useTokenStream({ url });
  useSSEEvent(url, 'toast', () => {
    throw new Error('never called on the server');
  });
  return <p>{`${price.data}|${price.status}|${feed.events.length}|${chat.status}`}</p>;
}

describe('server rendering', () => {
  it('renders the initial state, connects nothing and throws nothing', async () => {
    const server = await serve((_req, res) => open(res, frame(1)));
    const html = renderToString(
      <SSEProvider baseUrl={server.url}>
        <Page url="/stream" />
      </SSEProvider>,
    );
    expect(html).toContain('7|connecting|0|idle');
    await fetch(`${server.url}/probe`);
    expect(server.requests.map((r) => r.url)).toEqual(['/probe']);
  });
});
