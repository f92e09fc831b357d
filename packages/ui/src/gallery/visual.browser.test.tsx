import axe from 'axe-core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../styles.css';
import { ar } from '../i18n/ar';
import { ko } from '../i18n/ko';
import { LocaleProvider } from '../i18n/LocaleProvider';
import type { LabelSet } from '../i18n/labels';
import { galleryData } from './fixtures';
import { Gallery } from './Gallery';

// Screenshots of every component state with fixed data, compared with the checked-in baselines
// in __screenshots__/ (refresh them on purpose with `npx vitest run --project browser
// packages/ui --update`). Animations are off so the pixels are deterministic.

interface Variant {
  name: string;
  locale: 'en' | 'ko' | 'ar';
  theme: 'light' | 'dark';
  dir: 'ltr' | 'rtl';
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const LABELS: Record<Variant['locale'], LabelSet | undefined> = { en: undefined, ko, ar };

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = undefined;
});

beforeAll(async () => {
  const style = document.createElement('style');
  style.textContent =
    '*, *::before, *::after { animation: none !important; transition: none !important; }' +
    'body { margin: 0; }';
  document.head.append(style);
  // The tester frame is scaled down to fit a 1280 x 720 window; this size keeps it at 1:1.
  await page.viewport(1280, 720);
});

async function mount({ locale, theme, dir }: Variant): Promise<HTMLElement> {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () =>
    root?.render(
      <LocaleProvider labels={LABELS[locale]} timeZone="UTC">
        <main
          data-testid="shot"
          data-theme={theme}
          dir={dir}
          lang={locale}
          style={{
            background: 'var(--ssekit-bg)',
            color: 'var(--ssekit-fg)',
            padding: 16,
            inlineSize: 'fit-content',
            fontFamily: 'var(--ssekit-font)',
          }}
        >
          <Gallery data={galleryData[locale]} />
        </main>
      </LocaleProvider>,
    ),
  );
  await document.fonts.ready;
  return host.querySelector('main') as HTMLElement;
}

const variants: Variant[] = [
  { name: 'en-light', locale: 'en', theme: 'light', dir: 'ltr' },
  { name: 'en-dark', locale: 'en', theme: 'dark', dir: 'ltr' },
  { name: 'ko-light', locale: 'ko', theme: 'light', dir: 'ltr' },
  { name: 'ar-rtl-dark', locale: 'ar', theme: 'dark', dir: 'rtl' },
];

describe('every component state, in Chromium', () => {
  it.each(variants)('$name matches its baseline and passes axe', async (variant) => {
    const main = await mount(variant);
    const results = await axe.run(main, { resultTypes: ['violations'] });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
    await expect.element(page.getByTestId('shot')).toMatchScreenshot(variant.name, {
      comparatorOptions: { allowedMismatchedPixelRatio: 0.002 },
    });
  });
});

const box = (el: Element | null | undefined) => (el as Element).getBoundingClientRect();

describe('right to left, in Chromium', () => {
  it('mirrors every component with logical properties', async () => {
    const main = await mount({ name: 'rtl', locale: 'ar', theme: 'light', dir: 'rtl' });
    const q = (selector: string) => main.querySelector(selector);
    // Ticker: the symbol column is the rightmost, numbers at the inline end (left).
    const heads = main.querySelectorAll('[data-ssekit="ticker-table"] th[scope="col"]');
    expect(box(heads[0]).left).toBeGreaterThan(box(heads[1]).left);
    // Feed items and toasts: the kind stripe is on the right.
    const item = q('[data-ssekit="feed-item"]') as HTMLElement;
    expect(getComputedStyle(item).borderRightWidth).toBe('4px');
    expect(getComputedStyle(item).borderLeftWidth).toBe('1px');
    // The dismiss button sits at the inline end (left) of its item.
    expect(box(item.querySelector('[data-ssekit="feed-dismiss"]')).left).toBeLessThan(
      box(item.querySelector('[data-ssekit="notification-title"]')).left,
    );
    // Progress fills from the right.
    const track = q('[data-ssekit="progress-track"]');
    const fill = q('[data-ssekit="progress-fill"]');
    expect(Math.abs(box(fill).right - box(track).right)).toBeLessThanOrEqual(1);
    expect(box(fill).left).toBeGreaterThan(box(track).left + 10);
    // Connection status: the dot comes first, on the right.
    const status = q('[data-ssekit="connection-status"]');
    expect(box(status?.querySelector('[data-ssekit="connection-dot"]')).left).toBeGreaterThan(
      box(status?.querySelector('[data-ssekit="connection-text"]')).left,
    );
    // The queued-toasts pill sits at the inline end (left).
    const toasts = q('[data-ssekit="toast-viewport"]');
    expect(box(q('[data-ssekit="toast-queued"]')).left).toBeLessThan(box(toasts).left + 4);
  });
});
