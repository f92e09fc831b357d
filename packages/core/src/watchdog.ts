/** A timer this much later than due (and at least `WAKE_LATE_MS`) means the machine slept. */
export const WAKE_LATE_MS = 5000;

/**
 * The idle and age limits of one connection; calls `expire` when one runs out, with `'wake'`
 * instead of `'idle'` when the idle timer fires far too late (the machine slept, the tab was
 * frozen): the connection is then checked at once, without counting a failure.
 */
export class Watchdog {
  readonly #idleMs: number;
  readonly #ageMs: number;
  readonly #expire: (why: 'idle' | 'age' | 'wake') => void;
  #idleDue = 0;
  #idle: ReturnType<typeof setTimeout> | undefined;
  #age: ReturnType<typeof setTimeout> | undefined;

  /** Limits that are missing, zero or negative are off. */
  constructor(
    idleMs: number | undefined,
    ageMs: number | undefined,
    expire: (why: 'idle' | 'age' | 'wake') => void,
  ) {
    this.#idleMs = idleMs ?? 0;
    this.#ageMs = ageMs ?? 0;
    this.#expire = expire;
  }

  /** Activity (an attempt began, bytes arrived): restarts the idle timer. */
  touch(): void {
    if (this.#idleMs <= 0) return;
    clearTimeout(this.#idle);
    this.#idleDue = Date.now() + this.#idleMs;
    this.#idle = setTimeout(() => {
      const late = Date.now() - this.#idleDue;
      this.#fire(late > Math.max(WAKE_LATE_MS, this.#idleMs) ? 'wake' : 'idle');
    }, this.#idleMs);
  }

  /** The connection opened: starts the age timer. */
  opened(): void {
    if (this.#ageMs <= 0 || this.#age !== undefined) return;
    this.#age = setTimeout(() => this.#fire('age'), this.#ageMs);
  }

  /** Clears both timers. */
  stop(): void {
    clearTimeout(this.#idle);
    clearTimeout(this.#age);
    this.#idle = this.#age = undefined;
  }

  #fire(why: 'idle' | 'age' | 'wake') {
    this.stop();
    this.#expire(why);
  }
}
