import { forwardRef, useId } from 'react';
import { useText } from '../i18n/LocaleProvider';
import type { FeedLabels, NotificationLabels } from '../i18n/labels';
import { partClass, type StyleProps } from '../shared/classes';
import type { RootProps } from '../shared/props';
import { errorText, type StreamStateProps, viewState } from '../shared/state';
import { LiveAnnouncer } from '../shared/VisuallyHidden';
import { NotificationContent } from './NotificationContent';
import type { NotificationItem } from './types';
import { useNewestMessage } from './useNewestMessage';

/** NotificationFeedView's own props (besides the root `section`'s HTML attributes). */
export interface NotificationFeedViewOwnProps extends StyleProps, StreamStateProps {
  /** Notifications, newest first. */
  notifications: readonly NotificationItem[];
  /** When given, each item has a labelled Dismiss button. */
  onDismiss?: (id: string) => void;
  /** When given, a "Mark all as read" button shows while there are unread items. */
  onMarkAllRead?: () => void;
  /** Announce new items in the polite live region. Default true. */
  announce?: boolean;
  /** Heading text. Default: the `title` label (`Notifications`). */
  title?: string;
  /** Heading level (2-6). Default 2. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Words of this feed and its items, over the `LocaleProvider`'s (English by default). */
  labels?: Partial<FeedLabels & NotificationLabels>;
}

/** NotificationFeedView's props: its own plus the HTML attributes of its root `section`. */
export type NotificationFeedViewProps = RootProps<NotificationFeedViewOwnProps, 'section'>;

/**
 * A notification feed (controlled): a bounded, scrollable list (newest first) with unread items
 * badged, an unread count, dismiss and mark-as-read, announced politely; waiting, empty and
 * error states.
 */
export const NotificationFeedView = forwardRef<HTMLElement, NotificationFeedViewProps>(
  function NotificationFeedView(
    {
      notifications,
      onDismiss,
      onMarkAllRead,
      announce = true,
      title,
      headingLevel = 2,
      status,
      error,
      labels,
      className,
      unstyled,
      ...rest
    },
    ref,
  ) {
    const headingId = useId();
    const feed = useText('feed', labels);
    const item = useText('notification', labels);
    const unread = notifications.reduce((n, x) => (x.read ? n : n + 1), 0);
    const arrival = [...notifications].reverse();
    const message = useNewestMessage(arrival, item);
    const state = viewState(status, error, notifications.length > 0);
    const Heading = `h${headingLevel}` as const;
    const notice =
      state === 'loading'
        ? feed.labels.waiting
        : state === 'empty'
          ? feed.labels.empty
          : state === 'error'
            ? feed.t('failed', { error: errorText(error) })
            : null;
    return (
      <section
        aria-labelledby={headingId}
        {...rest}
        ref={ref}
        className={partClass('feed', unstyled, className)}
        data-ssekit="feed"
        data-state={unread > 0 ? 'unread' : 'read'}
        data-view={state}
      >
        <div className={partClass('feed-header', unstyled)} data-ssekit="feed-header">
          <Heading
            id={headingId}
            className={partClass('feed-title', unstyled)}
            data-ssekit="feed-title"
          >
            {title ?? feed.labels.title}
          </Heading>
          {unread > 0 && (
            <span className={partClass('feed-unread', unstyled)} data-ssekit="feed-unread">
              {feed.t('unread', { count: unread })}
            </span>
          )}
          {onMarkAllRead && unread > 0 && (
            <button
              type="button"
              className={partClass('button', unstyled)}
              data-ssekit="feed-mark-read"
              onClick={onMarkAllRead}
            >
              {feed.labels.markAllRead}
            </button>
          )}
        </div>
        {notice !== null && (
          <p
            className={partClass('feed-empty', unstyled)}
            data-ssekit="feed-empty"
            data-state={state}
            role={state === 'error' ? 'alert' : undefined}
          >
            {notice}
          </p>
        )}
        {notifications.length > 0 && (
          <ul
            className={partClass('feed-list', unstyled)}
            data-ssekit="feed-list"
            aria-labelledby={headingId}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-scrollable
            tabIndex={0}
          >
            {notifications.map((x) => (
              <li
                key={x.id}
                className={partClass('feed-item', unstyled)}
                data-ssekit="feed-item"
                data-kind={x.kind}
                data-state={x.read ? 'read' : 'unread'}
              >
                <NotificationContent item={x} text={item} unread={!x.read} unstyled={unstyled} />
                {onDismiss && (
                  <button
                    type="button"
                    className={partClass('dismiss', unstyled)}
                    data-ssekit="feed-dismiss"
                    aria-label={item.t('dismiss', { title: x.title })}
                    onClick={() => onDismiss(x.id)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {announce && <LiveAnnouncer part="feed-announcer" message={message} />}
      </section>
    );
  },
);
