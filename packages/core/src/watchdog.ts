/** The idle and age limits of one connection; calls `expire` when one runs out. */
export class Watchdog {
  readonly #idleMs: number;
  readonly #ageMs: number;
  readonly #expire: (why: 'idle' | 'age') => void;
  #idle: ReturnType<typeof setTimeout> | undefined;
  #age: ReturnType<typeof setTimeout> | undefined;

  /** Limits that are missing, zero or negative are off. */
  constructor(
    idleMs: number | undefined,
    ageMs: number | undefined,
    expire: (why: 'idle' | 'age') => void,
  ) {
    this.#idleMs = idleMs ?? 0;
    this.#ageMs = ageMs ?? 0;
    this.#expire = expire;
  }

  /** Activity (an attempt began, bytes arrived): restarts the idle timer. */
  touch(): void {
    if (this.#idleMs <= 0) return;
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.#fire('idle'), this.#idleMs);
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

  #fire(why: 'idle' | 'age') {
    this.stop();
    this.#expire(why);
  }
}
