import {
  type HTMLAttributes,
  type KeyboardEvent,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { type DevtoolsStore, getDevtoolsStore } from './devtools-store';
import { StreamDetails, shownStatus } from './StreamDetails';
import { devtoolsCss } from './styles';

/** Colour theme: `system` follows `prefers-color-scheme`. */
export type DevtoolsTheme = 'system' | 'light' | 'dark';

/** Props of {@link SSEDevtoolsPanel}. */
export interface SSEDevtoolsPanelProps extends HTMLAttributes<HTMLElement> {
  /** The store to show; default the page-wide one. */
  store?: DevtoolsStore;
  /** Default `system`. */
  theme?: DevtoolsTheme;
}

/**
 * The panel itself, inline (no toggle button): the list of streams and the selected stream's
 * details. Mount it where it should appear (a docked area, a Storybook panel, a test page).
 */
export function SSEDevtoolsPanel({
  store = getDevtoolsStore(),
  theme = 'system',
  className,
  ...rest
}: SSEDevtoolsPanelProps) {
  useEffect(() => store.retain(), [store]);
  useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  const records = store.records();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = records.find((r) => r.inspected.id === selectedId) ?? records[0];
  const listRef = useRef<HTMLUListElement>(null);

  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...(listRef.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      buttons[Math.min(buttons.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    e.preventDefault();
    next.focus();
    next.click();
  };

  return (
    <section
      aria-label="SSE streams"
      {...rest}
      className={`ssekit-dt ssekit-dt-panel${className ? ` ${className}` : ''}`}
      data-theme={theme === 'system' ? undefined : theme}
    >
      <style>{devtoolsCss}</style>
      <nav aria-label="Streams" className="ssekit-dt-list">
        {records.length === 0 ? (
          <p className="ssekit-dt-muted" style={{ padding: 8 }}>
            No streams yet.
          </p>
        ) : (
          <ul ref={listRef} onKeyDown={onListKey}>
            {records.map((record) => {
              const s = record.inspected;
              const status = shownStatus(record);
              return (
                <li key={s.id}>
                  <button
                    type="button"
                    aria-current={record === selected}
                    onClick={() => setSelectedId(s.id)}
                  >
                    <span className="ssekit-dt-dot" data-status={status} aria-hidden="true" />
                    <span className="ssekit-dt-url">
                      {s.method} {s.url}
                    </span>
                    <span className="ssekit-dt-sub">
                      {status} · {record.rates.at(-1) ?? 0} ev/s
                      {s.subscribers > 1 ? ` · ${s.subscribers} views` : ''}
                      {s.role ? ` · ${s.role}` : ''}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </nav>
      {selected ? (
        <StreamDetails key={selected.inspected.id} record={selected} />
      ) : (
        <div className="ssekit-dt-details ssekit-dt-muted">
          Streams opened with connect(), a hub or the hooks appear here.
        </div>
      )}
    </section>
  );
}
