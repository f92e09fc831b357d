import { setTimeout as sleep } from 'node:timers/promises';
import type { SSEMessage } from '@ssekit/server';
import type { StreamSource } from './engine';

/**
 * A deterministic sequence of events; `undefined` once it has ended. Ids are 1, 2, 3, ...
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

/** Resuming regenerates the events before the resume point; further back than this starts over. */
export const MAX_RESUME_INDEX = 1_000_000;

/**
 * The 1-based index in a `Last-Event-ID` of a numbered feed; 0 (start over, as for an ID a replay
 * history no longer holds) when it is not a number or beyond {@link MAX_RESUME_INDEX}.
 */
export function resumeIndex(lastEventId: string | undefined): number {
  if (lastEventId === undefined || !/^\d{1,9}$/.test(lastEventId)) return 0;
  const index = Number(lastEventId);
  return index > MAX_RESUME_INDEX ? 0 : index;
}

/**
 * Skips the events a client already has (ids up to `lastEventId`) and returns a feed of the rest,
 * or `undefined` when the feed had already ended there (the client should get HTTP 204).
 */
export function resume(feed: Feed, lastEventId: string | undefined): Feed | undefined {
  const skip = resumeIndex(lastEventId);
  if (feed.skip) {
    if (!feed.skip(skip)) return undefined;
  } else for (let i = 0; i < skip; i++) if (feed() === undefined) return undefined;
  const first = feed();
  if (first === undefined) return undefined;
  let pending: SSEMessage | undefined = first;
  return () => {
    if (pending === undefined) return feed();
    const msg = pending;
    pending = undefined;
    return msg;
  };
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
