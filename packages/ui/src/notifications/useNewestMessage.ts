import { useEffect, useRef, useState } from 'react';
import type { GroupText } from '../i18n/LocaleProvider';
import type { NotificationItem } from './types';

/** The announcement of the newest item when it first appears (for the live region). */
export function useNewestMessage(
  items: readonly NotificationItem[],
  text: GroupText<'notification'>,
): string {
  const [message, setMessage] = useState('');
  const known = useRef<Set<string>>(new Set());
  const latest = useRef(text);
  latest.current = text;
  useEffect(() => {
    const fresh = items.filter((item) => !known.current.has(item.id));
    known.current = new Set(items.map((item) => item.id));
    const newest = fresh[fresh.length - 1];
    if (newest) {
      const { t, labels } = latest.current;
      const values = { kind: labels[newest.kind], title: newest.title, body: newest.body };
      setMessage(t(newest.body ? 'announceBody' : 'announce', values));
    }
  }, [items]);
  return message;
}
