import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionStatusView } from '../connection-status/ConnectionStatusView';
import { galleryData } from '../gallery/fixtures';
import { Gallery } from '../gallery/Gallery';
import { NotificationFeedView } from '../notifications/NotificationFeedView';
import { ToastViewport } from '../notifications/ToastViewport';
import { ProgressBarView } from '../progress/ProgressBarView';
import { TickerView } from '../ticker/TickerView';
import { emptyTicker } from '../ticker/tickerState';
import { ko } from './ko';
import { LocaleProvider, mergeLabels } from './LocaleProvider';
import { en, type Labels } from './labels';

afterEach(cleanup);

const item = { id: '1', kind: 'error' as const, title: 'Build failed' };

describe('label sets', () => {
  it('fall back to English for every missing label, never to a key', () => {
    const merged = mergeLabels(en, { locale: 'de', ticker: { label: 'Kurse', empty: undefined } });
    expect(merged.locale).toBe('de');
    expect(merged.ticker.label).toBe('Kurse');
    expect(merged.ticker.empty).toBe(en.ticker.empty);
    expect(merged.feed).toBe(en.feed);
  });

  it('Korean has every label English has', () => {
    const keys = (set: Labels) =>
      Object.entries(set).flatMap(([group, v]) =>
        group === 'time'
          ? []
          : typeof v === 'string'
            ? [group]
            : Object.keys(v).map((k) => `${group}.${k}`),
      );
    expect(keys(ko).sort()).toEqual(keys(en).sort());
  });
});

describe('overrides', () => {
  it('a component labels prop beats the provider, which beats English', () => {
    render(
      <LocaleProvider labels={{ ticker: { label: 'Kurse', empty: 'Noch keine Kurse' } }}>
        <TickerView quotes={emptyTicker} labels={{ empty: 'Leer' }} />
      </LocaleProvider>,
    );
    expect(screen.getByRole('table', { name: 'Kurse' })).toBeTruthy();
    expect(screen.getByText('Leer')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Symbol' })).toBeTruthy();
  });

  it('reach the live-region announcements and button names', () => {
    const labels = { announce: 'NEW {kind} / {title}', error: 'Problem', dismiss: 'Close {title}' };
    const { rerender } = render(<NotificationFeedView notifications={[]} labels={labels} />);
    const region = document.querySelector('[data-ssekit="feed-announcer"]')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    rerender(<NotificationFeedView notifications={[item]} labels={labels} onDismiss={() => {}} />);
    expect(region.textContent).toBe('NEW Problem / Build failed');
    expect(screen.getByRole('button', { name: 'Close Build failed' })).toBeTruthy();
  });

  it('reach the toasts announcement and the queued count (plural)', () => {
    const labels = { queued: { one: 'one more', other: '{count} more' }, announce: '! {title}' };
    const toasts = ['a', 'b', 'c'].map((id) => ({ ...item, id, title: id }));
    render(<ToastViewport toasts={toasts} onDismiss={() => {}} maxVisible={1} labels={labels} />);
    expect(screen.getByText('2 more')).toBeTruthy();
    const region = document.querySelector('[data-ssekit="toast-announcer"]')!;
    expect(region.textContent).toBe('! c');
  });
});

describe('numbers and durations follow the locale', () => {
  it('progress value text and ETA in German and Korean', () => {
    const { rerender } = render(
      <LocaleProvider locale="de">
        <ProgressBarView value={42} etaMs={185_000} />
      </LocaleProvider>,
    );
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuetext')?.replace(/\s/g, ' ')).toBe(
      '42 %, about 3 Min., 5 Sek. left',
    );
    rerender(
      <LocaleProvider labels={ko}>
        <ProgressBarView value={42} etaMs={185_000} />
      </LocaleProvider>,
    );
    expect(bar.getAttribute('aria-valuetext')).toBe('42% 약 3분 5초 남음');
  });

  it('the reconnect countdown in Korean', () => {
    render(
      <LocaleProvider labels={ko}>
        <ConnectionStatusView status="reconnecting" nextRetryAt={Date.now() + 2500} />
      </LocaleProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('연결: 3초 후 다시 연결');
  });
});

/** Every text node and every announced attribute under `root`. */
function renderedText(root: Element): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.textContent?.trim()) out.push(node.textContent.trim());
      continue;
    }
    for (const name of ['aria-label', 'aria-valuetext', 'title', 'alt', 'placeholder']) {
      const value = (node as Element).getAttribute(name);
      if (value) out.push(value);
    }
  }
  return out;
}

describe('a Korean render', () => {
  it('has no English word left, in any state, text or announcement', async () => {
    const { container, rerender } = render(
      <LocaleProvider labels={ko} timeZone="Asia/Seoul">
        <Gallery data={galleryData.ko} />
      </LocaleProvider>,
    );
    // Plus the announcements: a feed and toasts that receive a notification.
    rerender(
      <LocaleProvider labels={ko} timeZone="Asia/Seoul">
        <Gallery data={galleryData.ko} />
        <NotificationFeedView notifications={galleryData.ko.notifications} />
        <ToastViewport toasts={galleryData.ko.notifications} onDismiss={() => {}} maxVisible={1} />
      </LocaleProvider>,
    );
    await act(async () => {});
    const texts = renderedText(container);
    expect(texts.length).toBeGreaterThan(80);
    expect(texts.some((t) => t.includes('알림'))).toBe(true);
    const english = texts.filter((t) => /[A-Za-z]{2,}/.test(t));
    expect(english).toEqual([]);
  });
});
