import type { Decorator, Preview } from '@storybook/react-vite';
import { createElement, Fragment } from 'react';
import { SSEDevtools } from '../packages/devtools/src/index';
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

/** With "Streams" on in the toolbar, the devtools panel shows the streams of every story. */
const withStreams: Decorator = (Story, context) => {
  if (context.globals.streams !== 'on') return createElement(Story);
  const theme = context.globals.theme as string | undefined;
  return createElement(
    Fragment,
    null,
    createElement(Story),
    createElement(SSEDevtools, {
      theme: theme === 'light' || theme === 'dark' ? theme : 'system',
    }),
  );
};

const preview: Preview = {
  decorators: [withTheme, withStreams],
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
    streams: {
      description: 'Show the SSE devtools panel with the streams of the story',
      toolbar: {
        title: 'Streams',
        icon: 'lightning',
        items: [
          { value: 'off', title: 'Streams panel off' },
          { value: 'on', title: 'Streams panel on' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'system', streams: 'off' },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
