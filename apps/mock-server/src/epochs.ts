import { randomBytes } from 'node:crypto';
import type { SSEMessage } from '@ssekit/server';
import { hashSeed } from './random';

/**
 * Epochs of the mock server's streams. Every id a stream sends is `<epoch>-<n>` (as
 * `@ssekit/server` does), and the epoch says which history the id belongs to:
 * - a history regenerated from its request alone (seeded ticker, logs, chat answers, demo jobs)
 *   gets a {@link seededEpoch}: the same after a restart, so a client resumes across it;
 * - a history held by this process (published notifications, jobs started with POST) gets a
 *   {@link processEpoch}: new after a restart, so an old id gets a `reset`, never a partial replay.
 */

/** The epoch of a history that the seeded `parts` alone regenerate, identical after a restart. */
export function seededEpoch(...parts: Array<string | number>): string {
  return `s${hashSeed('epoch', ...parts).toString(36)}`;
}

/** A new random epoch for a history that lives in this process only. */
export function processEpoch(): string {
  return `p${randomBytes(5).toString('hex')}`;
}

/** Resuming regenerates the events before the resume point; further back than this starts over. */
export const MAX_RESUME_INDEX = 1_000_000;

/** Where a stream of history `epoch` resumes after `lastEventId`. */
export interface ResumePoint {
  /** Events the client has (the `n` of `<epoch>-<n>`); 0 to start from the first. */
  index: number;
  /**
   * The id is of another history (another epoch, a restarted process, no epoch) or too far back
   * to regenerate: the stream starts over with a `reset` event first.
   */
  reset: boolean;
}

/** Reads `lastEventId` against history `epoch`. */
export function resumePoint(epoch: string, lastEventId: string | undefined): ResumePoint {
  if (lastEventId === undefined || lastEventId === '') return { index: 0, reset: false };
  const prefix = `${epoch}-`;
  const digits = lastEventId.startsWith(prefix) ? lastEventId.slice(prefix.length) : '';
  if (!/^\d{1,9}$/.test(digits) || Number(digits) > MAX_RESUME_INDEX) {
    return { index: 0, reset: true };
  }
  return { index: Number(digits), reset: false };
}

/** The `reset` event (as `@ssekit/server` sends it) that starts a stream over from `oldestId`. */
export function resetMessage(oldestId: string | null): SSEMessage {
  return { event: 'reset', data: { oldestId, latestId: null } };
}
