import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotificationFeedView } from './NotificationFeedView';
import type { NotificationItem } from './types';

afterEach(cleanup);

const items: NotificationItem[] = [
  { id: '2', kind: 'warning', title: 'Disk almost full' },
  { id: '1', kind: 'success', title: 'Deployed', read: true },
];

describe('NotificationFeedView', () => {
  it('lists items with an unread count and labelled buttons', () => {
    const onDismiss = vi.fn();
    const onMarkAllRead = vi.fn();
    render(
      <NotificationFeedView
        notifications={items}
        onDismiss={onDismiss}
        onMarkAllRead={onMarkAllRead}
      />,
    );
    const feed = screen.getByRole('region', { name: 'Notifications' });
    expect(feed.textContent).toContain('1 unread');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Deployed' }));
    expect(onDismiss).toHaveBeenCalledWith('1');
    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(onMarkAllRead).toHaveBeenCalledOnce();
  });

  it('announces the newest arrival politely', () => {
    const { rerender } = render(<NotificationFeedView notifications={items} />);
    const region = screen.getByRole('status');
    rerender(
      <NotificationFeedView
        notifications={[{ id: '3', kind: 'error', title: 'Build failed', body: 'main' }, ...items]}
      />,
    );
    expect(screen.getByRole('status')).toBe(region);
    expect(region.textContent).toBe('Error: Build failed. main');
  });
});
