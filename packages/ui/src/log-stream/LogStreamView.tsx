import { forwardRef, memo, type UIEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useText } from '../i18n/LocaleProvider';
import type { LogLabels } from '../i18n/labels';
import { partClass, type StyleProps } from '../shared/classes';
import type { RootProps } from '../shared/props';
import { errorText, type StreamStateProps, viewState } from '../shared/state';
import { parseAnsi } from './ansi';

/** One log line. `text` may contain ANSI colour codes. */
export interface LogLine {
  /** Stable key (line number or event ID); the index is used when absent. */
  id?: string | number;
  level?: 'debug' | 'info' | 'warn' | 'error';
  text: string;
  time?: number;
}

/** LogStreamView's own props (besides the root `div`'s HTML attributes). */
export interface LogStreamViewOwnProps extends StyleProps, StreamStateProps {
  lines: readonly LogLine[];
  /** How the log ended, if it did: shown below the viewport. */
  end?: 'success' | 'failed' | null;
  /** Only the newest `maxEvents` lines are kept on screen. Default 5000. */
  maxEvents?: number;
  /** Height of one row in px (rows are fixed height for virtualisation). Default 20. */
  rowHeight?: number;
  /** Height of the scrolling viewport in px. Default 320. */
  height?: number;
  /** Rows rendered above and below the visible ones. Default 8. */
  overscan?: number;
  /** Accessible name. Default: the `label` label (`Log`). */
  label?: string;
  /** Words of this log, over the `LocaleProvider`'s (English by default). */
  labels?: Partial<LogLabels>;
}

/** LogStreamView's props: its own plus the HTML attributes of its root `div`. */
export type LogStreamViewProps = RootProps<LogStreamViewOwnProps, 'div'>;

/**
 * A log viewer (controlled) in a terminal frame: ANSI colours, sticks to the bottom while you
 * are there, lets you scroll up (with a "Jump to latest" button), renders only the visible rows;
 * a waiting note before the first line, the end (success or failure) below, and an error state.
 */
export const LogStreamView = forwardRef<HTMLDivElement, LogStreamViewProps>(function LogStreamView(
  {
    lines,
    end,
    maxEvents = 5000,
    rowHeight = 20,
    height = 320,
    overscan = 8,
    label,
    labels,
    status,
    error,
    className,
    unstyled,
    ...rest
  },
  ref,
) {
  const text = useText('log', labels);
  const l = text.labels;
  const state = viewState(status, error, lines.length > 0);
  const shown = lines.length > maxEvents ? lines.slice(lines.length - maxEvents) : lines;
  const offset = lines.length - shown.length;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [following, setFollowing] = useState(true);
  const total = shown.length * rowHeight;

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el || !following || total === 0) return;
    el.scrollTop = Math.max(0, total - height);
    setScrollTop(el.scrollTop);
  }, [total, following, height]);

  // While scrolled up, keep the top line in place when old lines drop out of the window.
  const anchor = useRef<{ id: LogLine['id']; index: number } | null>(null);
  const setAnchor = (top: number) => {
    const index = Math.floor(top / rowHeight);
    anchor.current = { id: shown[index]?.id, index };
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the lines change
  useLayoutEffect(() => {
    const el = viewport.current;
    const prev = anchor.current;
    if (!el || following || !prev || prev.id === undefined) return;
    if (shown[prev.index]?.id === prev.id) return;
    const now = shown.findIndex((line) => line.id === prev.id);
    if (now < 0) return;
    el.scrollTop = Math.max(0, el.scrollTop + (now - prev.index) * rowHeight);
    setScrollTop(el.scrollTop);
    setAnchor(el.scrollTop);
  }, [shown]);

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    setScrollTop(el.scrollTop);
    setAnchor(el.scrollTop);
    setFollowing(el.scrollTop + height >= total - rowHeight / 2);
  };

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(shown.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const rows = [];
  for (let i = first; i < last; i++) {
    const line = shown[i];
    if (!line) continue;
    rows.push(
      <LogRow
        key={line.id ?? offset + i}
        line={line}
        levelText={line.level ? l[line.level] : undefined}
        top={i * rowHeight}
        height={rowHeight}
        unstyled={unstyled}
      />,
    );
  }

  return (
    <div
      {...rest}
      ref={ref}
      className={partClass('log', unstyled, className)}
      data-ssekit="log"
      data-state={following ? 'following' : 'scrolled'}
      data-end={end ?? undefined}
      data-view={state}
    >
      <div className={partClass('log-frame', unstyled)} data-ssekit="log-frame">
        <div
          ref={viewport}
          className={partClass('log-viewport', unstyled)}
          data-ssekit="log-viewport"
          role="log"
          aria-live="off"
          aria-label={label ?? l.label}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-scrollable
          tabIndex={0}
          onScroll={onScroll}
          style={{ height, overflowY: 'auto', position: 'relative' }}
        >
          <div style={{ height: total, position: 'relative' }}>{rows}</div>
          {lines.length === 0 && !end && state !== 'error' && (
            <p className={partClass('log-waiting', unstyled)} data-ssekit="log-waiting">
              {l.waiting}
            </p>
          )}
        </div>
        {!following && (
          <button
            type="button"
            className={partClass('button', unstyled, unstyled ? undefined : 'ssekit-log-jump')}
            data-ssekit="log-jump"
            onClick={() => setFollowing(true)}
          >
            {l.jump}
          </button>
        )}
      </div>
      {end && (
        <p
          className={partClass('log-end', unstyled)}
          data-ssekit="log-end"
          data-state={end}
          role="status"
        >
          {end === 'success' ? l.done : l.failed}
        </p>
      )}
      {state === 'error' && !end && (
        <p
          className={partClass('log-end', unstyled)}
          data-ssekit="log-error"
          data-state="failed"
          role="alert"
        >
          {text.t('streamFailed', { error: errorText(error) })}
        </p>
      )}
    </div>
  );
});

interface RowProps {
  line: LogLine;
  /** The level in the reader's words; not shown when the line's text already starts with it. */
  levelText: string | undefined;
  top: number;
  height: number;
  unstyled: boolean | undefined;
}

const LogRow = memo(function LogRow({ line, levelText, top, height, unstyled }: RowProps) {
  const segments = useMemo(() => parseAnsi(line.text), [line.text]);
  const level = line.level;
  const saysLevel =
    level !== undefined &&
    (segments[0]?.text ?? '').trimStart().toLowerCase().startsWith(level.toLowerCase());
  return (
    <div
      className={partClass('log-line', unstyled)}
      data-ssekit="log-line"
      data-level={line.level}
      style={{ position: 'absolute', top, height, lineHeight: `${height}px`, insetInline: 0 }}
    >
      {levelText && !saysLevel && (
        <span className={partClass('log-level', unstyled)} data-ssekit="log-level">
          {levelText}
        </span>
      )}
      {segments.map((s, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one immutable line
          key={i}
          className={
            unstyled
              ? undefined
              : [s.color && `ssekit-ansi-${s.color}`, s.bold && 'ssekit-ansi-bold']
                  .filter(Boolean)
                  .join(' ') || undefined
          }
          data-ansi-color={s.color}
          data-ansi-bold={s.bold ? '' : undefined}
        >
          {s.text}
        </span>
      ))}
    </div>
  );
});
