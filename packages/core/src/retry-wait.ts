/**
 * The wait before a stream's next connection attempt, which `reconnect()`, `close()` and the page
 * lifecycle can cut short. `due` is what the stream shows as `nextRetryAt`.
 */
export class RetryWait {
  /** When the wait ends (epoch ms); null when not waiting, or waiting with no deadline. */
  due: number | null = null;
  #wake: (() => void) | null = null;

  /** Waits `ms` (with null, until woken). */
  wait(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === null ? undefined : setTimeout(() => wake(), ms);
      const wake = () => {
        clearTimeout(timer);
        if (this.#wake === wake) this.#wake = null;
        this.due = null;
        resolve();
      };
      this.due = ms === null ? null : Date.now() + ms;
      this.#wake = wake;
    });
  }

  /** Ends the wait now, if there is one. */
  wake(): void {
    this.#wake?.();
  }
}
