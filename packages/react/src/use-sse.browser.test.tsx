import { eventSourceTransport } from '@ssekit/core';
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEventStream } from './use-event-stream';
import { useSSE } from './use-sse';

afterEach(cleanup);

const url = (key: string) => `/__sse/counter?key=${key}&named=1&total=100000&interval=15`;

function Ticks({ src }: { src: string }) {
  const { data, status } = useSSE<string, string[]>(src, {
    transport: eventSourceTransport,
    event: 'tick',
    parse: (d) => d,
    reduce: (list, value) => [...list, value],
    initial: [],
  });
  return <p data-testid="ticks">{`${status}:${data.join(',')}`}</p>;
}

function Named({ src }: { src: string }) {
  const { events } = useEventStream(src, {
    transport: eventSourceTransport,
    event: ['tick', 'message'],
  });
  return <p data-testid="events">{events.map((e) => `${e.event}:${e.id}`).join(',')}</p>;
}

describe('hooks over the native EventSource transport (Chromium)', () => {
  it('useSSE with `event` gets every named event', async () => {
    const view = render(<Ticks src={url(`hook-${Math.random()}`)} />);
    await waitFor(() => expect(view.getByTestId('ticks').textContent).toMatch(/^open:n2,n4,n6/), {
      timeout: 5000,
    });
  });

  it('useEventStream with several names gets them all, in order', async () => {
    const view = render(<Named src={url(`win-${Math.random()}`)} />);
    await waitFor(
      () =>
        expect(view.getByTestId('events').textContent).toMatch(
          /^message:1,tick:2,message:3,tick:4/,
        ),
      { timeout: 5000 },
    );
  });
});
