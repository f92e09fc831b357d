import type { ServerResponse } from 'node:http';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { frame, open, serve, testHub } from './test/sse';
import { useTokenStream } from './use-token-stream';

describe('useTokenStream smooth display', () => {
  it('spreads a burst over several renders, and shows all at once at the end', async () => {
    let response: ServerResponse | undefined;
    const server = await serve((_req, res) => {
      open(res, frame({ text: 'a'.repeat(300) }, 'token'));
      response = res;
    });
    const { wrapper } = testHub();
    const lengths: number[] = [];
    const { result } = renderHook(
      () => {
        const answer = useTokenStream({ url: server.url, smooth: { windowMs: 1000 } });
        lengths.push(answer.text.length);
        return answer;
      },
      { wrapper },
    );
    act(() => result.current.start({}));
    await waitFor(() => expect(result.current.text.length).toBe(300), { timeout: 5000 });
    const partial = new Set(lengths.filter((n) => n > 0 && n < 300));
    expect(partial.size).toBeGreaterThanOrEqual(2);
    // A second burst, then the end at once: the end shows everything in the same render.
    act(() => {
      response?.write(frame({ text: 'b'.repeat(300) }, 'token'));
      response?.end(frame('', 'done'));
    });
    await waitFor(() => expect(result.current.status).toBe('done'), { timeout: 5000 });
    expect(result.current.text).toBe(`${'a'.repeat(300)}${'b'.repeat(300)}`);
  });

  it('is off by default: a burst shows in one render', async () => {
    const server = await serve((_req, res) => {
      open(res, frame({ text: 'a'.repeat(300) }, 'token'));
    });
    const { wrapper } = testHub();
    const lengths: number[] = [];
    const { result } = renderHook(
      () => {
        const answer = useTokenStream({ url: server.url });
        lengths.push(answer.text.length);
        return answer;
      },
      { wrapper },
    );
    act(() => result.current.start({}));
    await waitFor(() => expect(result.current.text.length).toBe(300), { timeout: 5000 });
    expect(lengths.filter((n) => n > 0 && n < 300)).toEqual([]);
  });
});
