import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, renderHook, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { sseQueryOptions } from './query/sse-query-options';
import { frame, open, serve, testHub } from './test/sse';
import { useEventStream } from './use-event-stream';
import { useSSE } from './use-sse';

const post = { method: 'POST', body: '{"prompt":"hi"}' } as const;

function Answer({ url }: { url: string }) {
  const q = useQuery(sseQueryOptions<number>({ queryKey: ['post'], url, ...post }));
  return <p data-testid="q">{`${q.status}/${q.fetchStatus}:${q.data?.join(',')}`}</p>;
}

describe('a prompt is never sent twice by accident (POST through every hook)', () => {
  it('useSSE: a normal end is the end; one POST, status closed without error', async () => {
    const server = await serve((_req, res) => {
      open(res, frame('a'), frame('b'));
      res.end();
    });
    const { wrapper } = testHub();
    const { result } = renderHook(() => useSSE<string>(server.url, post), { wrapper });
    await waitFor(() => expect(result.current.status).toBe('closed'));
    expect(result.current.data).toBe('b');
    expect(result.current.error).toBeNull();
    expect(server.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('useEventStream: a drop without event IDs ends in error, never re-POSTed', async () => {
    const server = await serve((_req, res) => {
      open(res);
      res.write(frame('half'), () => res.socket?.destroy());
    });
    const { wrapper } = testHub();
    const { result } = renderHook(() => useEventStream(server.url, post), { wrapper });
    await waitFor(() => expect(result.current.status).toBe('closed'));
    expect(result.current.events.map((e) => e.data)).toEqual(['half']);
    expect(result.current.error).toMatchObject({ code: 'not-resumable' });
    expect(server.requests).toHaveLength(1);
  });

  it('useSSE under StrictMode: the double mount sends one POST', async () => {
    const server = await serve((_req, res) => {
      open(res, frame('x'));
      res.end();
    });
    const { wrapper } = testHub();
    const strict = ({ children }: { children: ReactNode }) => (
      <StrictMode>{wrapper({ children })}</StrictMode>
    );
    const { result } = renderHook(() => useSSE<string>(server.url, post), { wrapper: strict });
    await waitFor(() => expect(result.current.status).toBe('closed'));
    expect(result.current.data).toBe('x');
    expect(server.requests).toHaveLength(1);
  });

  it('sseQueryOptions: a POST stream that ends normally settles the query; one POST', async () => {
    const server = await serve((_req, res) => {
      open(res, frame(1), frame(2));
      res.end();
    });
    const client = new QueryClient();
    const view = render(
      <QueryClientProvider client={client}>
        <Answer url={server.url} />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(view.getByTestId('q').textContent).toBe('success/idle:1,2'));
    expect(server.requests).toHaveLength(1);
    client.clear();
  });
});
