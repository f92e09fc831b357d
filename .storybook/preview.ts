import type { Decorator, Preview } from '@storybook/react-vite';
import { createElement } from 'react';
import '../packages/ui/src/styles.css';

/** Applies the toolbar theme (`data-theme`) around each story, on the ssekit tokens' background. */
const withTheme: Decorator = (Story, context) => {
  const theme = context.globals.theme as string | undefined;
  return createElement(
    'div',
    {
      'data-theme': theme && theme !== 'system' ? theme : undefined,
      style: {
        background: 'var(--ssekit-bg)',
        color: 'var(--ssekit-fg)',
        padding: '1rem',
        fontFamily: 'var(--ssekit-font)',
      },
    },
    createElement(Story),
  );
};

const preview: Preview = {
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'Colour theme of the ssekit tokens',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: ['system', 'light', 'dark'],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'system' },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
