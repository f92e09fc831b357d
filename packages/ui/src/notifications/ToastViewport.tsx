import {
  type CSSProperties,
  type FocusEvent,
  forwardRef,
  useEffect,
  useRef,
  useState,
} from 'react';
import { type GroupText, useText } from '../i18n/LocaleProvider';
import type { NotificationLabels, ToastLabels } from '../i18n/labels';
import { partClass, type StyleProps } from '../shared/classes';
import { compose, type RootProps } from '../shared/props';
import { usePageHidden } from '../shared/usePageHidden';
import { LiveAnnouncer } from '../shared/VisuallyHidden';
import { createDismissTimer, type DismissTimer } from './dismissTimer';
import { NotificationContent } from './NotificationContent';
import type { NotificationItem } from './types';
import { useNewestMessage } from './useNewestMessage';

/** ToastViewport's own props (besides the root `section`'s HTML attributes). */
export interface ToastViewportOwnProps extends StyleProps {
  /** Toasts in arrival order; the first `maxVisible` show, the rest wait in a queue. */
  toasts: readonly NotificationItem[];
  /** Called when a toast is dismissed (button or timer); remove it from `toasts`. */
  onDismiss: (id: string) => void;
  /** How many toasts show at once. Default 3. */
  maxVisible?: number;
  /** Auto-dismiss after this long on screen (paused on hover, focus and hidden page); 0 = never. Default 5000. */
  durationMs?: number;
  /** Announce new toasts in a polite live region. Default true. */
  announce?: boolean;
  /** Accessible name of the region. Default: the `toastsLabel` label (`Notification toasts`). */
  label?: string;
  /** Words of the toasts, over the `LocaleProvider`'s (English by default). */
  labels?: Partial<ToastLabels & NotificationLabels>;
  /** Where the stylesheet puts the viewport: fixed in a corner, or `inline` in the flow. Default `bottom-end`. */
  placement?: 'bottom-end' | 'bottom-start' | 'top-end' | 'top-start' | 'inline';
}

/** ToastViewport's props: its own plus the HTML attributes of its root `section`. */
export type ToastViewportProps = RootProps<ToastViewportOwnProps, 'section'>;

/**
 * Toasts (controlled): a queue with `maxVisible`, labelled dismiss buttons and pausable
 * auto-dismiss. The visible toasts sit in one compact stack (the newest in front) that spreads
 * out while hovered or focused, so they cover little of the page behind them.
 */
export const ToastViewport = forwardRef<HTMLElement, ToastViewportProps>(function ToastViewport(
  {
    toasts,
    onDismiss,
    maxVisible = 3,
    durationMs = 5000,
    announce = true,
    label,
    labels,
    placement = 'bottom-end',
    className,
    unstyled,
    onMouseEnter,
    onMouseLeave,
    onFocus,
    onBlur: onBlurProp,
    ...rest
  },
  ref,
) {
  const list = useRef<HTMLOListElement>(null);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const hidden = usePageHidden();
  const paused = hovered || focused || hidden;
  const visible = toasts.slice(0, Math.max(1, maxVisible));
  const queued = toasts.length - visible.length;
  const text = useText('toasts', labels);
  const item = useText('notification', labels);
  const message = useNewestMessage(toasts, item);
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
  };
  // Dismissed by the user: keep focus in the viewport (on a neighbour) so it is never lost.
  const dismissByUser = (id: string) => {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const index = buttons.findIndex((b) => b.dataset.toastId === id);
    const next = buttons[index + 1] ?? buttons[index - 1];
    if (next && index >= 0 && buttons[index] === document.activeElement) next.focus();
    else if (index >= 0 && buttons[index] === document.activeElement) setFocused(false);
    onDismiss(id);
  };
  return (
    <section
      aria-label={label ?? text.labels.toastsLabel}
      {...rest}
      ref={ref}
      className={partClass('toasts', unstyled, className)}
      data-ssekit="toast-viewport"
      data-state={paused ? 'paused' : 'running'}
      data-expanded={hovered || focused ? '' : undefined}
      data-placement={placement}
      onMouseEnter={compose(onMouseEnter, () => setHovered(true))}
      onMouseLeave={compose(onMouseLeave, () => setHovered(false))}
      onFocus={compose(onFocus, () => setFocused(true))}
      onBlur={compose(onBlurProp, onBlur)}
    >
      <ol ref={list} className={partClass('toast-list', unstyled)} data-ssekit="toast-list">
        {visible.map((toast, index) => (
          <Toast
            key={toast.id}
            toast={toast}
            depth={visible.length - 1 - index}
            text={item}
            paused={paused}
            durationMs={durationMs}
            onDismiss={onDismiss}
            onUserDismiss={dismissByUser}
            unstyled={unstyled}
          />
        ))}
      </ol>
      {queued > 0 && (
        <p className={partClass('toast-queued', unstyled)} data-ssekit="toast-queued">
          {text.t('queued', { count: queued })}
        </p>
      )}
      {announce && <LiveAnnouncer part="toast-announcer" message={message} />}
    </section>
  );
});

interface ToastProps {
  toast: NotificationItem;
  /** 0 for the newest visible toast, 1 for the one behind it, ... */
  depth: number;
  text: GroupText<'notification'>;
  paused: boolean;
  durationMs: number;
  onDismiss: (id: string) => void;
  onUserDismiss: (id: string) => void;
  unstyled: boolean | undefined;
}

function Toast({
  toast,
  depth,
  text,
  paused,
  durationMs,
  onDismiss,
  onUserDismiss,
  unstyled,
}: ToastProps) {
  const timer = useRef<DismissTimer | null>(null);
  const latest = useRef({ onDismiss, paused });
  latest.current = { onDismiss, paused };
  useEffect(() => {
    if (durationMs <= 0) return;
    const t = createDismissTimer(durationMs, () => latest.current.onDismiss(toast.id));
    timer.current = t;
    if (!latest.current.paused) t.resume();
    return () => {
      t.clear();
      timer.current = null;
    };
  }, [toast.id, durationMs]);
  useEffect(() => {
    if (paused) timer.current?.pause();
    else timer.current?.resume();
  }, [paused]);
  return (
    <li
      className={partClass('toast', unstyled)}
      data-ssekit="toast"
      data-kind={toast.kind}
      data-state={paused ? 'paused' : 'running'}
      data-depth={depth}
      style={{ '--ssekit-toast-depth': depth } as CSSProperties}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onUserDismiss(toast.id);
      }}
    >
      <NotificationContent item={toast} text={text} unstyled={unstyled} />
      <button
        type="button"
        className={partClass('dismiss', unstyled)}
        data-ssekit="toast-dismiss"
        data-toast-id={toast.id}
        aria-label={text.t('dismiss', { title: toast.title })}
        onClick={() => onUserDismiss(toast.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}
