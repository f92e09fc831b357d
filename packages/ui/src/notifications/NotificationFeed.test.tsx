import { startServer, type TestServer, writeSSEHead } from '@ssekit/testing';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NotificationFeed } from './NotificationFeed';

let server: TestServer | undefined;
afterEach(async () => {
  cleanup();
  await server?.close();
});

const note = (id: string, kind: string, title: string) =>
  `event: notification\nid: ${id}\ndata: ${JSON.stringify({ id, kind, title, body: `about ${title}` })}\n\n`;

describe('NotificationFeed (connected, against a real server)', () => {
  it('lists, toasts, counts unread and ignores a replayed duplicate', async () => {
    server = await startServer((_req, res) => {
      writeSSEHead(res);
      res.write(note('n1', 'success', 'Deployed'));
      res.write(note('n2', 'error', 'Build failed'));
      res.write(note('n2', 'error', 'Build failed'));
    });
    render(<NotificationFeed url={`${server.url}/notifications`} maxVisible={1} durationMs={0} />);
    const feed = screen.getByRole('region', { name: 'Notifications' });
    await waitFor(() => expect(within(feed).getAllByRole('listitem')).toHaveLength(2));
    expect(within(feed).getAllByRole('listitem')[0]?.textContent).toContain('Build failed');
    expect(feed.textContent).toContain('2 unread');
    const toasts = screen.getByRole('region', { name: 'Notification toasts' });
    expect(within(toasts).getAllByRole('listitem')).toHaveLength(1);
    expect(toasts.textContent).toContain('1 more waiting');
    const announcers = screen.getAllByRole('status');
    expect(announcers).toHaveLength(1);
    // The announcement follows the list by one effect: wait for it rather than race it.
    await waitFor(() =>
      expect(announcers[0]?.textContent).toBe('Error: Build failed. about Build failed'),
    );

    fireEvent.click(within(toasts).getByRole('button', { name: 'Dismiss: Deployed' }));
    expect(within(toasts).getByText('Build failed')).toBeTruthy();
    expect(within(feed).getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(within(feed).getByRole('button', { name: 'Mark all as read' }));
    expect(feed.querySelector('[data-ssekit="feed-unread"]')).toBeNull();
    fireEvent.click(within(feed).getByRole('button', { name: 'Dismiss: Deployed' }));
    expect(within(feed).getAllByRole('listitem')).toHaveLength(1);
  });
});
