import { eventSourceTransport } from '@ssekit/core';
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEventStream } from './use-event-stream';
import { useSSE } from './use-sse';

afterEach(cleanup);

// Short streams (they end with 204): other browser tests share the origin's six connections.
const url = (key: string) => `/__sse/counter?key=${key}&named=1&total=8&interval=15`;

function Ticks({ src }: { src: string }) {
  const { data, status } = useSSE<string, string[]>(src, {
    transport: eventSourceTransport,
    event: 'tick',
    parse: (d) => d,
    reduce: (list, value) => [...list, value],
    initial: [],
  });
  return (
    <p data-testid="ticks">{`${status === 'connecting' ? '' : 'connected'}:${data.join(',')}`}</p>
  );
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
    await waitFor(
      () => expect(view.getByTestId('ticks').textContent).toBe('connected:n2,n4,n6,n8'),
      { timeout: 15_000 },
    );
  });

  it('useEventStream with several names gets them all, in order', async () => {
    const view = render(<Named src={url(`win-${Math.random()}`)} />);
    await waitFor(
      () =>
        expect(view.getByTestId('events').textContent).toBe(
          'message:1,tick:2,message:3,tick:4,message:5,tick:6,message:7,tick:8',
        ),
      { timeout: 15_000 },
    );
  });
});
