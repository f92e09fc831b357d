import type { RetryOptions } from './types';

/** Reconnect delays: exponential growth from a base delay up to a cap, with jitter. */
export interface Backoff {
  /** Failed attempts in a row since the last successful open. */
  readonly failures: number;
  /** Records a failed attempt and returns the delay before the next one, in ms. */
  fail(): number;
  /** A successful open: the next failure starts again from the base delay. */
  reset(): void;
  /** The server's `retry:` field: replaces the base delay. */
  setBase(ms: number): void;
}

/**
 * Creates a backoff (defaults: `initialMs` 1000, `maxMs` 30000, `factor` 2, `jitter` 0.5). The
 * n-th failure in a row waits `min(maxMs, base * factor^(n-1))`, of which the fraction `jitter`
 * is randomised downwards (so delays never exceed the cap).
 */
export function createBackoff(
  { initialMs = 1000, maxMs = 30_000, factor = 2, jitter = 0.5 }: RetryOptions = {},
  random: () => number = Math.random,
): Backoff {
  const spread = Math.min(1, Math.max(0, jitter));
  const backoff = {
    failures: 0,
    fail() {
      const delay = Math.min(maxMs, initialMs * factor ** this.failures++);
      return Math.round(delay * (1 - spread * random()));
    },
    reset() {
      this.failures = 0;
    },
    setBase(ms: number) {
      initialMs = ms;
    },
  };
  return backoff;
}
