import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { frame, open, serve, testHub } from './test/sse';
import { useEventStream } from './use-event-stream';

describe('useEventStream', () => {
  it('keeps a bounded window of the newest events, newest last', async () => {
    const body = Array.from({ length: 250 }, (_, i) =>
      frame(`e${i}`, i % 2 ? 'odd' : undefined, `${i}`),
    );
    const server = await serve((_req, res) => open(res, body.join('')));
    const { wrapper } = testHub();
    const { result } = renderHook(() => useEventStream(server.url, { maxEvents: 100 }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.lastEventId).toBe('249'));
    const { events, lastEvent } = result.current;
    expect(events).toHaveLength(100);
    expect(events[0]).toEqual({ event: 'message', data: 'e150', id: '150' });
    expect(lastEvent).toEqual({ event: 'odd', data: 'e249', id: '249' });
    expect(events.map((e) => e.id)).toEqual(Array.from({ length: 100 }, (_, i) => `${150 + i}`));
  });

  it('filters by event name and holds 100 events by default', async () => {
    const body = Array.from({ length: 300 }, (_, i) => frame(`${i}`, i % 3 === 0 ? 'job' : 'log'));
    const server = await serve((_req, res) => open(res, body.join(''), frame('end', 'job')));
    const { wrapper } = testHub();
    const { result } = renderHook(() => useEventStream(server.url, { event: 'job' }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.lastEvent?.data).toBe('end'));
    expect(result.current.events).toHaveLength(100);
    expect(result.current.events.every((e) => e.event === 'job')).toBe(true);
  });

  it('starts empty and closed for a null url', () => {
    const { wrapper } = testHub();
    const { result } = renderHook(() => useEventStream(null), { wrapper });
    expect(result.current).toMatchObject({ events: [], lastEvent: null, status: 'closed' });
  });
});
