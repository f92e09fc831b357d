import { useSSE } from '@ssekit/react';
import { forwardRef, useCallback, useMemo, useRef, useState } from 'react';
import type { FeedLabels, NotificationLabels, ToastLabels } from '../i18n/labels';
import type { StyleProps } from '../shared/classes';
import type { ConnectedProps } from '../shared/connected';
import type { RootProps } from '../shared/props';
import { NotificationFeedView } from './NotificationFeedView';
import { ToastViewport } from './ToastViewport';
import { type NotificationItem, toNotification } from './types';

/** NotificationFeed's own props (besides the root `div`'s HTML attributes). */
export interface NotificationFeedOwnProps extends ConnectedProps, StyleProps {
  /** The event carrying notifications. Default `notification`. */
  event?: string;
  /** Notifications kept in the feed (older ones drop). Default 50. */
  maxEvents?: number;
  /** Also pop new notifications up as toasts. Default true. */
  toasts?: boolean;
  /** Toasts shown at once; the rest queue. Default 3. */
  maxVisible?: number;
  /** Toast auto-dismiss time (pauses on hover, focus, hidden page); 0 = never. Default 5000. */
  durationMs?: number;
  /** Heading text. Default: the `title` label (`Notifications`). */
  title?: string;
  /** Words of the feed, its items and its toasts, over the `LocaleProvider`'s (English by default). */
  labels?: Partial<FeedLabels & ToastLabels & NotificationLabels>;
}

/** NotificationFeed's props: its own plus the HTML attributes of its root `div`. */
export type NotificationFeedProps = RootProps<NotificationFeedOwnProps, 'div'>;

interface Received {
  /** Newest last, at most `maxEvents`; `seq` counts arrivals. */
  items: readonly (NotificationItem & { seq: number })[];
  count: number;
}

const none: Received = { items: [], count: 0 };

/**
 * A live notification feed with toasts (connected): unread count, mark-all-read,
 * dismiss, and one polite announcement per new notification. The ref and any HTML attributes go
 * to the root element (around the feed and the toasts).
 *
 * @example
 * <NotificationFeed url="/sse/notifications?user=alice" maxVisible={3} />
 */
export const NotificationFeed = forwardRef<HTMLDivElement, NotificationFeedProps>(
  function NotificationFeed(
    {
      url,
      options,
      event = 'notification',
      maxEvents = 50,
      toasts = true,
      maxVisible = 3,
      durationMs = 5000,
      title,
      labels,
      className,
      unstyled,
      ...rest
    },
    ref,
  ) {
    const reduce = useCallback(
      (state: Received, value: unknown): Received => {
        const item = toNotification(value);
        if (!item || state.items.some((x) => x.id === item.id)) return state;
        const count = state.count + 1;
        const keep =
          state.items.length >= maxEvents
            ? state.items.slice(state.items.length - maxEvents + 1)
            : state.items;
        return { items: [...keep, { ...item, seq: count }], count };
      },
      [maxEvents],
    );
    const { data, status, error } = useSSE<unknown, Received>(url, {
      ...options,
      event,
      reduce,
      initial: none,
    });
    const [readThrough, setReadThrough] = useState(0);
    const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
    const [toasted, setToasted] = useState<ReadonlySet<string>>(new Set());

    const feed = useMemo(
      () =>
        data.items
          .filter((x) => !removed.has(x.id))
          .map((x) => ({ ...x, read: x.seq <= readThrough }))
          .reverse(),
      [data.items, removed, readThrough],
    );
    const queue = useMemo(
      () => data.items.filter((x) => !toasted.has(x.id) && !removed.has(x.id)),
      [data.items, toasted, removed],
    );
    // Dismissed IDs are kept only while their item is still in the window, so the sets stay bounded.
    const live = useRef(data.items);
    live.current = data.items;
    const dismissToast = useCallback(
      (id: string) => setToasted((s) => withId(s, id, live.current)),
      [],
    );
    const remove = useCallback((id: string) => setRemoved((s) => withId(s, id, live.current)), []);

    return (
      <div {...rest} ref={ref} className={className} data-ssekit="notifications">
        <NotificationFeedView
          notifications={feed}
          onDismiss={remove}
          onMarkAllRead={() => setReadThrough(data.count)}
          announce={!toasts}
          title={title}
          labels={labels}
          status={status}
          error={error}
          unstyled={unstyled}
        />
        {toasts && (
          <ToastViewport
            toasts={queue}
            onDismiss={dismissToast}
            maxVisible={maxVisible}
            durationMs={durationMs}
            labels={labels}
            unstyled={unstyled}
          />
        )}
      </div>
    );
  },
);

function withId(set: ReadonlySet<string>, id: string, items: readonly NotificationItem[]) {
  const next = new Set(items.filter((x) => set.has(x.id)).map((x) => x.id));
  next.add(id);
  return next;
}
