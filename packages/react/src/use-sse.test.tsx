import { until } from '@ssekit/testing';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { Profiler, StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { SSEProvider } from './provider';
import { frame, open, serve, testHub } from './test/sse';
import { useSSE } from './use-sse';
import { useSSEEvent } from './use-sse-event';

function Sum({ url, seen }: { url: string; seen: number[] }) {
  const { data } = useSSE<{ n: number }, number>(url, {
    initial: 0,
    reduce: (sum, value) => {
      seen.push(value.n);
      return sum + value.n;
    },
  });
  return <p data-testid="sum">{data}</p>;
}

function Item({ url }: { url: string }) {
  return <li>{String(useSSE(url).data ?? 'wait')}</li>;
}

/** Keeps a connection alive and records its events, so they are known to be dispatched. */
function Watch({ url, seen }: { url: string; seen: string[] }) {
  useSSEEvent<string>(url, 'message', (value) => seen.push(value));
  return null;
}

function Switching({ url, log }: { url: string; log: string[] }) {
  const { data } = useSSE<string, string>(url, {
    initial: '',
    reduce: (_s, value) => {
      log.push(value);
      return value;
    },
  });
  return <p data-testid="v">{data}</p>;
}

describe('useSSE', () => {
  it('reduces every event of a 1,000-event burst in order, in a handful of commits', async () => {
    const burst = Array.from({ length: 1000 }, (_, i) => frame({ n: i })).join('');
    const server = await serve((_req, res) => open(res, burst));
    const { wrapper: Wrapper } = testHub();
    const seen: number[] = [];
    let commits = 0;
    const view = render(
      <Wrapper>
        <Profiler id="sum" onRender={() => commits++}>
          <Sum url={`${server.url}/burst`} seen={seen} />
        </Profiler>
      </Wrapper>,
    );
    await waitFor(() => expect(view.getByTestId('sum').textContent).toBe(String(499500)));
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(commits).toBeLessThan(10);
  });

  it('parses JSON and falls back to the raw string', async () => {
    const server = await serve((_req, res) =>
      open(res, frame({ a: 1 }), frame('hello'), frame('42')),
    );
    const { wrapper } = testHub();
    const { result } = renderHook(
      () =>
        useSSE<unknown, unknown[]>(server.url, {
          initial: [],
          reduce: (list, value) => [...list, value],
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.data).toEqual([{ a: 1 }, 'hello', 42]));
    expect(result.current.status).toBe('open');
  });

  it('listens to a list of event names and ignores others', async () => {
    const server = await serve((_req, res) =>
      open(res, frame(1, 'a'), frame(2, 'c'), frame(3, 'b'), frame(4), frame(5, 'a', '5')),
    );
    const { wrapper } = testHub();
    const { result } = renderHook(
      () =>
        useSSE<number, string[]>(server.url, {
          event: ['a', 'b'],
          initial: [],
          reduce: (list, value, event) => [...list, `${event.event}${value}`],
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.data).toEqual(['a1', 'b3', 'a5']));
    expect(result.current.lastEventId).toBe('5');
  });

  it('keeps the latest value by default and applies select at render', async () => {
    const server = await serve((_req, res) => open(res, frame({ price: 1 }), frame({ price: 2 })));
    const { wrapper } = testHub();
    const { result } = renderHook(
      () =>
        useSSE<{ price: number }, { price: number } | undefined, number | undefined>(server.url, {
          select: (quote) => quote?.price,
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.data).toBe(2));
  });

  it('makes no request for a null url or enabled: false', async () => {
    const server = await serve((_req, res) => open(res, frame(1)));
    const { wrapper } = testHub();
    const a = renderHook(() => useSSE(null, { initial: 'none' }), { wrapper });
    const b = renderHook(() => useSSE(server.url, { enabled: false, initial: 'off' }), {
      wrapper,
    });
    expect(a.result.current).toMatchObject({ data: 'none', status: 'closed', error: null });
    expect(b.result.current).toMatchObject({ data: 'off', status: 'closed' });
    // A request made now would reach the server before this one does.
    await fetch(`${server.url}/probe`).catch(() => {});
    expect(server.requests.map((r) => r.url)).toEqual(['/probe']);
  });

  it('shares one connection between 50 components', async () => {
    const server = await serve((_req, res) => open(res, frame('hi')));
    const { wrapper: Wrapper } = testHub();
    const view = render(
      <Wrapper>
        <ul>
          {Array.from({ length: 50 }, (_, i) => `item-${i}`).map((id) => (
            <Item key={id} url={`${server.url}/shared`} />
          ))}
        </ul>
      </Wrapper>,
    );
    // Each component's event, not a time limit: the server holds one open stream for all 50,
    // and every component shows the one event it sent.
    await until(() => server.openStreams() === 1);
    await until(() => view.queryAllByText('hi').length === 50);
    expect(view.queryAllByText('wait')).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
    expect(server.openStreams()).toBe(1);
  });

  it('makes one request under StrictMode and closes the socket after the grace period', async () => {
    const server = await serve((_req, res) => open(res, frame('ok')));
    const { wrapper: Wrapper } = testHub(30);
    const view = render(
      <StrictMode>
        <Wrapper>
          <Item url={server.url} />
        </Wrapper>
      </StrictMode>,
    );
    // StrictMode mounted, unmounted and remounted the component at once: the server got one
    // request, whose stream stays open, and the component shows its event.
    await until(() => server.openStreams() === 1);
    await until(() => view.queryByText('ok'));
    expect(server.requests).toHaveLength(1);
    expect(server.openStreams()).toBe(1);
    view.unmount();
    // Within the grace period the stream stays open; after it, the client closes it.
    expect(server.openStreams()).toBe(1);
    await until(() => server.openStreams() === 0);
    expect(server.requests).toHaveLength(1);
  });

  it('drops the old stream when the url changes: none of its events reach the new state', async () => {
    const responses = new Map<string, import('node:http').ServerResponse>();
    const server = await serve((req, res) => {
      open(res);
      responses.set(req.url ?? '', res);
    });
    const { wrapper: Wrapper } = testHub(1000);
    const log: string[] = [];
    const oldEvents: string[] = [];
    const view = render(
      <Wrapper>
        <Watch url={`${server.url}/a`} seen={oldEvents} />
        <Switching url={`${server.url}/a`} log={log} />
      </Wrapper>,
    );
    await until(() => responses.has('/a'));
    responses.get('/a')?.write(frame('a1'));
    await waitFor(() => expect(view.getByTestId('v').textContent).toBe('a1'));
    view.rerender(
      <Wrapper>
        <Watch url={`${server.url}/a`} seen={oldEvents} />
        <Switching url={`${server.url}/b`} log={log} />
      </Wrapper>,
    );
    await until(() => responses.has('/b'));
    responses.get('/a')?.write(frame('a2'));
    await until(() => oldEvents.includes('a2'));
    responses.get('/b')?.write(frame('b1'));
    await waitFor(() => expect(view.getByTestId('v').textContent).toBe('b1'));
    expect(log).toEqual(['a1', 'b1']);
  });

  it('replayLast gives a late hook on a shared stream the last event at once', async () => {
    const server = await serve((_req, res) => open(res, frame({ v: 1 }), frame({ v: 2 })));
    const { wrapper } = testHub();
    const first = renderHook(() => useSSE<{ v: number }>(server.url), { wrapper });
    await waitFor(() => expect(first.result.current.data).toEqual({ v: 2 }));
    const late = renderHook(() => useSSE<{ v: number }>(server.url, { replayLast: true }), {
      wrapper,
    });
    await waitFor(() => expect(late.result.current.data).toEqual({ v: 2 }));
    expect(server.requests).toHaveLength(1);
  });

  it('reports a throwing parse as a typed error and keeps the data', async () => {
    const server = await serve((_req, res) => open(res, frame('1'), frame('bad'), frame('3')));
    const { wrapper } = testHub();
    const { result } = renderHook(
      () =>
        useSSE<number, number[]>(server.url, {
          initial: [],
          parse: (data) => {
            const n = Number(data);
            if (Number.isNaN(n)) throw new Error(`not a number: ${data}`);
            return n;
          },
          reduce: (list, n) => [...list, n],
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.data).toEqual([1, 3]));
    expect(result.current.error).toMatchObject({ code: 'parse', fatal: false });
  });

  it('reports a fatal HTTP error with status closed; reconnect() tries again', async () => {
    const server = await serve((_req, res) => {
      if (server.requests.length === 1) res.writeHead(404).end('gone');
      else open(res, frame('back'));
    });
    const { wrapper } = testHub();
    const { result } = renderHook(() => useSSE(server.url), { wrapper });
    await waitFor(() => expect(result.current.status).toBe('closed'));
    expect(result.current.error).toMatchObject({ code: 'http', status: 404 });
    expect(server.requests).toHaveLength(1);
    act(() => result.current.reconnect());
    await waitFor(() => expect(result.current.data).toBe('back'));
    expect(result.current).toMatchObject({ status: 'open', error: null });
  });

  it('exposes nextRetryAt while reconnecting, moving with every new retry', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(503).end('busy');
    });
    const { wrapper } = testHub();
    const { result } = renderHook(
      () => useSSE(server.url, { retry: { initialMs: 40, factor: 1, jitter: 0 } }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.status).toBe('reconnecting'));
    const first = result.current.nextRetryAt;
    expect(first).toBeGreaterThan(Date.now() - 1000);
    await waitFor(() => expect(server.requests.length).toBeGreaterThanOrEqual(3));
    await waitFor(() => expect(result.current.nextRetryAt).toBeGreaterThan(first ?? 0));
    act(() => result.current.close());
    expect(result.current).toMatchObject({ status: 'closed', nextRetryAt: null });
  });

  it('reports a URL that cannot be resolved as an error, without throwing', async () => {
    const { hub } = testHub();
    const { result } = renderHook(() => useSSE('/feed'), {
      wrapper: ({ children }) => (
        <SSEProvider hub={hub} baseUrl="not a base">
          {children}
        </SSEProvider>
      ),
    });
    await waitFor(() => expect(result.current.status).toBe('closed'));
    expect(result.current.error).toBeInstanceOf(TypeError);
  });

  it('close() stops the stream and reconnect() resumes with Last-Event-ID', async () => {
    const server = await serve((_req, res) => open(res, frame('x', undefined, '7')));
    const { wrapper } = testHub(0);
    const { result } = renderHook(() => useSSE<string>(server.url), { wrapper });
    await waitFor(() => expect(result.current.lastEventId).toBe('7'));
    result.current.close();
    await waitFor(() => expect(result.current.status).toBe('closed'));
    await until(() => server.openStreams() === 0, 1000);
    result.current.reconnect();
    await until(() => server.requests.length === 2);
    expect(server.requests[1]?.headers['last-event-id']).toBe('7');
    await waitFor(() => expect(result.current.status).toBe('open'));
  });
});
