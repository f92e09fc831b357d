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
}

/**
 * Makes a stream follow the page it lives in (browsers only; a no-op elsewhere): while the
 * window is `offline` no attempt is made, and `online` reconnects at once; with
 * `pauseWhenHidden`, the connection is also closed while `document.visibilityState` is
 * `'hidden'` and resumed when shown. Every listener is removed when the stream closes.
 *
 * @example
 * connect('/api/prices', { page: pageLifecycle({ pauseWhenHidden: true }) });
 */
export function pageLifecycle(options: PageLifecycleOptions = {}): PageLifecycle {
  return { pauseWhenHidden: options.pauseWhenHidden ?? false, watch: watchPage };
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
  doc?.addEventListener('visibilitychange', onVisibility);
  win?.addEventListener('online', onOnline);
  win?.addEventListener('offline', onOffline);
  if (hidden || offline) update();
  return () => {
    doc?.removeEventListener('visibilitychange', onVisibility);
    win?.removeEventListener('online', onOnline);
    win?.removeEventListener('offline', onOffline);
  };
}
