import type { ServerResponse } from 'node:http';
import { createRuns, type Generate } from '@ssekit/server';
import { gated, until } from '@ssekit/testing';
import { act, renderHook, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, testHub } from './test/sse';
import { useTokenStream } from './use-token-stream';

const answer = (n: number) => Array.from({ length: n }, (_, i) => `t${i + 1} `).join('');

const runsToClose: Array<ReturnType<typeof createRuns>> = [];
afterEach(async () => {
  for (const runs of runsToClose.splice(0)) await runs.close();
  sessionStorage.clear();
});

async function runServer(generate: Generate) {
  const runs = createRuns();
  runsToClose.push(runs);
  const posts: ServerResponse[] = [];
  const seen: Array<{ method: string; at: number }> = [];
  const server = await serve((req, res) => {
    seen.push({ method: req.method ?? '', at: Date.now() });
    if (req.method === 'POST') posts.push(res);
    return runs.handle(req, res, generate, { heartbeatMs: 0 });
  });
  const count = (method: string) => seen.filter((s) => s.method === method).length;
  return { server, posts, seen, count };
}

describe('useTokenStream with resumable runs (a real server with createRuns)', () => {
  it('a drop mid-answer joins the run by GET: every token once, the prompt POSTed once', async () => {
    const gen = gated(6);
    const { server, posts, count } = await runServer(gen.generate);
    const { wrapper } = testHub();
    const { result } = renderHook(() => useTokenStream({ url: server.url }), { wrapper });
    gen.release(3);
    act(() => result.current.start({ prompt: 'hi' }));
    await waitFor(() => expect(result.current.text).toBe(answer(3)));
    posts[0]?.socket?.destroy(); // the connection drops; the run goes on
    gen.release(6);
    await waitFor(() => expect(result.current.status).toBe('done'), { timeout: 5000 });
    expect(result.current.text).toBe(answer(6));
    expect(count('POST')).toBe(1);
    expect(count('GET')).toBeGreaterThanOrEqual(1);
    expect(sessionStorage.length).toBe(0);
  });

  it('after a "reload" (a new hook, StrictMode) the remembered run is joined once, from its start', async () => {
    const gen = gated(5);
    const { server, count } = await runServer(gen.generate);
    const { wrapper } = testHub();
    const first = renderHook(() => useTokenStream({ url: server.url }), { wrapper });
    gen.release(2);
    act(() => first.result.current.start({ prompt: 'hi' }));
    await waitFor(() => expect(first.result.current.text).toBe(answer(2)));
    expect(sessionStorage.length).toBe(1);
    first.unmount(); // the page goes away; the run does not
    await until(() => server.openStreams() === 0);
    const strict = ({ children }: { children: React.ReactNode }) => (
      <StrictMode>{wrapper({ children })}</StrictMode>
    );
    const second = renderHook(() => useTokenStream({ url: server.url }), { wrapper: strict });
    await waitFor(() => expect(second.result.current.text).toBe(answer(2)));
    expect(second.result.current.status).toBe('streaming');
    gen.release(5);
    await waitFor(() => expect(second.result.current.status).toBe('done'));
    expect(second.result.current.text).toBe(answer(5));
    expect(count('POST')).toBe(1);
    expect(count('GET')).toBe(1);
    expect(sessionStorage.length).toBe(0);
  });

  it('stop() cancels the run on the server (DELETE, then the abort within 100 ms); a remount does not rejoin it', async () => {
    const gen = gated(100);
    const { server, seen } = await runServer(gen.generate);
    const { wrapper } = testHub();
    const hook = renderHook(() => useTokenStream({ url: server.url }), { wrapper });
    gen.release(1);
    act(() => hook.result.current.start({ prompt: 'long' }));
    await waitFor(() => expect(hook.result.current.text).toBe(answer(1)));
    const stoppedAt = Date.now();
    act(() => hook.result.current.stop());
    expect(hook.result.current.status).toBe('stopped');
    await until(() => gen.log.some((l) => l.what === 'aborted'));
    const abortedAt = gen.log.find((l) => l.what === 'aborted')?.at ?? 0;
    const deleteAt = seen.find((s) => s.method === 'DELETE')?.at ?? 0;
    expect(deleteAt).toBeGreaterThanOrEqual(stoppedAt);
    expect(abortedAt).toBeGreaterThanOrEqual(deleteAt);
    // On the server, the cancel reaches the generation at once; the way there is one request
    // (on a loaded machine it can take longer than the server's part, so only that is bounded).
    expect(abortedAt - deleteAt).toBeLessThan(100);
    expect(sessionStorage.length).toBe(0);
    hook.unmount();
    const again = renderHook(() => useTokenStream({ url: server.url }), { wrapper });
    await until(() => server.openStreams() === 0);
    expect(again.result.current.status).toBe('idle');
    expect(seen.filter((s) => s.method === 'GET')).toHaveLength(0);
  });
});
