import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { frame, open, serve } from '../test/sse';
import { sseQueryOptions } from './sse-query-options';

const clients: QueryClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.clear();
});

function renderWithClient(ui: ReactNode) {
  const client = new QueryClient();
  clients.push(client);
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

function Job({ url }: { url: string }) {
  const query = useQuery(
    sseQueryOptions<{ percent: number }, number[]>({
      queryKey: ['job', url],
      url,
      event: 'progress',
      retry: { initialMs: 10 },
      initial: [],
      reduce: (seen, value) => [...seen, value.percent],
    }),
  );
  return <p data-testid="job">{`${query.status}/${query.fetchStatus}:${query.data}`}</p>;
}

function Values({ url }: { url: string }) {
  const { data } = useQuery(sseQueryOptions<number>({ queryKey: ['values'], url, maxEvents: 3 }));
  return <p data-testid="values">{data?.join(',')}</p>;
}

function Missing({ url }: { url: string }) {
  const query = useQuery(sseQueryOptions({ queryKey: ['missing'], url }));
  return <p data-testid="missing">{`${query.status}:${query.error?.name ?? ''}`}</p>;
}

describe('sseQueryOptions (streamedQuery over an ssekit stream)', () => {
  it('reduces a job stream that resumes after a drop and settles on 204', async () => {
    // Progress 1..3, the socket cut, then 4..5 on resume, then 204 ("stop") on the next request.
    const server = await serve((req, res) => {
      const from = Number(req.headers['last-event-id'] ?? 0);
      if (from >= 5) return void res.writeHead(204).end();
      open(res);
      const upTo = from === 0 ? 3 : 5;
      for (let n = from + 1; n <= upTo; n++)
        res.write(frame({ percent: n * 20 }, 'progress', `${n}`));
      if (from === 0) setTimeout(() => res.socket?.destroy(), 20);
      else res.end();
    });
    const view = renderWithClient(<Job url={server.url} />);
    await waitFor(() =>
      expect(view.getByTestId('job').textContent).toBe('success/idle:20,40,60,80,100'),
    );
    expect(server.requests.map((r) => r.headers['last-event-id'] ?? '')).toEqual(['', '3', '5']);
  });

  it('keeps the last maxEvents values without reduce, and ends the request on unmount', async () => {
    const server = await serve((_req, res) => {
      open(res, ...Array.from({ length: 8 }, (_, i) => frame(i + 1)));
    });
    const view = renderWithClient(<Values url={server.url} />);
    await waitFor(() => expect(view.getByTestId('values').textContent).toBe('6,7,8'));
    expect(server.openStreams()).toBe(1);
    view.unmount();
    await waitFor(() => expect(server.openStreams()).toBe(0));
  });

  it('makes a fatal stream error the query error, without retrying', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(404).end('no such job');
    });
    const view = renderWithClient(<Missing url={server.url} />);
    await waitFor(() => expect(view.getByTestId('missing').textContent).toBe('error:HttpError'));
    expect(server.requests).toHaveLength(1);
  });
});
