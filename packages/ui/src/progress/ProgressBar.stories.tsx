import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { type FaultArgs, faultArgTypes, mockUrl, storyRetry } from '../shared/storyArgs';
import { ProgressBar } from './ProgressBar';
import { ProgressBarView, type ProgressState } from './ProgressBarView';

type Args = FaultArgs & { durationMs: number; fail: boolean; label: string; unstyled: boolean };

const meta: Meta<Args> = {
  title: 'Components/ProgressBar',
  component: ProgressBar as unknown as ComponentType<Args>,
  parameters: {
    docs: {
      description: {
        component: [
          '`<ProgressBar url={job.url} label="Deploy" />` follows a job stream (`progress`, then `done` or `failed`).',
          'Controlled: `<ProgressBarView value={42} stage="Building" etaMs={3000} />`.',
          'It is a `role="progressbar"` with `aria-valuenow` (absent while indeterminate) and an',
          '`aria-valuetext` carrying the stage and time left.',
        ].join(' '),
      },
    },
  },
  args: { durationMs: 1500, fail: false, label: 'Deploy', unstyled: false },
  argTypes: {
    ...faultArgTypes,
    durationMs: { control: { type: 'number' }, description: 'How long the demo job runs' },
    fail: { control: 'boolean', description: 'Make the job fail' },
  },
  render: ({ durationMs, fail, label, unstyled, ...faults }) => (
    <ProgressBar
      url={mockUrl('/sse/jobs/demo', faults, { durationMs, fail: fail ? 1 : undefined })}
      options={storyRetry}
      label={label}
      unstyled={unstyled}
    />
  ),
};

export default meta;
type Story = StoryObj<Args>;

/** A demo job: the value rises with the events and reaches 100 when done. */
export const Live: Story = {
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole('progressbar', { name: 'Deploy' });
    const seen: number[] = [];
    await waitFor(
      () => {
        const now = bar.getAttribute('aria-valuenow');
        if (now !== null) seen.push(Number(now));
        expect(bar.getAttribute('data-state')).toBe('done');
      },
      { timeout: 8000, interval: 20 },
    );
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('Done');
    expect(seen.some((v) => v > 0 && v < 100)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  },
};

/** A failing job ends in the `failed` state with the reason in the value text. */
export const Failing: Story = {
  args: { fail: true, durationMs: 800 },
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole('progressbar');
    await waitFor(() => expect(bar.getAttribute('data-state')).toBe('failed'), { timeout: 8000 });
    expect(bar.getAttribute('aria-valuetext')).toMatch(/^Failed/);
  },
};

type ViewArgs = {
  value: number;
  indeterminate: boolean;
  state?: ProgressState;
  stage: string;
  etaMs: number;
  label: string;
};

/** The controlled form. */
export const Controlled: StoryObj<ViewArgs> = {
  args: { value: 42, indeterminate: false, stage: 'Building', etaMs: 3000, label: 'Build' },
  argTypes: {
    value: { control: { type: 'range', min: 0, max: 100 } },
    state: {
      control: 'select',
      options: [undefined, 'running', 'done', 'failed', 'indeterminate'],
    },
  },
  // Named props only: the meta's args of the live stories (`durationMs`, `fail`) reach this
  // story's args too and are not attributes of the view.
  render: ({ value, indeterminate, state, stage, etaMs, label }) => (
    <ProgressBarView
      value={indeterminate ? null : value}
      state={state}
      stage={stage}
      etaMs={etaMs}
      label={label}
    />
  ),
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole('progressbar', { name: 'Build' });
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(bar.getAttribute('aria-valuetext')).toBe('42%, Building, about 3 sec left');
  },
};

/** No percent yet: no `aria-valuenow`. */
export const Indeterminate: StoryObj<ViewArgs> = {
  ...Controlled,
  args: { ...Controlled.args, indeterminate: true, stage: 'Queued' },
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole('progressbar');
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(bar.getAttribute('data-state')).toBe('indeterminate');
  },
};
