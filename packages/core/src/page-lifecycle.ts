/** What a page lifecycle may do to the stream it watches. */
export interface PageControl {
  /** The request method, upper case (a hidden page pauses only GET unless `'always'`). */
  readonly method: string;
  /** Pause (drop the connection and wait) or resume (connect again at once, resuming). */
  setPaused(paused: boolean): void;
  /** Drop the connection and connect again now (resuming), e.g. after the machine slept. */
  reconnect(): void;
}

/**
 * The `page` option of `connect`: a value made by {@link pageLifecycle}. Plain data and a shared
 * function, so equal options stay equal across renders.
 */
export interface PageLifecycle {
  readonly pauseWhenHidden: boolean | 'always';
  readonly wakeCheckMs: number;
  /** Starts watching the page for one stream; returns a function that stops it. */
  watch(this: PageLifecycle, control: PageControl): () => void;
}

/** Options of {@link pageLifecycle}. */
export interface PageLifecycleOptions {
  /**
   * Close the connection while the page is hidden and resume when it is shown: `true` for GET
   * streams only, `'always'` for any method (a POST is then sent again when shown). Default false.
   */
  pauseWhenHidden?: boolean | 'always';
  /**
   * How often to check that timers still run on time, in ms (0: never). A check that runs far
   * too late means the machine slept or the tab was frozen: the stream reconnects at once,
   * resuming with `Last-Event-ID`, instead of waiting for its idle timeout. Default 5000.
   */
  wakeCheckMs?: number;
}

/** A wake check this much later than due means the page did not run meanwhile. */
const WAKE_LATE_MS = 5000;

/**
 * Makes a stream follow the page it lives in (browsers only; a no-op elsewhere): while the
 * window is `offline` no attempt is made, and `online` reconnects at once; with
 * `pauseWhenHidden`, the connection is also closed while `document.visibilityState` is
 * `'hidden'` and resumed when shown. After a sleep or a freeze (a back/forward-cache restore,
 * `pageshow` with `persisted`; the Page Lifecycle `resume` event; a wake check running far too
 * late) it reconnects at once, resuming with `Last-Event-ID`: a socket that slept is often dead
 * without knowing it. Every listener and timer is removed when the stream closes.
 *
 * @example
 * connect('/api/prices', { page: pageLifecycle({ pauseWhenHidden: true }) });
 */
export function pageLifecycle(options: PageLifecycleOptions = {}): PageLifecycle {
  return {
    pauseWhenHidden: options.pauseWhenHidden ?? false,
    wakeCheckMs: options.wakeCheckMs ?? 5000,
    watch: watchPage,
  };
}

function watchPage(this: PageLifecycle, control: PageControl): () => void {
  const pause = this.pauseWhenHidden;
  const watchVisibility = pause === 'always' || (pause === true && control.method === 'GET');
  const doc = watchVisibility && typeof document !== 'undefined' ? document : undefined;
  const win =
    typeof window !== 'undefined' && typeof window.addEventListener === 'function'
      ? window
      : undefined;
  let hidden = doc?.visibilityState === 'hidden';
  let offline = win !== undefined && typeof navigator !== 'undefined' && navigator.onLine === false;
  const update = () => control.setPaused(hidden || offline);
  const onVisibility = () => {
    hidden = doc?.visibilityState === 'hidden';
    update();
  };
  const onOnline = () => {
    offline = false;
    update();
  };
  const onOffline = () => {
    offline = true;
    update();
  };
  const onPageShow = (e: Event) => {
    if ((e as PageTransitionEvent).persisted) control.reconnect();
  };
  const onResume = () => control.reconnect();
  const page = typeof document !== 'undefined' && win ? document : undefined;
  doc?.addEventListener('visibilitychange', onVisibility);
  win?.addEventListener('online', onOnline);
  win?.addEventListener('offline', onOffline);
  win?.addEventListener('pageshow', onPageShow);
  page?.addEventListener('resume', onResume);
  let due = Date.now() + this.wakeCheckMs;
  const check =
    win && this.wakeCheckMs > 0
      ? setInterval(() => {
          const late = Date.now() - due;
          due = Date.now() + this.wakeCheckMs;
          if (late > WAKE_LATE_MS) control.reconnect();
        }, this.wakeCheckMs)
      : undefined;
  if (hidden || offline) update();
  return () => {
    clearInterval(check);
    doc?.removeEventListener('visibilitychange', onVisibility);
    win?.removeEventListener('online', onOnline);
    win?.removeEventListener('offline', onOffline);
    win?.removeEventListener('pageshow', onPageShow);
    page?.removeEventListener('resume', onResume);
  };
}
