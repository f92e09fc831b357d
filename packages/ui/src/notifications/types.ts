/** The kinds of notification, each with its own colour and label. */
export type NotificationKind = 'info' | 'success' | 'warning' | 'error';

/** One notification, as the notification stream sends it. */
export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  /** A link for more; only http(s) and mailto links are rendered. */
  href?: string;
  time?: number;
  /** Read items do not count as unread. */
  read?: boolean;
}

/** Narrows stream data to a notification (the kind falls back to `info`). */
export function toNotification(value: unknown): NotificationItem | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.title !== 'string') return null;
  const kind = v.kind === 'success' || v.kind === 'warning' || v.kind === 'error' ? v.kind : 'info';
  return {
    id:
      typeof v.id === 'string' || typeof v.id === 'number' ? String(v.id) : `${v.title}-${v.time}`,
    kind,
    title: v.title,
    body: typeof v.body === 'string' ? v.body : undefined,
    href: typeof v.href === 'string' ? v.href : undefined,
    time: typeof v.time === 'number' ? v.time : undefined,
  };
}
