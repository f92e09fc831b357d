/**
 * How often a hook publishes new state to React:
 * - `'frame'`: at most once per animation frame (a ~16 ms timer where there is no
 *   `requestAnimationFrame`, as in Node or jsdom);
 * - a number: at most once per that many milliseconds;
 * - `false`: at once, for every event.
 *
 * Batching only limits commits: every event is still folded into the state, in order.
 */
export type BatchMode = 'frame' | number | false;

export interface Batcher {
  /** Asks for a flush; several calls before it runs make one flush. */
  schedule(): void;
  /** Cancels a pending flush (its timer or frame request). */
  cancel(): void;
}

const FRAME_FALLBACK_MS = 16;

/** Coalesces `schedule()` calls into one `flush()` per frame, per interval or (with `false`) none. */
export function createBatcher(mode: BatchMode, flush: () => void): Batcher {
  if (mode === false) return { schedule: flush, cancel() {} };
  const frames = mode === 'frame' && typeof requestAnimationFrame === 'function';
  /** The pending frame request or timer. */
  let pending: ReturnType<typeof setTimeout> | number | undefined;
  const run = () => {
    pending = undefined;
    flush();
  };
  return {
    schedule() {
      pending ??= frames
        ? requestAnimationFrame(run)
        : setTimeout(run, mode === 'frame' ? FRAME_FALLBACK_MS : mode);
    },
    cancel() {
      if (frames) cancelAnimationFrame(pending as number);
      else clearTimeout(pending);
      pending = undefined;
    },
  };
}
