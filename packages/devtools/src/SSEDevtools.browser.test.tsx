import { connect, crossTab, eventSourceTransport } from '@ssekit/core';
import { useSSE } from '@ssekit/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, expect, it } from 'vitest';
import { createDevtoolsStore } from './devtools-store';
import { SSEDevtools } from './SSEDevtools';

afterEach(cleanup);

const slow = { timeout: 10_000 };

function Ticker() {
  const { data, status } = useSSE<{ symbol: string; price: number }>('/sse/ticker?rate=40', {
    event: 'quote',
    retry: { initialMs: 50, maxMs: 100 },
  });
  return <p data-status={status}>{data ? `${data.symbol} ${data.price}` : '…'}</p>;
}

/** Axe violations of the panel (rules as in the Storybook checks). */
async function violations(root: Element) {
  const result = await axe.run(root, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

it('shows a live page’s stream, its events, and the reconnect after a simulated drop', async () => {
  const store = createDevtoolsStore({ refreshMs: 50 });
  render(
    <>
      <main>
        <Ticker />
      </main>
      <SSEDevtools store={store} initialIsOpen />
    </>,
  );
  const panel = await screen.findByRole('region', { name: 'SSE streams' }, slow);
  await waitFor(
    () =>
      expect(within(panel).getByRole('heading', { level: 2 }).textContent).toContain(
        '/sse/ticker?rate=40',
      ),
    slow,
  );
  const events = await within(panel).findByRole('list', { name: 'Events, newest first' }, slow);
  await waitFor(
    () => expect(within(events).getAllByRole('button').length).toBeGreaterThan(5),
    slow,
  );
  expect(within(events).getAllByRole('button')[0]?.textContent).toContain('quote');
  const fact = (name: string) => panel.querySelector(`[data-fact="${name}"]`)?.textContent ?? '';
  expect(fact('Subscribers')).toBe('1');
  expect(fact('Transport')).toBe('fetch');
  expect(fact('Received')).toMatch(/\d+(\.\d)? (B|kB)/);

  fireEvent.click(within(panel).getByRole('button', { name: 'Simulate drop' }));
  const history = within(panel).getByRole('heading', { name: 'Status history' })
    .nextElementSibling!;
  await waitFor(() => expect(history.textContent).toMatch(/reconnecting \(attempt 1/), slow);
  await waitFor(() => expect(history.firstElementChild?.textContent).toMatch(/open$/), slow);
  // Resumed with Last-Event-ID: the ids go on without a gap or a reset.
  const before = Number(/^\d+/.exec(fact('Events'))?.[0]);
  await waitFor(
    () => expect(Number(/^\d+/.exec(fact('Events'))?.[0])).toBeGreaterThan(before + 3),
    slow,
  );
  expect(fact('Resets / gaps')).toBe('0 / 0');
  expect(await screen.findByText(/^[A-Z]+ \d/)).toBeTruthy();
});

it('shows cross-tab roles: this tab’s leader and follower of one shared stream', async () => {
  // Two cross-tab streams with one key in one page: the first takes the lock (leader, with the
  // real connection), the second hears it over BroadcastChannel (follower), as another tab would.
  const key = `dt-${Math.random()}`;
  const leader = connect('/sse/ticker?rate=20', { crossTab: crossTab(key) });
  const follower = connect('/sse/ticker?rate=20', { crossTab: crossTab(key) });
  try {
    const store = createDevtoolsStore({ refreshMs: 50 });
    render(<SSEDevtools store={store} initialIsOpen />);
    const panel = await screen.findByRole('region', { name: 'SSE streams' }, slow);
    const list = within(panel).getByRole('navigation', { name: 'Streams' });
    const row = (role: string) =>
      within(list)
        .getAllByRole('button')
        .find((b) => b.textContent?.endsWith(`· ${role}`));
    await waitFor(() => expect(row('leader') && row('follower')).toBeTruthy(), slow);
    const fact = (name: string) => panel.querySelector(`[data-fact="${name}"]`)?.textContent;
    fireEvent.click(row('follower')!);
    await waitFor(() => expect(fact('Transport')).toBe('cross-tab, cross-tab follower'), slow);
    // The follower's events arrive from the leader's connection.
    await waitFor(() => expect(Number.parseInt(fact('Events') ?? '', 10)).toBeGreaterThan(2), slow);
    fireEvent.click(row('leader')!);
    await waitFor(() => expect(fact('Transport')).toBe('cross-tab, cross-tab leader'), slow);
    // The leader's own connection is listed too, as the leader of that stream.
    const connection = within(list)
      .getAllByRole('button')
      .find(
        (b) => /rate=20/.test(b.textContent ?? '') && !/leader|follower/.test(b.textContent ?? ''),
      );
    fireEvent.click(connection!);
    await waitFor(() => expect(fact('Transport')).toMatch(/^fetch, leader of #\d+$/), slow);
  } finally {
    follower.close();
    leader.close();
  }
});

it('shows the bytes of an EventSource stream as an estimate', async () => {
  const stream = connect('/sse/ticker?rate=40', { transport: eventSourceTransport });
  // EventSource dispatches only the event names someone listens to.
  stream.on('quote', () => {});
  try {
    const store = createDevtoolsStore({ refreshMs: 50 });
    render(<SSEDevtools store={store} initialIsOpen />);
    const panel = await screen.findByRole('region', { name: 'SSE streams' }, slow);
    const fact = (name: string) => panel.querySelector(`[data-fact="${name}"]`)?.textContent;
    await waitFor(() => expect(fact('Transport')).toBe('eventsource'), slow);
    await waitFor(
      () => expect(fact('Received')).toMatch(/^about [1-9][\d.]* (B|kB) \(.*\/s\), estimated$/),
      slow,
    );
  } finally {
    stream.close();
  }
});

it('has no axe violations, light and dark', async () => {
  for (const theme of ['light', 'dark'] as const) {
    const store = createDevtoolsStore({ refreshMs: 50 });
    const { unmount } = render(
      <>
        <main>
          {/* Two hooks on one request: one connection with two subscribers. */}
          <Ticker />
          <Ticker />
        </main>
        <SSEDevtools store={store} initialIsOpen theme={theme} />
      </>,
    );
    const panel = await screen.findByRole('region', { name: 'SSE streams' }, slow);
    const events = await within(panel).findByRole('list', { name: 'Events, newest first' }, slow);
    await waitFor(
      () => expect(within(events).getAllByRole('button').length).toBeGreaterThan(2),
      slow,
    );
    fireEvent.click(within(events).getAllByRole('button')[0]!);
    // With the question of Close on a shared connection showing, too.
    fireEvent.click(await within(panel).findByRole('button', { name: 'Close for all 2…' }, slow));
    within(panel).getByRole('group', { name: /for all 2 hooks sharing it\?/ });
    expect(await violations(document.body)).toEqual([]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel' }));
    unmount();
  }
});
