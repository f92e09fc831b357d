/** Options of smooth display: bursts of text are revealed evenly over `windowMs`. */
export interface SmoothOptions {
  /** How long a burst takes to show in full, in ms. Default 150. */
  windowMs?: number;
}

const TICK_MS = 16;

/** Reveals a growing text evenly instead of in clumps; `flush()` shows everything at once. */
export interface TextPacer {
  /** The part of the text to show now. */
  readonly shown: string;
  /** The whole text grew (or was replaced). */
  update(text: string): void;
  /** Shows the whole text now and stops ticking (the end of an answer is never delayed). */
  flush(): void;
  /** Stops ticking, keeping what is shown. */
  cancel(): void;
}

/**
 * A pacer calling `onTick` whenever `shown` grows. Ticks are animation frames where there are
 * any, else a 16 ms timer; nothing runs while everything is shown.
 */
export function createTextPacer(options: SmoothOptions, onTick: () => void): TextPacer {
  const windowMs = Math.max(TICK_MS, options.windowMs ?? 150);
  const frames = typeof requestAnimationFrame === 'function';
  let target = '';
  let shown = '';
  let deadline = 0;
  let pending: number | ReturnType<typeof setTimeout> | null = null;

  const cancel = () => {
    if (pending === null) return;
    if (frames) cancelAnimationFrame(pending as number);
    else clearTimeout(pending);
    pending = null;
  };
  const schedule = () => {
    if (pending !== null) return;
    pending = frames ? requestAnimationFrame(tick) : setTimeout(tick, TICK_MS);
  };
  const tick = () => {
    pending = null;
    const remaining = target.length - shown.length;
    if (remaining <= 0) return;
    const ticksLeft = Math.max(1, Math.round((deadline - Date.now()) / TICK_MS));
    let cut = shown.length + Math.ceil(remaining / ticksLeft);
    // Never show half of a surrogate pair.
    const code = target.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut++;
    shown = target.slice(0, cut);
    onTick();
    if (shown.length < target.length) schedule();
  };

  return {
    get shown() {
      return shown;
    },
    update(text) {
      if (!text.startsWith(shown)) shown = '';
      target = text;
      if (shown.length === target.length) return;
      deadline = Date.now() + windowMs;
      schedule();
    },
    flush() {
      cancel();
      shown = target;
    },
    cancel,
  };
}
