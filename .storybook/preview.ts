import type { Decorator, Preview } from '@storybook/react-vite';
import { createElement, Fragment } from 'react';
import { SSEDevtools } from '../packages/devtools/src/index';
import { ar } from '../packages/ui/src/i18n/ar';
import { ko } from '../packages/ui/src/i18n/ko';
import { LocaleProvider } from '../packages/ui/src/i18n/LocaleProvider';
import type { LabelSet } from '../packages/ui/src/i18n/labels';
import '../packages/ui/src/styles.css';

/** Label sets of the toolbar's languages (English is the components' default). */
const LABELS: Record<string, LabelSet | undefined> = { en: undefined, ko, ar };
const RTL = new Set(['ar']);

/**
 * Applies the toolbar's theme (`data-theme`), language (a `LocaleProvider` with its label set,
 * `lang`) and direction (`dir`; `auto` follows the language) around each story.
 */
const withThemeAndLocale: Decorator = (Story, context) => {
  const theme = context.globals.theme as string | undefined;
  const locale = (context.globals.locale as string | undefined) ?? 'en';
  const dirGlobal = (context.globals.dir as string | undefined) ?? 'auto';
  const dir = dirGlobal === 'auto' ? (RTL.has(locale) ? 'rtl' : 'ltr') : dirGlobal;
  return createElement(
    LocaleProvider,
    { labels: LABELS[locale] },
    createElement(
      'div',
      {
        'data-theme': theme && theme !== 'system' ? theme : undefined,
        lang: locale,
        dir,
        style: {
          background: 'var(--ssekit-bg)',
          color: 'var(--ssekit-fg)',
          padding: '1rem',
          fontFamily: 'var(--ssekit-font)',
        },
      },
      createElement(Story),
    ),
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
  decorators: [withThemeAndLocale, withStreams],
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
    locale: {
      description: 'Language of the components (label set and Intl locale)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'ko', title: '한국어' },
          { value: 'ar', title: 'العربية (RTL)' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction (auto follows the language)',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: ['auto', 'ltr', 'rtl'],
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
  initialGlobals: { theme: 'system', locale: 'en', dir: 'auto', streams: 'off' },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
