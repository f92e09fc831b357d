// Test helpers that run anywhere (Node and the browser): waiting on an EventStream, and
// reading what the browser test server's `/__sse/counter` endpoint saw.
import type { EventStream, SSEEvent, StreamStatus } from '../types';

/** Resolves once the stream reaches `status` (at once if it already has). */
export function untilStatus(stream: EventStream, status: StreamStatus): Promise<void> {
  if (stream.status === status) return Promise.resolve();
  return new Promise((resolve) => {
    const off = stream.onStatus((s) => {
      if (s !== status) return;
      off();
      resolve();
    });
  });
}

/** Resolves with the next `n` events named `name` (any name for `'*'`). */
export function nextEvents(stream: EventStream, n = 1, name = '*'): Promise<SSEEvent[]> {
  const got: SSEEvent[] = [];
  return new Promise((resolve) => {
    const off = stream.on(name, (e) => {
      got.push(e);
      if (got.length < n) return;
      off();
      resolve(got);
    });
  });
}

/** Resolves with the next error reported by the stream. */
export function nextError(stream: EventStream): Promise<Error> {
  return new Promise((resolve) => {
    const off = stream.onError((e) => {
      off();
      resolve(e);
    });
  });
}

/** What `/__sse/counter` saw for one key (browser tests, served by the test Vite server). */
export interface CounterStats {
  lastEventIds: string[];
  methods: string[];
  open: number;
}

/** The counter's stats for `key`; with `open`, once that many responses are open (up to 5 s). */
export async function counterStats(key: string, open?: number): Promise<CounterStats> {
  const wait = open === undefined ? '' : `&open=${open}`;
  return (await fetch(`/__sse/stats?key=${key}${wait}`)).json();
}
