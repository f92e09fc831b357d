/**
 * The wait before a stream's next connection attempt, which `reconnect()`, `close()` and the page
 * lifecycle can cut short. `due` is what the stream shows as `nextRetryAt`.
 */
export class RetryWait {
  /** When the wait ends (epoch ms); null when not waiting, or waiting with no deadline. */
  due: number | null = null;
  /** Ends the wait now, if there is one. */
  wake = () => {};

  /** Waits `ms` (with null, until woken). */
  wait(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === null ? undefined : setTimeout(() => this.wake(), ms);
      this.due = ms === null ? null : Date.now() + ms;
      this.wake = () => {
        clearTimeout(timer);
        this.wake = () => {};
        this.due = null;
        resolve();
      };
    });
  }
}
