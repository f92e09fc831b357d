import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { type FaultArgs, faultArgTypes, mockUrl, storyRetry } from '../shared/storyArgs';
import { Ticker } from './Ticker';
import { TickerView } from './TickerView';
import { emptyTicker, type Quote, tickerReducer } from './tickerState';

type Args = FaultArgs & {
  symbols: string;
  currency: string;
  locale: string;
  label: string;
  unstyled: boolean;
};

const meta: Meta<Args> = {
  title: 'Components/Ticker',
  // The docs table shows Ticker's own props; the args below drive the story's URL.
  component: Ticker as unknown as ComponentType<Args>,
  parameters: {
    docs: {
      description: {
        component: [
          'Live prices: `<Ticker url="/sse/ticker?symbols=AAPL,MSFT" currency="USD" />` folds `quote` events;',
          'with your own transport, fold quotes with `tickerReducer` and render `<TickerView quotes={state} />`.',
          'Rows are memoised by symbol, React commits at most once a frame, and a stale notice shows while reconnecting.',
          'Prices are in a table (not a live region) so screen readers are not flooded.',
        ].join(' '),
      },
    },
  },
  args: {
    symbols: 'AAPL,MSFT,GOOG,AMZN',
    rate: 20,
    seed: 7,
    currency: 'USD',
    locale: 'en-US',
    label: 'Prices',
    unstyled: false,
  },
  argTypes: {
    ...faultArgTypes,
    symbols: { control: 'text', description: 'Comma-separated symbols' },
  },
  render: ({ symbols, currency, locale, label, unstyled, ...faults }) => (
    <Ticker
      url={mockUrl('/sse/ticker', faults, { symbols })}
      options={storyRetry}
      currency={currency}
      locale={locale}
      label={label}
      unstyled={unstyled}
    />
  ),
};

export default meta;
type Story = StoryObj<Args>;

const priceOf = (canvas: HTMLElement, symbol: string) =>
  canvas.querySelector(`[data-symbol="${symbol}"] [data-ssekit="ticker-price"]`)?.textContent;

/** Live quotes from the mock server; the test waits until a price changes. */
export const Live: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('row', { name: /AAPL/ }, { timeout: 5000 });
    const first = priceOf(canvasElement, 'AAPL');
    await waitFor(() => expect(priceOf(canvasElement, 'AAPL')).not.toBe(first), { timeout: 8000 });
    expect(canvas.getByRole('table', { name: 'Prices' })).toBeTruthy();
  },
};

/** A thousand quotes a second: batched to one commit a frame. */
export const HighRate: Story = {
  args: { rate: 1000, symbols: 'AAPL,MSFT,GOOG,AMZN,META,NVDA,TSLA,NFLX' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole('row')).toHaveLength(9), { timeout: 5000 });
  },
};

/** Malformed lines mixed in: valid quotes still arrive. */
export const Malformed: Story = {
  args: { malformed: true },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('row', { name: /MSFT/ }, { timeout: 5000 });
  },
};

/** Before the first quote: a waiting row instead of a bare header (the server waits 60 s). */
export const Waiting: Story = {
  args: { delay: 60_000 },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/waiting for prices/i, {}, { timeout: 5000 });
  },
};

/** The server answers 404: the stream fails for good and the table says so. */
export const FatalError: Story = {
  args: { status: 404 },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toMatch(/^Prices unavailable: /);
    expect(canvasElement.querySelector('[data-ssekit="ticker"]')?.getAttribute('data-state')).toBe(
      'error',
    );
  },
};

const fixed: Quote[] = [
  { symbol: 'AAPL', price: 187.23, change: 1.12, changePercent: 0.6 },
  { symbol: 'MSFT', price: 402.5, change: -2.4, changePercent: -0.59 },
  { symbol: 'GOOG', price: 141.8, change: 0, changePercent: 0 },
];

/** The controlled form: `TickerView` with quotes folded by `tickerReducer`. */
export const Controlled: StoryObj<Args & { stale: boolean }> = {
  args: { stale: false },
  render: ({ currency, locale, label, unstyled, stale }) => (
    <TickerView
      quotes={fixed.reduce(tickerReducer, emptyTicker)}
      currency={currency}
      locale={locale}
      label={label}
      unstyled={unstyled}
      stale={stale}
    />
  ),
  play: async ({ canvasElement }) => {
    const row = within(canvasElement).getByRole('row', { name: /MSFT/ });
    expect(row.textContent).toContain('$402.50');
    expect(row.getAttribute('data-state')).toBe('down');
  },
};

/** The stale indicator shown while the stream reconnects. */
export const Stale: StoryObj<Args & { stale: boolean }> = {
  ...Controlled,
  args: { stale: true },
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getByText(/prices may be out of date/)).toBeTruthy();
  },
};

/** The controlled table in the dark theme (axe checks its contrast too). */
export const DarkTheme: StoryObj<Args & { stale: boolean }> = {
  ...Controlled,
  globals: { theme: 'dark' },
};
