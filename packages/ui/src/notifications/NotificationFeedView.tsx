import { forwardRef, useId } from 'react';
import { partClass, type StyleProps } from '../shared/classes';
import type { RootProps } from '../shared/props';
import { LiveAnnouncer } from '../shared/VisuallyHidden';
import { NotificationContent } from './NotificationContent';
import type { NotificationItem } from './types';
import { useNewestMessage } from './useNewestMessage';

/** NotificationFeedView's own props (besides the root `section`'s HTML attributes). */
export interface NotificationFeedViewOwnProps extends StyleProps {
  /** Notifications, newest first. */
  notifications: readonly NotificationItem[];
  /** When given, each item has a labelled Dismiss button. */
  onDismiss?: (id: string) => void;
  /** When given, a "Mark all as read" button shows while there are unread items. */
  onMarkAllRead?: () => void;
  /** Announce new items in the polite live region. Default true. */
  announce?: boolean;
  /** Heading text. Default `Notifications`. */
  title?: string;
  /** Heading level (2-6). Default 2. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

/** NotificationFeedView's props: its own plus the HTML attributes of its root `section`. */
export type NotificationFeedViewProps = RootProps<NotificationFeedViewOwnProps, 'section'>;

/** A notification feed (controlled): unread count, dismiss and mark-as-read, announced politely. */
export const NotificationFeedView = forwardRef<HTMLElement, NotificationFeedViewProps>(
  function NotificationFeedView(
    {
      notifications,
      onDismiss,
      onMarkAllRead,
      announce = true,
      title = 'Notifications',
      headingLevel = 2,
      className,
      unstyled,
      ...rest
    },
    ref,
  ) {
    const headingId = useId();
    const unread = notifications.reduce((n, item) => (item.read ? n : n + 1), 0);
    const arrival = [...notifications].reverse();
    const message = useNewestMessage(arrival);
    const Heading = `h${headingLevel}` as const;
    return (
      <section
        aria-labelledby={headingId}
        {...rest}
        ref={ref}
        className={partClass('feed', unstyled, className)}
        data-ssekit="feed"
        data-state={unread > 0 ? 'unread' : 'read'}
      >
        <div className={partClass('feed-header', unstyled)} data-ssekit="feed-header">
          <Heading
            id={headingId}
            className={partClass('feed-title', unstyled)}
            data-ssekit="feed-title"
          >
            {title}
          </Heading>
          <span className={partClass('feed-unread', unstyled)} data-ssekit="feed-unread">
            {unread} unread
          </span>
          {onMarkAllRead && unread > 0 && (
            <button
              type="button"
              className={partClass('button', unstyled)}
              data-ssekit="feed-mark-read"
              onClick={onMarkAllRead}
            >
              Mark all as read
            </button>
          )}
        </div>
        {notifications.length === 0 ? (
          <p className={partClass('feed-empty', unstyled)} data-ssekit="feed-empty">
            No notifications yet.
          </p>
        ) : (
          <ul className={partClass('feed-list', unstyled)} data-ssekit="feed-list">
            {notifications.map((item) => (
              <li
                key={item.id}
                className={partClass('feed-item', unstyled)}
                data-ssekit="feed-item"
                data-kind={item.kind}
                data-state={item.read ? 'read' : 'unread'}
              >
                <NotificationContent item={item} unstyled={unstyled} />
                {onDismiss && (
                  <button
                    type="button"
                    className={partClass('dismiss', unstyled)}
                    data-ssekit="feed-dismiss"
                    aria-label={`Dismiss: ${item.title}`}
                    onClick={() => onDismiss(item.id)}
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
