import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { type FaultArgs, faultArgTypes, mockUrl, storyRetry } from '../shared/storyArgs';
import { LogStream } from './LogStream';
import { type LogLine, LogStreamView } from './LogStreamView';

type Args = FaultArgs & {
  lines: number;
  maxEvents: number;
  height: number;
  label: string;
  unstyled: boolean;
};

const meta: Meta<Args> = {
  title: 'Components/LogStream',
  component: LogStream as unknown as ComponentType<Args>,
  parameters: {
    docs: {
      description: {
        component: [
          '`<LogStream url="/sse/logs?lines=500" maxEvents={2000} />` shows `log` events with ANSI colours',
          '(SGR 30-37, 90-97, bold, reset; other codes stripped), sticks to the bottom while you are there,',
          'offers "Jump to latest" when you scroll up, and renders only the visible fixed-height rows.',
          'Controlled: `<LogStreamView lines={lines} />`.',
        ].join(' '),
      },
    },
  },
  args: { rate: 50, lines: 150, maxEvents: 1000, height: 240, label: 'Build log', unstyled: false },
  argTypes: {
    ...faultArgTypes,
    lines: {
      control: { type: 'number' },
      description: 'End the log after this many lines (0 = endless)',
    },
  },
  render: ({ lines, maxEvents, height, label, unstyled, ...faults }) => (
    <LogStream
      url={mockUrl('/sse/logs', faults, { lines: lines || undefined })}
      options={storyRetry}
      maxEvents={maxEvents}
      height={height}
      label={label}
      unstyled={unstyled}
    />
  ),
};

export default meta;
type Story = StoryObj<Args>;

/** A build log that ends: coloured lines arrive and the end status shows. */
export const Live: Story = {
  args: { rate: 200, lines: 60 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(
      () => expect(canvasElement.querySelector('[data-ssekit="log-end"]')).not.toBeNull(),
      {
        timeout: 8000,
      },
    );
    const log = canvas.getByRole('log', { name: 'Build log' });
    expect(log.querySelectorAll('[data-ssekit="log-line"]').length).toBeGreaterThan(5);
    expect(log.querySelectorAll('[data-ansi-color]').length).toBeGreaterThan(0);
    expect(log.textContent).not.toContain('\u001b');
    expect(log.scrollTop + log.clientHeight).toBeGreaterThanOrEqual(log.scrollHeight - 2);
  },
};

/** An endless log at a high rate: scrolling up stops following and offers a jump back. */
export const ScrollBack: Story = {
  args: { rate: 100, lines: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const log = canvas.getByRole('log');
    await waitFor(() => expect(log.scrollHeight).toBeGreaterThan(log.clientHeight * 2), {
      timeout: 8000,
    });
    log.scrollTop = 0;
    const jump = await canvas.findByRole('button', { name: 'Jump to latest' });
    jump.click();
    await waitFor(() =>
      expect(canvas.queryByRole('button', { name: 'Jump to latest' })).toBeNull(),
    );
    await waitFor(() =>
      expect(log.scrollTop + log.clientHeight).toBeGreaterThanOrEqual(log.scrollHeight - 25),
    );
  },
};

const levels = ['debug', 'info', 'warn', 'error'] as const;
const sample: LogLine[] = Array.from({ length: 5000 }, (_, i) => ({
  id: i,
  level: levels[i % 4],
  text:
    i % 4 === 3
      ? `\u001b[1;31mERROR\u001b[0m step ${i} failed: \u001b[33mretrying\u001b[0m`
      : `\u001b[32m✔\u001b[0m step ${i} \u001b[90m(${i * 3} ms)\u001b[0m \u001b[2Kdone`,
}));

/** The controlled form with 5000 lines: only the visible rows are in the DOM. */
export const Controlled: StoryObj<{ height: number; rowHeight: number }> = {
  args: { height: 240, rowHeight: 20 },
  render: ({ height, rowHeight }) => (
    <LogStreamView lines={sample} height={height} rowHeight={rowHeight} />
  ),
  play: async ({ canvasElement }) => {
    const rows = canvasElement.querySelectorAll('[data-ssekit="log-line"]');
    expect(rows.length).toBeLessThan(40);
    expect(rows[rows.length - 1]?.textContent).toContain('step 4999');
  },
};
