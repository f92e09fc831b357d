import type { ServerResponse } from 'node:http';
import { until } from '@ssekit/testing';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { frame, open, serve, testHub } from '../test/sse';
import { useSSEInvalidation } from './use-sse-invalidation';

let fetches = 0;
let others = 0;

function Orders() {
  const { data } = useQuery({
    queryKey: ['orders'],
    queryFn: () => Promise.resolve(++fetches),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const other = useQuery({
    queryKey: ['users'],
    queryFn: () => Promise.resolve(++others),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return <p data-testid="orders">{`${data ?? 0}/${other.data ?? 0}`}</p>;
}

function Invalidator({ url }: { url: string }) {
  useSSEInvalidation(
    url,
    { 'order.updated': [['orders']], 'order.created': [['orders']] },
    { debounceMs: 20 },
  );
  return null;
}

function ByTable({ url }: { url: string }) {
  useSSEInvalidation(url, (event) => [[JSON.parse(event.data).table]], { debounceMs: 5 });
  return null;
}

describe('useSSEInvalidation', () => {
  it('refetches once for a burst of matching events, and not for others', async () => {
    let held: ServerResponse | undefined;
    const server = await serve((_req, res) => {
      open(res);
      held = res;
    });
    const client = new QueryClient();
    const { wrapper: Hub } = testHub();
    fetches = 0;
    others = 0;
    const view = render(
      <QueryClientProvider client={client}>
        <Hub>
          <Orders />
          <Invalidator url={server.url} />
        </Hub>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(view.getByTestId('orders').textContent).toBe('1/1'));
    await until(() => held !== undefined);
    const burst = Array.from({ length: 50 }, (_, i) =>
      frame({ id: i }, i % 2 ? 'order.updated' : 'order.created'),
    );
    held?.write(`${burst.join('')}${frame({}, 'user.updated')}`);
    await waitFor(() => expect(view.getByTestId('orders').textContent).toBe('2/1'));
    expect(fetches).toBe(2);
    held?.write(frame({ id: 99 }, 'order.updated'));
    await waitFor(() => expect(fetches).toBe(3));
    expect(others).toBe(1);
    view.unmount();
    client.clear();
  });

  it('takes a function from event to query keys', async () => {
    const server = await serve((_req, res) => open(res, frame({ table: 'users' }, 'changed')));
    const client = new QueryClient();
    const { wrapper: Hub } = testHub();
    fetches = 0;
    others = 0;
    render(
      <QueryClientProvider client={client}>
        <Hub>
          <Orders />
          <ByTable url={server.url} />
        </Hub>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(others).toBe(2));
    expect(fetches).toBe(1);
    client.clear();
  });
});
