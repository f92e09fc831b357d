import { useSSE } from '@ssekit/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { type DevtoolsTheme, SSEDevtoolsPanel } from './SSEDevtoolsPanel';

interface Args {
  theme: DevtoolsTheme;
  rate: number;
}

const retry = { retry: { initialMs: 100, maxMs: 500 } };

/** A small live page: a price and the latest notification, each from its own stream. */
function LivePage({ rate }: { rate: number }) {
  const price = useSSE<{ symbol: string; price: number }>(
    `/sse/ticker?symbols=AAPL,MSFT&rate=${rate}`,
    { event: 'quote', ...retry },
  );
  const note = useSSE<{ title: string }>('/sse/notifications?user=story&rate=1', {
    event: 'notification',
    ...retry,
  });
  return (
    <p>
      {price.data ? `${price.data.symbol} ${price.data.price}` : 'Waiting for prices…'} ·{' '}
      {note.data?.title ?? 'No notification yet'}
    </p>
  );
}

const meta: Meta<Args> = {
  title: 'Devtools/SSEDevtools',
  component: SSEDevtoolsPanel as never,
  parameters: {
    docs: {
      description: {
        component: [
          '`<SSEDevtools />` (a floating button and a docked panel) or `<SSEDevtoolsPanel />`',
          '(inline) shows every stream of the page: status history, Last-Event-ID, subscribers,',
          'events/s and bytes, the last events, resets and gaps, with Reconnect, Simulate drop,',
          'Pause delivery and Close. Turn on "Streams" in the toolbar to see the streams of any',
          'story.',
        ].join(' '),
      },
    },
  },
  args: { theme: 'light', rate: 20 },
  argTypes: {
    theme: { control: 'inline-radio', options: ['system', 'light', 'dark'] },
    rate: { control: { type: 'number', min: 1, max: 10_000 } },
  },
  render: ({ theme, rate }) => (
    <div style={{ display: 'grid', gap: '0.5rem' }}>
      <LivePage rate={rate} />
      <SSEDevtoolsPanel theme={theme} style={{ height: 460 }} />
    </div>
  ),
};

export default meta;
type Story = StoryObj<Args>;

/** The streams of a live page; a simulated drop shows the reconnect and resume. */
export const Live: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // With the toolbar's "Streams" off (the default), no floating panel is added.
    await expect(canvas.queryByRole('button', { name: /^SSE streams/ })).toBeNull();
    const streams = await canvas.findByRole('navigation', { name: 'Streams' });
    const ticker = await within(streams).findByRole(
      'button',
      { name: /sse\/ticker/ },
      { timeout: 5000 },
    );
    await userEvent.click(ticker);
    const events = await canvas.findByRole('list', { name: 'Events, newest first' });
    await waitFor(() => expect(within(events).getAllByRole('button').length).toBeGreaterThan(2), {
      timeout: 5000,
    });
    await userEvent.click(canvas.getByRole('button', { name: 'Simulate drop' }));
    const history = canvas.getByRole('heading', { name: 'Status history' }).nextElementSibling;
    await waitFor(() => expect(history?.textContent).toMatch(/reconnecting \(attempt 1/), {
      timeout: 5000,
    });
    await waitFor(() => expect(history?.firstElementChild?.textContent).toMatch(/open$/), {
      timeout: 5000,
    });
  },
};

/** The dark theme (axe checks its contrast too). */
export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const events = await canvas.findByRole(
      'list',
      { name: 'Events, newest first' },
      { timeout: 5000 },
    );
    await waitFor(() => expect(within(events).getAllByRole('button').length).toBeGreaterThan(0), {
      timeout: 5000,
    });
    await userEvent.click(within(events).getAllByRole('button')[0]!);
    await expect(canvas.getByTestId('event-data').textContent).not.toBe('');
  },
};

/**
 * The toolbar's "Streams" switch turned on (this story sets it): a story with no panel of its
 * own gets the floating devtools, showing that story's streams.
 */
export const StreamsToolbarOn: Story = {
  globals: { streams: 'on' },
  render: ({ rate }) => <LivePage rate={rate} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = await canvas.findByRole(
      'button',
      { name: /^SSE streams \([1-9]\d*\)$/ },
      { timeout: 5000 },
    );
    await userEvent.click(toggle);
    const panel = await canvas.findByRole('region', { name: 'SSE streams' });
    const streams = within(panel).getByRole('navigation', { name: 'Streams' });
    await within(streams).findByRole('button', { name: /sse\/ticker\?symbols=AAPL,MSFT/ });
    await within(streams).findByRole('button', { name: /sse\/notifications\?user=story/ });
    // Escape closes it, back to the button.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.getByRole('button', { name: /^SSE streams/ })).toHaveFocus());
  },
};
