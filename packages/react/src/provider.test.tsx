import { until } from '@ssekit/testing';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { SSEProvider } from './provider';
import { frame, open, serve, testHub } from './test/sse';
import { useSSE } from './use-sse';

function Value({ url }: { url: string }) {
  return <p>{String(useSSE(url).data ?? 'wait')}</p>;
}

function Room({ url, room }: { url: string; room: string }) {
  return <p>{String(useSSE(url, { headers: { 'x-room': room } }).data ?? 'wait')}</p>;
}

describe('SSEProvider', () => {
  it('resolves against baseUrl and sends its headers; an inline headers function neither reconnects nor splits the connection', async () => {
    const server = await serve((req, res) => open(res, frame(req.headers['x-token'] ?? 'none')));
    const { hub } = testHub();
    let token = 'one';
    const tree = (n: number) => (
      <StrictMode>
        <SSEProvider
          hub={hub}
          baseUrl={server.url}
          headers={async () => ({ 'x-token': `${token}` })}
          retry={{ initialMs: 10 }}
        >
          <Value url="/live" />
          <Value url="/live" />
          <p>{n}</p>
        </SSEProvider>
      </StrictMode>
    );
    const view = render(tree(1));
    await waitFor(() => expect(view.getAllByText('one')).toHaveLength(2));
    token = 'two';
    view.rerender(tree(2));
    view.rerender(tree(3));
    expect(server.requests.map((r) => r.url)).toEqual(['/live']);
    expect(server.requests[0]?.headers['x-token']).toBe('one');
  });

  it('merges its headers function with hooks’ header objects; equal hooks share one connection', async () => {
    const server = await serve((req, res) =>
      open(res, frame(`${req.headers['x-token']}/${req.headers['x-room']}`)),
    );
    const { hub } = testHub();
    const view = render(
      <StrictMode>
        <SSEProvider hub={hub} headers={async () => ({ 'x-token': 't' })}>
          <Room url={server.url} room="1" />
          <Room url={server.url} room="1" />
          <Room url={server.url} room="2" />
        </SSEProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(view.getAllByText('t/1')).toHaveLength(2));
    await waitFor(() => expect(view.getAllByText('t/2')).toHaveLength(1));
    expect(server.requests).toHaveLength(2);
  });

  it('a hook’s inline headers function keeps one connection (StrictMode too) and the latest one is used on reconnect', async () => {
    const server = await serve((req, res) => open(res, frame(req.headers.authorization ?? '')));
    const { hub } = testHub();
    const { result, rerender } = renderHook(
      ({ token }) => useSSE<string>(server.url, { headers: () => ({ authorization: token }) }),
      {
        wrapper: ({ children }) => (
          <StrictMode>
            <SSEProvider hub={hub}>{children}</SSEProvider>
          </StrictMode>
        ),
        initialProps: { token: 'a' },
      },
    );
    await waitFor(() => expect(result.current.data).toBe('a'));
    rerender({ token: 'b' });
    rerender({ token: 'c' });
    expect(server.requests).toHaveLength(1);
    act(() => result.current.reconnect());
    await until(() => server.requests.length === 2);
    await waitFor(() => expect(result.current.data).toBe('c'));
  });
});
