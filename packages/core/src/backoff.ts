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

export const RETRY_DEFAULTS = {
  initialMs: 1000,
  maxMs: 30_000,
  factor: 2,
  jitter: 0.5,
  maxAttempts: Number.POSITIVE_INFINITY,
} as const satisfies Required<RetryOptions>;

/**
 * Creates a backoff. The n-th failure in a row waits `min(maxMs, base * factor^(n-1))`,
 * of which the fraction `jitter` is randomised downwards (so delays never exceed the cap).
 */
export function createBackoff(
  options: RetryOptions = {},
  random: () => number = Math.random,
): Backoff {
  const maxMs = options.maxMs ?? RETRY_DEFAULTS.maxMs;
  const factor = options.factor ?? RETRY_DEFAULTS.factor;
  const jitter = Math.min(1, Math.max(0, options.jitter ?? RETRY_DEFAULTS.jitter));
  let base = options.initialMs ?? RETRY_DEFAULTS.initialMs;
  let failures = 0;
  return {
    get failures() {
      return failures;
    },
    fail() {
      failures++;
      const delay = Math.min(maxMs, base * factor ** (failures - 1));
      return Math.round(delay * (1 - jitter * random()));
    },
    reset() {
      failures = 0;
    },
    setBase(ms) {
      base = ms;
    },
  };
}
