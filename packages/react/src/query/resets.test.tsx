import { type Channel, createChannel } from '@ssekit/server';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, testHub } from '../test/sse';
import { sseQueryOptions } from './sse-query-options';
import { useSSEInvalidation } from './use-sse-invalidation';
import { useSSEQuery } from './use-sse-query';

// A real `@ssekit/server` channel on 127.0.0.1 that loses its history as a restarted process
// does: its sessions end, and a new channel (new epoch, empty history) answers the reconnects.
// Clients resume with an id of the lost history and get the server's `reset`.

let channel: Channel = createChannel();
afterEach(() => channel.close());

async function restartingServer() {
  channel = createChannel();
  resets = 0;
  fetches = 0;
  seen.length = 0;
  const server = await serve((req, res) => {
    channel.handle(req, res, { retry: 10, heartbeatMs: 0 });
  });
  const publish = (...values: number[]) => {
    for (const value of values) channel.publish({ data: value });
  };
  /** Loses the history: every session ends, and the next channel knows none of its ids. */
  const restart = () => {
    const old = channel;
    channel = createChannel();
    old.close();
  };
  url = server.url;
  return { publish, restart, sessions: () => channel.size };
}

/** A render function for one client and one test hub (a remount shares the hub's connection). */
function renderer(client: QueryClient) {
  const Hub = testHub().wrapper;
  return (ui: ReactNode) =>
    render(
      <QueryClientProvider client={client}>
        <Hub>{ui}</Hub>
      </QueryClientProvider>,
    );
}

/**
 * A restarting server, a client (its `['values']` entry left as `cached` by an earlier mount, if
 * given) and `ui` rendered, once its stream is connected.
 */
async function mounted(ui: ReactNode, cached?: number[]) {
  const server = await restartingServer();
  const client = new QueryClient();
  if (cached) client.setQueryData(['values'], cached);
  const show = renderer(client);
  const view = show(ui);
  await waitFor(() => expect(server.sessions()).toBe(1));
  return { server, client, show, view };
}

let url = '';
let resets = 0;
let fetches = 0;
const seen: string[] = [];
const countReset = () => {
  resets++;
};

function Feed() {
  const { data } = useQuery(
    sseQueryOptions<number>({
      queryKey: ['feed'],
      url,
      retry: { initialMs: 10, maxMs: 50 },
      onReset: countReset,
    }),
  );
  const text = (data ?? []).join(',');
  if (seen.at(-1) !== text) seen.push(text);
  return <p data-testid="feed">{text}</p>;
}

function Writer() {
  useSSEQuery<number, number[]>({
    queryKey: ['values'],
    url,
    initial: [],
    reduce: (list, value) => [...list, value],
    onReset: countReset,
  });
  return null;
}

function LatestWriter() {
  useSSEQuery<number>({ queryKey: ['values'], url, onReset: countReset });
  return null;
}

function Reader() {
  const { data } = useQuery<number[]>({
    queryKey: ['values'],
    queryFn: () => Promise.resolve([]),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return <p data-testid="values">{(data ?? []).join(',')}</p>;
}

/** A cache writer and a plain reader of the same key. */
function WriterAndReader() {
  return (
    <>
      <Writer />
      <Reader />
    </>
  );
}

function Orders() {
  const { data } = useQuery({
    queryKey: ['orders'],
    queryFn: () => Promise.resolve(++fetches),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return <p data-testid="orders">{data ?? 0}</p>;
}

function Invalidator() {
  useSSEInvalidation(url, { 'order.updated': [['orders']] }, { debounceMs: 5 });
  return null;
}

describe('TanStack Query and a server that loses its history', () => {
  it('sseQueryOptions: the data starts over on the reset, never mixing the two histories', async () => {
    const { server, client, view } = await mounted(<Feed />);
    server.publish(1, 2, 3);
    await waitFor(() => expect(view.getByTestId('feed').textContent).toBe('1,2,3'));
    server.restart();
    await waitFor(() => expect(server.sessions()).toBe(1));
    server.publish(10, 11);
    await waitFor(() => expect(view.getByTestId('feed').textContent).toBe('10,11'));
    expect(resets).toBe(1);
    expect(seen.some((text) => /3,10|3,1\d/.test(text))).toBe(false);
    view.unmount();
    client.clear();
  });

  it('useSSEQuery: the cache entry starts over from `initial`, and readers see the new history', async () => {
    const { server, client, view } = await mounted(<WriterAndReader />);
    server.publish(1, 2, 3);
    await waitFor(() => expect(view.getByTestId('values').textContent).toBe('1,2,3'));
    server.restart();
    await waitFor(() => expect(server.sessions()).toBe(1));
    server.publish(10, 11);
    await waitFor(() => expect(view.getByTestId('values').textContent).toBe('10,11'));
    expect(client.getQueryData(['values'])).toEqual([10, 11]);
    expect(resets).toBe(1);
    view.unmount();
    client.clear();
  });

  it('useSSEQuery: after a reset the data starts from `initial`, not from the cache entry it continued', async () => {
    // [7, 8]: left by an earlier mount; a remount continues it
    const { server, client, view } = await mounted(<WriterAndReader />, [7, 8]);
    server.publish(1, 2);
    await waitFor(() => expect(view.getByTestId('values').textContent).toBe('7,8,1,2'));
    server.restart();
    await waitFor(() => expect(server.sessions()).toBe(1));
    server.publish(10, 11);
    await waitFor(() => expect(view.getByTestId('values').textContent).toBe('10,11'));
    expect(resets).toBe(1);
    view.unmount();
    client.clear();
  });

  it('useSSEQuery: a reset with nothing retained sets the cache entry to `initial` at once, for readers and a remount', async () => {
    // [7, 8]: left by an earlier mount; a remount continues it
    const { server, client, show, view } = await mounted(<WriterAndReader />, [7, 8]);
    server.publish(1, 2);
    await waitFor(() => expect(view.getByTestId('values').textContent).toBe('7,8,1,2'));
    server.restart(); // the new history is empty: no event follows the reset
    await waitFor(() => expect(resets).toBe(1));
    await waitFor(() => expect(view.getByTestId('values').textContent).toBe(''));
    expect(client.getQueryData(['values'])).toEqual([]);
    view.unmount();
    const again = show(<WriterAndReader />);
    await waitFor(() => expect(server.sessions()).toBe(1));
    server.publish(10);
    await waitFor(() => expect(again.getByTestId('values').textContent).toBe('10'));
    again.unmount();
    client.clear();
  });

  it('useSSEQuery without `initial`: a reset with nothing retained makes the query pending again', async () => {
    const { server, client, view } = await mounted(<LatestWriter />);
    server.publish(1, 2);
    await waitFor(() => expect(client.getQueryData(['values'])).toBe(2));
    server.restart();
    await waitFor(() => expect(resets).toBe(1));
    await waitFor(() => expect(client.getQueryState(['values'])?.status).toBe('pending'));
    expect(client.getQueryData(['values'])).toBeUndefined();
    server.publish(10);
    await waitFor(() => expect(client.getQueryData(['values'])).toBe(10));
    view.unmount();
    client.clear();
  });

  it('useSSEInvalidation: a reset refetches every key of its map (events may have been missed)', async () => {
    const { server, client, view } = await mounted(
      <>
        <Orders />
        <Invalidator />
      </>,
    );
    await waitFor(() => expect(view.getByTestId('orders').textContent).toBe('1'));
    channel.publish({ event: 'order.updated', data: 1 }); // a refetch, and an id to resume from
    await waitFor(() => expect(view.getByTestId('orders').textContent).toBe('2'));
    server.restart();
    await waitFor(() => expect(view.getByTestId('orders').textContent).toBe('3'));
    expect(fetches).toBe(3);
    view.unmount();
    client.clear();
  });
});
