import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { frame, open, serve, testHub } from './test/sse';
import { useSSEEvent } from './use-sse-event';

function Toasts({ url, onToast }: { url: string; onToast: (t: unknown) => void }) {
  useSSEEvent(url, 'toast', onToast);
  renders++;
  return <p>toasts</p>;
}
let renders = 0;

describe('useSSEEvent', () => {
  it('calls the latest handler for every event without re-rendering', async () => {
    const body = Array.from({ length: 20 }, (_, i) => frame({ n: i }, 'toast')).join('');
    const server = await serve((_req, res) => open(res, frame('skip'), body));
    const { wrapper: Wrapper } = testHub();
    renders = 0;
    const first: unknown[] = [];
    const second: unknown[] = [];
    const view = render(
      <Wrapper>
        <Toasts url={server.url} onToast={(t) => first.push(t)} />
      </Wrapper>,
    );
    // A new handler on re-render is used from then on, without reconnecting.
    view.rerender(
      <Wrapper>
        <Toasts url={server.url} onToast={(t) => second.push(t)} />
      </Wrapper>,
    );
    await waitFor(() => expect(second).toHaveLength(20));
    expect(second[19]).toEqual({ n: 19 });
    expect(first).toEqual([]);
    expect(renders).toBe(2);
    expect(server.requests).toHaveLength(1);
  });
});
