import { formatTime } from '../i18n/format';
import type { GroupText } from '../i18n/LocaleProvider';
import { partClass } from '../shared/classes';
import { VisuallyHidden } from '../shared/VisuallyHidden';
import { safeHref } from '../token-stream/markdown';
import type { NotificationItem } from './types';

/**
 * Kind badge, an unread badge, title, time, body and a safe link: text only, never HTML.
 * `text` is the `notification` label group of the feed or viewport that renders it.
 */
export function NotificationContent({
  item,
  text,
  unread = false,
  unstyled,
}: {
  item: NotificationItem;
  text: GroupText<'notification'>;
  unread?: boolean;
  unstyled: boolean | undefined;
}) {
  const href = item.href ? safeHref(item.href) : null;
  const l = text.labels;
  return (
    <div className={partClass('notification-content', unstyled)} data-ssekit="notification-content">
      <span className={partClass('notification-meta', unstyled)} data-ssekit="notification-meta">
        <span
          className={partClass('kind', unstyled)}
          data-ssekit="notification-kind"
          data-kind={item.kind}
        >
          {l[item.kind]}
        </span>
        {unread && (
          <span className={partClass('unread-badge', unstyled)} data-ssekit="notification-unread">
            {l.unreadItem}
          </span>
        )}
        {typeof item.time === 'number' && (
          <time
            className={partClass('notification-time', unstyled)}
            data-ssekit="notification-time"
            dateTime={new Date(item.time).toISOString()}
          >
            {formatTime(item.time, text.locale, text.time, text.timeZone)}
          </time>
        )}
      </span>
      <strong
        className={partClass('notification-title', unstyled)}
        data-ssekit="notification-title"
      >
        {item.title}
      </strong>
      {item.body && (
        <span className={partClass('notification-body', unstyled)} data-ssekit="notification-body">
          {item.body}
        </span>
      )}
      {href && (
        <a
          className={partClass('notification-link', unstyled)}
          data-ssekit="notification-link"
          href={href}
          rel="noopener noreferrer"
        >
          {l.details}
          <VisuallyHidden>: {item.title}</VisuallyHidden>
        </a>
      )}
    </div>
  );
}
