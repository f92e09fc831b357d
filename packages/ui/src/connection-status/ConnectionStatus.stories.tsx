import type { StreamStatus } from '@ssekit/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { type FaultArgs, faultArgTypes, mockUrl, storyRetry } from '../shared/storyArgs';
import { Ticker } from '../ticker/Ticker';
import { ConnectionStatus } from './ConnectionStatus';
import { ConnectionStatusView } from './ConnectionStatusView';

type Args = FaultArgs & { label: string; unstyled: boolean };

const meta: Meta<Args> = {
  title: 'Components/ConnectionStatus',
  component: ConnectionStatus as unknown as ComponentType<Args>,
  parameters: {
    docs: {
      description: {
        component: [
          '`<ConnectionStatus url="/sse/ticker" />` shows connecting, live, reconnecting (counting down),',
          'closed or failed, with a Reconnect button, in a `role="status"` region. It shares the',
          'connection of other components on the same URL. Controlled:',
          '`<ConnectionStatusView status={stream.status} nextRetryAt={stream.nextRetryAt} onReconnect={...} />`.',
        ].join(' '),
      },
    },
  },
  args: { label: 'Prices', unstyled: false, rate: 20 },
  argTypes: faultArgTypes,
  render: ({ label, unstyled, ...faults }) => {
    const url = mockUrl('/sse/ticker', faults, { symbols: 'AAPL,MSFT' });
    return (
      <div style={{ display: 'grid', gap: '1rem' }}>
        <ConnectionStatus url={url} options={storyRetry} label={label} unstyled={unstyled} />
        <Ticker url={url} options={storyRetry} unstyled={unstyled} />
      </div>
    );
  },
};

export default meta;
type Story = StoryObj<Args>;

const statusText = (el: HTMLElement) => within(el).getByRole('status').textContent ?? '';

/** A healthy stream shows `live`. */
export const Live: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(statusText(canvasElement)).toBe('Prices: live'), { timeout: 5000 });
  },
};

/** The server drops every connection after 10 events: reconnecting, then live again. */
export const DroppedConnection: Story = {
  args: { dropAfter: 10, rate: 40 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(statusText(canvasElement)).toBe('Prices: live'), { timeout: 5000 });
    await waitFor(() => expect(statusText(canvasElement)).toMatch(/^Prices: reconnecting/), {
      timeout: 5000,
      interval: 10,
    });
    await waitFor(() => expect(statusText(canvasElement)).toBe('Prices: live'), { timeout: 5000 });
  },
};

/**
 * The server stops sending anything (not even heartbeats) after 10 events but keeps the socket
 * open; an `idleTimeoutMs` of 800 ms notices, reconnects and resumes.
 */
export const StalledConnection: Story = {
  args: { stallAfter: 10, rate: 40 },
  render: ({ label, unstyled, ...faults }) => {
    const url = mockUrl('/sse/ticker', faults, { symbols: 'AAPL,MSFT' });
    const options = { ...storyRetry, idleTimeoutMs: 800 };
    return (
      <div style={{ display: 'grid', gap: '1rem' }}>
        <ConnectionStatus url={url} options={options} label={label} unstyled={unstyled} />
        <Ticker url={url} options={options} unstyled={unstyled} />
      </div>
    );
  },
  play: DroppedConnection.play,
};

/** HTTP 404 is fatal: the stream closes with the error, never retried in a loop. */
export const Fatal: Story = {
  args: { status: 404 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(statusText(canvasElement)).toMatch(/^Prices failed: /), {
      timeout: 5000,
    });
    expect(within(canvasElement).getByRole('button', { name: 'Reconnect' })).toBeTruthy();
  },
};

type ViewArgs = { status: StreamStatus; retryInMs: number; error: string; label: string };

/** The controlled form in every state (pick one in the controls). */
export const Controlled: StoryObj<ViewArgs> = {
  args: { status: 'reconnecting', retryInMs: 4000, error: '', label: 'Connection' },
  argTypes: {
    status: { control: 'inline-radio', options: ['connecting', 'open', 'reconnecting', 'closed'] },
    error: { control: 'text', description: 'An error message makes `closed` an error' },
  },
  render: ({ status, retryInMs, error, label }) => (
    <ConnectionStatusView
      status={status}
      label={label}
      error={error ? new Error(error) : null}
      nextRetryAt={status === 'reconnecting' ? Date.now() + retryInMs : null}
      onReconnect={() => {}}
    />
  ),
  play: async ({ canvasElement }) => {
    expect(statusText(canvasElement)).toMatch(/^Connection: reconnecting in \d seconds?$/);
  },
};
