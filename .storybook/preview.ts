import type { Decorator, Preview } from '@storybook/react-vite';
import { createElement } from 'react';
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

const preview: Preview = {
  decorators: [withThemeAndLocale],
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
  },
  initialGlobals: { theme: 'system', locale: 'en', dir: 'auto' },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
