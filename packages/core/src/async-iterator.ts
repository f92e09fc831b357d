import type { EventStream, SSEEvent } from './types';

/** Events an iterator keeps for a reader that falls behind; beyond it the oldest are dropped. */
export const ITERATOR_QUEUE_LIMIT = 10_000;

type Source = Pick<EventStream, 'on' | 'onStatus' | 'status' | 'error'>;

/**
 * Iterates every event of `source` from now on. Ends when the source closes (after the queued
 * events), throwing the error it closed with, if any. The queue holds at most `limit` events:
 * a reader that falls further behind loses the oldest ones (a live stream does not wait).
 */
export function iterate(source: Source, limit = ITERATOR_QUEUE_LIMIT): AsyncIterator<SSEEvent> {
  let queue: SSEEvent[] = [];
  let done = false;
  let failure: Error | null = null;
  /** Wakes a `next()` that waits for an event or the end. */
  let wake: (() => void) | null = null;
  const end = (error: Error | null) => {
    if (done) return;
    done = true;
    failure = error;
    offEvent();
    offStatus();
    wake?.();
  };
  const offEvent = source.on('*', (event) => {
    if (queue.push(event) > limit) queue.shift();
    wake?.();
  });
  const offStatus = source.onStatus((status) => {
    if (status === 'closed') end(source.error);
  });
  if (source.status === 'closed') end(source.error);

  return {
    async next() {
      while (queue.length === 0 && !done) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      if (queue.length > 0) return { value: queue.shift() as SSEEvent, done: false };
      const error = failure;
      failure = null;
      if (error) throw error;
      return { value: undefined, done: true };
    },
    async return() {
      end(null);
      failure = null;
      queue = [];
      return { value: undefined, done: true };
    },
  };
}
