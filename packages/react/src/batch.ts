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
  if (mode === false) return { schedule: flush, cancel: () => {} };
  const useFrame = mode === 'frame' && typeof requestAnimationFrame === 'function';
  const delay = mode === 'frame' ? FRAME_FALLBACK_MS : Math.max(0, mode);
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    frame = null;
    timer = null;
    flush();
  };
  return {
    schedule() {
      if (frame !== null || timer !== null) return;
      if (useFrame) frame = requestAnimationFrame(run);
      else timer = setTimeout(run, delay);
    },
    cancel() {
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      frame = null;
      timer = null;
    },
  };
}
