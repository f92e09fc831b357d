/** A countdown that can be paused and resumed (auto-dismiss of a toast). */
export interface DismissTimer {
  /** Starts or continues counting down. */
  resume(): void;
  /** Stops counting, keeping the time left. */
  pause(): void;
  /** Cancels for good. */
  clear(): void;
  /** Milliseconds left. */
  remaining(): number;
}

/** Calls `onExpire` once after `ms` of running time (time spent paused does not count). */
export function createDismissTimer(ms: number, onExpire: () => void): DismissTimer {
  let left = ms;
  let startedAt = 0;
  let handle: ReturnType<typeof setTimeout> | undefined;
  const pause = () => {
    if (handle === undefined) return;
    clearTimeout(handle);
    handle = undefined;
    left -= Date.now() - startedAt;
  };
  return {
    resume() {
      if (handle !== undefined || left <= 0) return;
      startedAt = Date.now();
      handle = setTimeout(() => {
        handle = undefined;
        left = 0;
        onExpire();
      }, left);
    },
    pause,
    clear() {
      clearTimeout(handle);
      handle = undefined;
      left = 0;
    },
    remaining: () => (handle === undefined ? left : left - (Date.now() - startedAt)),
  };
}
