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
  /** Set once the source closed (or the reader returned): the error to throw, or null. */
  let ended: Error | null | undefined;
  /** Wakes a `next()` that waits for an event or the end. */
  let wake = () => {};
  const end = (error: Error | null) => {
    if (ended !== undefined) return;
    ended = error;
    offEvent();
    offStatus();
    wake();
  };
  const offEvent = source.on('*', (event) => {
    if (queue.push(event) > limit) queue.shift();
    wake();
  });
  const offStatus = source.onStatus((status) => status === 'closed' && end(source.error));
  if (source.status === 'closed') end(source.error);

  return {
    async next() {
      while (!queue.length && ended === undefined) await new Promise<void>((r) => (wake = r));
      if (queue.length) return { value: queue.shift()!, done: false };
      const error = ended;
      ended = null;
      if (error) throw error;
      return { value: undefined, done: true };
    },
    async return() {
      end(null);
      ended = null;
      queue = [];
      return { value: undefined, done: true };
    },
  };
}
