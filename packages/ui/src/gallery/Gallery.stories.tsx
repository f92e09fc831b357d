import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { galleryData } from './fixtures';
import { Gallery } from './Gallery';

const meta: Meta<typeof Gallery> = {
  title: 'Overview/All states',
  component: Gallery,
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component: [
          'Every component in its main states (live, loading, empty, stale, error, done) with fixed data.',
          'Pick a language and a direction in the toolbar: the words, numbers, times and layout follow.',
        ].join(' '),
      },
    },
  },
  // The toolbar's locale picks the data's language too.
  render: (_args, { globals }) => (
    <Gallery
      data={galleryData[(globals.locale as keyof typeof galleryData) ?? 'en'] ?? galleryData.en}
    />
  ),
};

export default meta;
type Story = StoryObj<typeof Gallery>;

/** In the toolbar's language (English by default). */
export const AllStates: Story = {};

/** Korean words, Korean numbers and times (axe checks this story too). */
export const Korean: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getAllByRole('table', { name: '시세' }).length).toBeGreaterThan(0);
  },
};

/** Arabic, right to left. */
export const ArabicRTL: Story = {
  globals: { locale: 'ar', dir: 'rtl' },
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelector('[dir="rtl"]')).not.toBeNull();
    expect(within(canvasElement).getAllByRole('table', { name: 'الأسعار' }).length).toBeGreaterThan(
      0,
    );
  },
};

/** The dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };
