import { setTimeout as sleep } from 'node:timers/promises';
import type { SSEMessage } from '@ssekit/server';
import type { StreamSource } from './engine';
import { resetMessage, resumePoint } from './epochs';

/**
 * A deterministic sequence of events; `undefined` once it has ended. Ids are 1, 2, 3, ... (`resume`
 * puts the history's epoch in front).
 * `skip(n)`, when present, jumps over n events without making them (false if it ended there).
 */
export type Feed = (() => SSEMessage | undefined) & { skip?: (n: number) => boolean };

/** Above this rate, several events go out per write (one write every `MIN_TICK_MS`). */
const MIN_TICK_MS = 5;

/** Resolves when `signal` aborts. */
export function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * Plays `next` at `rate` events per second: one event per write up to 200/s, batches above that.
 * The first event goes out at once. Catch-up after a slow consumer is limited to one tick.
 */
export function paced(next: Feed, rate: number): StreamSource {
  return async function* (signal) {
    if (rate <= 0) return await aborted(signal);
    const interval = 1000 / rate;
    let start = performance.now();
    let sent = 0;
    for (;;) {
      const now = performance.now();
      let due = Math.floor((now - start) / interval) + 1;
      const maxBatch = Math.max(1, Math.ceil(MIN_TICK_MS / interval));
      if (due - sent > maxBatch) {
        start = now - (sent + maxBatch - 1) * interval;
        due = sent + maxBatch;
      }
      const batch: SSEMessage[] = [];
      while (sent < due) {
        const msg = next();
        if (msg === undefined) break;
        batch.push(msg);
        sent++;
      }
      if (batch.length > 0) yield batch;
      if (sent < due) return;
      const wait = start + sent * interval - performance.now();
      await sleep(Math.max(interval < MIN_TICK_MS ? MIN_TICK_MS : 0, wait), undefined, { signal });
    }
  };
}

/**
 * Skips the events a client already has (up to `lastEventId` of history `epoch`) and returns a
 * feed of the rest with `<epoch>-<n>` ids, led by a `reset` event when the id is of another
 * history (the feed then starts over), or `undefined` when the feed had already ended there (the
 * client should get HTTP 204).
 */
export function resume(
  feed: Feed,
  epoch: string,
  lastEventId: string | undefined,
): Feed | undefined {
  const { index: skip, reset } = resumePoint(epoch, lastEventId);
  if (feed.skip) {
    if (!feed.skip(skip)) return undefined;
  } else for (let i = 0; i < skip; i++) if (feed() === undefined) return undefined;
  const withEpoch = (msg: SSEMessage | undefined) =>
    msg && { ...msg, ...(msg.id !== undefined && { id: `${epoch}-${msg.id}` }) };
  const first = withEpoch(feed());
  if (first === undefined) return undefined;
  const pending: SSEMessage[] = reset ? [resetMessage(`${epoch}-1`), first] : [first];
  return () => pending.shift() ?? withEpoch(feed());
}

/**
 * Numbers messages 1, 2, 3, ... and stops after `limit` when given. With `seekable`, `make(index)`
 * depends on `index` alone, so the feed can skip ahead without making what it skips.
 */
export function numbered(
  make: (index: number) => SSEMessage | undefined,
  limit = Infinity,
  { seekable = false } = {},
): Feed {
  let index = 0;
  const feed: Feed = () => {
    if (index >= limit) return undefined;
    const msg = make(index);
    if (msg === undefined) return undefined;
    index++;
    return { ...msg, id: index };
  };
  if (seekable) {
    feed.skip = (n) => {
      index += n;
      return index <= limit && (index === 0 || make(index - 1) !== undefined);
    };
  }
  return feed;
}
