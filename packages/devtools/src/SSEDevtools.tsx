import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type DevtoolsStore, getDevtoolsStore } from './devtools-store';
import { type DevtoolsTheme, SSEDevtoolsPanel } from './SSEDevtoolsPanel';
import { devtoolsCss } from './styles';

/** Props of {@link SSEDevtools}. */
export interface SSEDevtoolsProps {
  /** Open the panel at first. Default false. */
  initialIsOpen?: boolean;
  /** Corner of the toggle button. Default `bottom-right`. */
  position?: 'bottom-right' | 'bottom-left';
  /** Default `system`. */
  theme?: DevtoolsTheme;
  /** The store to show; default the page-wide one. */
  store?: DevtoolsStore;
}

/**
 * A floating button that opens the streams panel docked at the bottom of the page. While
 * mounted it records every stream (bounded).
 * Escape closes the panel and gives the focus back to the button.
 */
export function SSEDevtools({
  initialIsOpen = false,
  position = 'bottom-right',
  theme = 'system',
  store = getDevtoolsStore(),
}: SSEDevtoolsProps) {
  const [open, setOpen] = useState(initialIsOpen);
  const toggleRef = useRef<HTMLButtonElement>(null);
  useEffect(() => store.retain(), [store]);
  useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  const records = store.records();
  const live = records.filter((r) => r.inspected.stream.status !== 'closed');
  const troubled = live.some((r) => r.inspected.stream.status !== 'open');
  const side = position === 'bottom-left' ? { left: 12 } : { right: 12 };
  const themeAttr = theme === 'system' ? undefined : theme;
  const panelId = 'ssekit-devtools-panel';

  const wasOpen = useRef(open);
  useEffect(() => {
    if (!open) {
      // Closing gives the focus back to the button (not on the first render).
      if (wasOpen.current) toggleRef.current?.focus();
      wasOpen.current = false;
      return;
    }
    wasOpen.current = true;
    const onKey = (e: globalThis.KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  const close = () => setOpen(false);

  return (
    <>
      {!open && (
        <aside className="ssekit-dt" data-theme={themeAttr} aria-label="SSE devtools">
          <style>{devtoolsCss}</style>
          <button
            ref={toggleRef}
            type="button"
            className="ssekit-dt-toggle"
            style={side}
            aria-expanded={false}
            aria-controls={panelId}
            onClick={() => setOpen(true)}
          >
            <span
              className="ssekit-dt-dot"
              data-status={live.length === 0 ? 'closed' : troubled ? 'reconnecting' : 'open'}
              aria-hidden="true"
            />
            SSE streams ({live.length})
          </button>
        </aside>
      )}
      {open && (
        <aside
          id={panelId}
          className="ssekit-dt ssekit-dt-dock"
          data-theme={themeAttr}
          aria-label="SSE devtools"
        >
          <style>{devtoolsCss}</style>
          <div className="ssekit-dt-dock-bar">
            <strong>ssekit streams</strong>
            <button type="button" onClick={close} aria-label="Close the streams panel">
              ×
            </button>
          </div>
          <SSEDevtoolsPanel store={store} theme={theme} />
        </aside>
      )}
    </>
  );
}
