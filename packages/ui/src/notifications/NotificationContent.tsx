import { partClass } from '../shared/classes';
import { VisuallyHidden } from '../shared/VisuallyHidden';
import { safeHref } from '../token-stream/markdown';
import { KIND_LABEL, type NotificationItem } from './types';

/** Kind badge, title, body and a safe link: text only, never HTML. */
export function NotificationContent({
  item,
  unstyled,
}: {
  item: NotificationItem;
  unstyled: boolean | undefined;
}) {
  const href = item.href ? safeHref(item.href) : null;
  return (
    <div className={partClass('notification-content', unstyled)} data-ssekit="notification-content">
      <span
        className={partClass('kind', unstyled)}
        data-ssekit="notification-kind"
        data-kind={item.kind}
      >
        {KIND_LABEL[item.kind]}
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
          Details<VisuallyHidden>: {item.title}</VisuallyHidden>
        </a>
      )}
    </div>
  );
}
