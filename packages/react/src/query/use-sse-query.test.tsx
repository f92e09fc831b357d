import type { ServerResponse } from 'node:http';
import { until } from '@ssekit/testing';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { frame, open, serve, testHub } from '../test/sse';
import { useSSEQuery } from './use-sse-query';

function setup(client: QueryClient, Hub: (p: { children: ReactNode }) => ReactNode) {
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <Hub>{children}</Hub>
    </QueryClientProvider>
  );
}

function Streamer({ url }: { url: string }) {
  const query = useSSEQuery<{ price: number }, number[]>({
    queryKey: ['prices'],
    url,
    initial: [],
    reduce: (list, quote) => [...list, quote.price],
  });
  return <p data-testid="streamer">{query.data?.join(',')}</p>;
}

function Reader() {
  const { data } = useQuery<number[]>({
    queryKey: ['prices'],
    queryFn: () => Promise.resolve([]),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return <p data-testid="reader">{data?.join(',')}</p>;
}

function Pending({ url }: { url: string }) {
  const query = useSSEQuery<string>({ queryKey: ['status'], url });
  return (
    <p data-testid="pending">{`${query.status}:${query.data ?? ''}:${query.error?.message ?? ''}`}</p>
  );
}

describe('useSSEQuery', () => {
  it('writes every event into the cache, and a useQuery reader elsewhere sees it', async () => {
    const burst = Array.from({ length: 300 }, (_, i) => frame({ price: i })).join('');
    const server = await serve((_req, res) => open(res, burst));
    const client = new QueryClient();
    const Wrapper = setup(client, testHub().wrapper);
    const expected = Array.from({ length: 300 }, (_, i) => i).join(',');
    const view = render(
      <Wrapper>
        <Reader />
        <Streamer url={server.url} />
      </Wrapper>,
    );
    await waitFor(() => expect(view.getByTestId('reader').textContent).toBe(expected));
    expect(view.getByTestId('streamer').textContent).toBe(expected);
    expect(client.getQueryData(['prices'])).toHaveLength(300);
    client.clear();
  });

  it('is pending until the first event, and maps a fatal stream error to the query error', async () => {
    let held: ServerResponse | undefined;
    const server = await serve((req, res) => {
      if (req.url === '/gone') {
        res.writeHead(401).end('no');
        return;
      }
      open(res);
      held = res;
    });
    const client = new QueryClient();
    const Wrapper = setup(client, testHub().wrapper);
    const view = render(
      <Wrapper>
        <Pending url={`${server.url}/live`} />
      </Wrapper>,
    );
    await until(() => held !== undefined);
    expect(view.getByTestId('pending').textContent).toBe('pending::');
    held?.write(frame('ready'));
    await waitFor(() => expect(view.getByTestId('pending').textContent).toBe('success:ready:'));
    view.rerender(
      <Wrapper>
        <Pending url={`${server.url}/gone`} />
      </Wrapper>,
    );
    await waitFor(() =>
      expect(view.getByTestId('pending').textContent).toBe('error:ready:HTTP 401: no'),
    );
    client.clear();
  });
});
