import type { ServerResponse } from 'node:http';
import { until } from '@ssekit/testing';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { frame, open, serve, testHub } from './test/sse';
import { useTokenStream } from './use-token-stream';

const token = (text: string) => frame({ text }, 'token');

describe('useTokenStream', () => {
  it('POSTs the body as JSON and accumulates tokens until done', async () => {
    const server = await serve((_req, res) =>
      open(res, token('Hel'), token('lo, '), frame('"world"', 'token'), frame('', 'done')),
    );
    const { wrapper } = testHub();
    const { result } = renderHook(() => useTokenStream({ url: `${server.url}/chat` }), {
      wrapper,
    });
    expect(result.current.status).toBe('idle');
    act(() => result.current.start({ prompt: 'hi' }));
    expect(result.current.status).toBe('streaming');
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.text).toBe('Hello, world');
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ prompt: 'hi' });
    expect(server.requests).toHaveLength(1);
  });

  it('stop() aborts the request (the server sees it) and keeps the text', async () => {
    const server = await serve((_req, res) => open(res, token('partial')));
    const { wrapper } = testHub();
    const { result } = renderHook(() => useTokenStream({ url: server.url }), { wrapper });
    act(() => result.current.start('plain text'));
    await waitFor(() => expect(result.current.text).toBe('partial'));
    expect(server.openStreams()).toBe(1);
    act(() => result.current.stop());
    expect(result.current.status).toBe('stopped');
    await until(() => server.openStreams() === 0);
    expect(server.requests[0]?.body).toBe('plain text');
    expect(result.current.text).toBe('partial');
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ text: '', status: 'idle', error: null });
  });

  it('a new start cancels the running answer; its tokens never mix in', async () => {
    const responses: ServerResponse[] = [];
    const server = await serve((_req, res) => {
      open(res, token(`#${responses.length}:`));
      responses.push(res);
    });
    const { wrapper } = testHub();
    const { result } = renderHook(() => useTokenStream({ url: server.url }), { wrapper });
    act(() => result.current.start({ q: 1 }));
    await waitFor(() => expect(result.current.text).toBe('#0:'));
    act(() => result.current.start({ q: 2 }));
    await waitFor(() => expect(result.current.text).toBe('#1:'));
    // The server sees the first request aborted; only the second stays open.
    await until(() => server.openStreams() === 1);
    responses[1]?.write(token('fresh'));
    responses[1]?.end(frame('', 'done'));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.text).toBe('#1:fresh');
    expect(server.requests).toHaveLength(2);
  });

  it('an answer cut short ends in error, keeps its text and is never re-sent', async () => {
    const server = await serve((_req, res) => {
      open(res, token('half'));
      res.end();
    });
    const { wrapper } = testHub();
    const { result } = renderHook(() => useTokenStream({ url: server.url }), { wrapper });
    act(() => result.current.start({ q: 1 }));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.text).toBe('half');
    expect(result.current.error).toMatchObject({ code: 'incomplete' });
    expect(server.requests).toHaveLength(1);
  });

  it('a throwing parse ends the answer in error, keeping the text so far', async () => {
    const server = await serve((_req, res) =>
      open(res, token('ok '), frame('{', 'token'), token('x')),
    );
    const { wrapper } = testHub();
    const { result } = renderHook(
      () => useTokenStream({ url: server.url, parse: (data) => JSON.parse(data).text }),
      { wrapper },
    );
    act(() => result.current.start({}));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.text).toBe('ok ');
    expect(result.current.error).toMatchObject({ code: 'parse' });
    await until(() => server.openStreams() === 0);
  });

  it('an already-aborted signal sends nothing and ends as stopped', () => {
    const { wrapper } = testHub();
    const signal = AbortSignal.abort();
    const { result } = renderHook(() => useTokenStream({ url: 'http://127.0.0.1:9/x', signal }), {
      wrapper,
    });
    act(() => result.current.start({}));
    expect(result.current.status).toBe('stopped');
  });

  it('reports an HTTP error without retrying, and aborts on unmount', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/busy') res.writeHead(503).end('busy');
      else open(res, token('t'));
    });
    const { wrapper } = testHub();
    const busy = renderHook(() => useTokenStream({ url: `${server.url}/busy` }), { wrapper });
    act(() => busy.result.current.start({}));
    await waitFor(() => expect(busy.result.current.status).toBe('error'));
    expect(busy.result.current.error).toMatchObject({ code: 'http', status: 503 });
    const live = renderHook(() => useTokenStream({ url: `${server.url}/ok` }), { wrapper });
    act(() => live.result.current.start({}));
    await waitFor(() => expect(live.result.current.text).toBe('t'));
    live.unmount();
    await until(() => server.openStreams() === 0);
    expect(server.requests.map((r) => r.url)).toEqual(['/busy', '/ok']);
  });
});
