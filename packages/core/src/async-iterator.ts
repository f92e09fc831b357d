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
  const queue: SSEEvent[] = [];
  let head = 0;
  let waiting: ((result: IteratorResult<SSEEvent>) => void) | null = null;
  let failWaiting: ((error: unknown) => void) | null = null;
  let done = source.status === 'closed';
  let failure: Error | null = done ? source.error : null;

  const stop = () => {
    offEvent();
    offStatus();
    queue.length = head = 0;
  };
  const offEvent = source.on('*', (event) => {
    if (waiting) {
      const resolve = waiting;
      waiting = failWaiting = null;
      resolve({ value: event, done: false });
      return;
    }
    queue.push(event);
    if (queue.length - head > limit) head++;
    if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
  });
  const offStatus = source.onStatus((status) => {
    if (status !== 'closed' || done) return;
    done = true;
    failure = source.error;
    offEvent();
    offStatus();
    if (waiting) {
      const [resolve, reject] = [waiting, failWaiting];
      waiting = failWaiting = null;
      if (failure) reject?.(failure);
      else resolve({ value: undefined, done: true });
    }
  });
  if (done) stop();

  return {
    next() {
      if (head < queue.length) {
        const value = queue[head++] as SSEEvent;
        return Promise.resolve({ value, done: false });
      }
      if (done) {
        const error = failure;
        failure = null;
        stop();
        return error ? Promise.reject(error) : Promise.resolve({ value: undefined, done: true });
      }
      return new Promise((resolve, reject) => {
        waiting = resolve;
        failWaiting = reject;
      });
    },
    return() {
      done = true;
      failure = null;
      stop();
      if (waiting) {
        const resolve = waiting;
        waiting = failWaiting = null;
        resolve({ value: undefined, done: true });
      }
      return Promise.resolve({ value: undefined, done: true });
    },
  };
}
