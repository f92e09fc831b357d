/** A timer this much later than due (and at least `WAKE_LATE_MS`) means the machine slept. */
export const WAKE_LATE_MS = 5000;

/**
 * The idle and age limits of one connection; calls `expire` when one runs out, with `'wake'`
 * instead of `'idle'` when the idle timer fires far too late (the machine slept, the tab was
 * frozen): the connection is then checked at once, without counting a failure.
 */
export class Watchdog {
  #idle: ReturnType<typeof setTimeout> | undefined;
  #age: ReturnType<typeof setTimeout> | undefined;

  /** Limits that are missing, zero or negative are off. */
  constructor(
    readonly idleMs = 0,
    readonly ageMs = 0,
    readonly expire: (why: 'idle' | 'age' | 'wake') => void,
  ) {}

  /** Activity (an attempt began, bytes arrived): restarts the idle timer. */
  touch(): void {
    const ms = this.idleMs;
    if (ms <= 0) return;
    clearTimeout(this.#idle);
    const due = Date.now() + ms;
    this.#idle = setTimeout(
      () => this.#fire(Date.now() - due > Math.max(WAKE_LATE_MS, ms) ? 'wake' : 'idle'),
      ms,
    );
  }

  /** The connection opened: restarts the idle timer and starts the age timer. */
  opened(): void {
    this.touch();
    if (this.ageMs > 0) this.#age ??= setTimeout(() => this.#fire('age'), this.ageMs);
  }

  /** Clears both timers. */
  stop(): void {
    clearTimeout(this.#idle);
    clearTimeout(this.#age);
    this.#idle = this.#age = undefined;
  }

  #fire(why: 'idle' | 'age' | 'wake') {
    this.stop();
    this.expire(why);
  }
}
