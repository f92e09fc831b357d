/** What the page tells a stream: visibility (documents only) and connectivity (windows only). */
export interface PageState {
  hidden: boolean;
  offline: boolean;
}

export interface PageWatch {
  readonly state: PageState;
  dispose(): void;
}

/**
 * Watches `visibilitychange` (when `watchVisibility` and a `document` exist) and
 * `online`/`offline` (when a `window` exists), calling `onChange` with the new state.
 * Returns the current state and a function that removes every listener.
 */
export function watchPage(
  watchVisibility: boolean,
  onChange: (state: PageState) => void,
): PageWatch {
  const doc = watchVisibility && typeof document !== 'undefined' ? document : undefined;
  const win =
    typeof window !== 'undefined' && typeof window.addEventListener === 'function'
      ? window
      : undefined;
  const read = (): PageState => ({
    hidden: doc?.visibilityState === 'hidden',
    offline: win !== undefined && typeof navigator !== 'undefined' && navigator.onLine === false,
  });
  const result = { state: read(), dispose() {} };
  const update = (patch: Partial<PageState>) => {
    result.state = { ...result.state, ...patch };
    onChange(result.state);
  };
  const onVisibility = () => update({ hidden: doc?.visibilityState === 'hidden' });
  const onOnline = () => update({ offline: false });
  const onOffline = () => update({ offline: true });
  doc?.addEventListener('visibilitychange', onVisibility);
  win?.addEventListener('online', onOnline);
  win?.addEventListener('offline', onOffline);
  result.dispose = () => {
    doc?.removeEventListener('visibilitychange', onVisibility);
    win?.removeEventListener('online', onOnline);
    win?.removeEventListener('offline', onOffline);
  };
  return result;
}
