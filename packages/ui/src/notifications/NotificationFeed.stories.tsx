import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ComponentType, useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { ConnectionStatus } from '../connection-status/ConnectionStatus';
import { type FaultArgs, faultArgTypes, mockUrl, storyRetry } from '../shared/storyArgs';
import { NotificationFeed } from './NotificationFeed';
import { NotificationFeedView } from './NotificationFeedView';
import { ToastViewport } from './ToastViewport';
import type { NotificationItem } from './types';

type Args = FaultArgs & {
  user: string;
  maxVisible: number;
  durationMs: number;
  toasts: boolean;
  unstyled: boolean;
};

const meta: Meta<Args> = {
  title: 'Components/NotificationFeed',
  component: NotificationFeed as unknown as ComponentType<Args>,
  parameters: {
    docs: {
      description: {
        component: [
          '`<NotificationFeed url="/sse/notifications?user=alice" maxVisible={3} />` keeps a feed with an unread',
          'count and pops toasts (info, success, warning, error) that auto-dismiss, pausing on hover, focus and',
          'while the page is hidden. New items are announced in a polite live region present from the first',
          'render. Controlled: `<NotificationFeedView notifications={items} />` and',
          '`<ToastViewport toasts={queue} onDismiss={remove} />`. Text is rendered as text, never HTML.',
        ].join(' '),
      },
    },
  },
  args: { user: 'alice', rate: 4, maxVisible: 3, durationMs: 4000, toasts: true, unstyled: false },
  argTypes: faultArgTypes,
  render: ({ user, maxVisible, durationMs, toasts, unstyled, ...faults }) => (
    <NotificationFeed
      url={mockUrl('/sse/notifications', faults, { user })}
      options={storyRetry}
      maxVisible={maxVisible}
      durationMs={durationMs}
      toasts={toasts}
      unstyled={unstyled}
    />
  ),
};

export default meta;
type Story = StoryObj<Args>;

/** A mixed live feed: notifications appear in the feed and as toasts. */
export const Live: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const feed = canvas.getByRole('region', { name: 'Notifications' });
    const items = () => [...feed.querySelectorAll<HTMLElement>('[data-ssekit="feed-item"]')];
    // First the stream opens (the mock server is loaded by the first request, which takes
    // seconds on a busy machine), then notifications arrive at the story's rate.
    await waitFor(() => expect(feed.dataset.view).not.toBe('loading'), { timeout: 20_000 });
    await waitFor(() => expect(items().length).toBeGreaterThan(0), { timeout: 5000 });
    expect(canvasElement.querySelector('[data-ssekit="toast"]')).not.toBeNull();
    expect(feed.textContent).toMatch(/[1-9]\d* unread/);
    // "Mark all as read" marks what is shown; the stream goes on, so later items stay unread.
    const shown = items();
    canvas.getByRole('button', { name: 'Mark all as read' }).click();
    await waitFor(() => expect(shown.map((li) => li.dataset.state)).not.toContain('unread'));
    const later = items().filter((li) => !shown.includes(li));
    expect(later.map((li) => li.dataset.state)).not.toContain('read');
    expect(feed.querySelector('[data-ssekit="feed-unread"]')?.textContent ?? '0 unread').toBe(
      `${later.length} unread`,
    );
  },
};

/** A notification published with `POST /sse/notifications` carrying HTML: shown as text, nothing runs. */
export const XssPublished: Story = {
  args: { rate: 0, user: 'xss-test' },
  render: (args) => {
    const { user, maxVisible, durationMs, toasts, unstyled, ...faults } = args;
    const url = mockUrl('/sse/notifications', faults, { user });
    return (
      <>
        <ConnectionStatus url={url} options={storyRetry} label="Feed" />
        <NotificationFeed
          url={url}
          options={storyRetry}
          maxVisible={maxVisible}
          durationMs={durationMs}
          toasts={toasts}
          unstyled={unstyled}
        />
      </>
    );
  },
  play: async ({ canvasElement }) => {
    const title = '<img src=x onerror="window.__xss=true">';
    const body = '<script>window.__xss=true</script>';
    // Publish once this page's subscription is open (it shares the feed's connection).
    await waitFor(() => expect(within(canvasElement).getByText('Feed: live')).toBeTruthy(), {
      timeout: 5000,
    });
    const res = await fetch('/sse/notifications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'error', title, body, user: 'xss-test' }),
    });
    expect(res.ok).toBe(true);
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByText(title).length).toBeGreaterThan(0), {
      timeout: 5000,
    });
    expect(canvas.getAllByText(body).length).toBeGreaterThan(0);
    expect(canvasElement.querySelector('img, script')).toBeNull();
    expect((window as { __xss?: unknown }).__xss).toBeUndefined();
  },
};

const items: NotificationItem[] = [
  { id: '4', kind: 'error', title: 'Build failed', body: 'main: 3 tests failed' },
  {
    id: '3',
    kind: 'warning',
    title: 'Disk 90% full',
    body: 'db-1',
    href: 'https://example.com/db-1',
  },
  { id: '2', kind: 'success', title: 'Deployed v1.4.2', read: true },
  { id: '1', kind: 'info', title: 'Welcome', body: '<b>markup</b> stays text', read: true },
];

/** The controlled feed. */
export const ControlledFeed: StoryObj = {
  render: () => {
    const [list, setList] = useState(items);
    return (
      <NotificationFeedView
        notifications={list}
        onDismiss={(id) => setList((l) => l.filter((x) => x.id !== id))}
        onMarkAllRead={() => setList((l) => l.map((x) => ({ ...x, read: true })))}
      />
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvas.getByText('2 unread')).toBeTruthy();
    expect(canvas.getByText('<b>markup</b> stays text')).toBeTruthy();
    canvas.getByRole('button', { name: 'Dismiss: Build failed' }).click();
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(3));
  },
};

/** The controlled toast viewport: three visible, the rest queued; dismissing promotes the next. */
export const ControlledToasts: StoryObj<{ maxVisible: number; durationMs: number }> = {
  args: { maxVisible: 2, durationMs: 0 },
  render: ({ maxVisible, durationMs }) => {
    const [toasts, setToasts] = useState([...items].reverse());
    return (
      <ToastViewport
        toasts={toasts}
        maxVisible={maxVisible}
        durationMs={durationMs}
        onDismiss={(id) => setToasts((t) => t.filter((x) => x.id !== id))}
      />
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvas.getAllByRole('listitem')).toHaveLength(2);
    expect(canvas.getByText('2 more waiting')).toBeTruthy();
    canvas.getByRole('button', { name: 'Dismiss: Welcome' }).click();
    await waitFor(() => expect(canvas.getByText('1 more waiting')).toBeTruthy());
    expect(canvas.getByText('Disk 90% full')).toBeTruthy();
  },
};

/** The controlled feed in the dark theme (axe checks its contrast too). */
export const DarkTheme: StoryObj = {
  ...ControlledFeed,
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelector('[data-theme="dark"]')).not.toBeNull();
  },
};
