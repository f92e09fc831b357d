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

it('has no axe violations, light and dark', async () => {
  for (const theme of ['light', 'dark'] as const) {
    const store = createDevtoolsStore({ refreshMs: 50 });
    const { unmount } = render(
      <>
        <main>
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
    expect(await violations(document.body)).toEqual([]);
    unmount();
  }
});
