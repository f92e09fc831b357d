import { useEffect, useRef, useState } from 'react';
import { KIND_LABEL, type NotificationItem } from './types';

/** The text of the newest item when it first appears (for the live region). */
export function useNewestMessage(items: readonly NotificationItem[]): string {
  const [message, setMessage] = useState('');
  const known = useRef<Set<string>>(new Set());
  useEffect(() => {
    const fresh = items.filter((item) => !known.current.has(item.id));
    known.current = new Set(items.map((item) => item.id));
    const newest = fresh[fresh.length - 1];
    if (newest) {
      setMessage(
        `${KIND_LABEL[newest.kind]}: ${newest.title}${newest.body ? `. ${newest.body}` : ''}`,
      );
    }
  }, [items]);
  return message;
}
