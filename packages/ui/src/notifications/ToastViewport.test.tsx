import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastViewport } from './ToastViewport';
import type { NotificationItem } from './types';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const item = (id: string, kind: NotificationItem['kind'] = 'info'): NotificationItem => ({
  id,
  kind,
  title: `Title ${id}`,
  body: `Body ${id}`,
});

function Harness({
  initial,
  durationMs = 1000,
}: {
  initial: NotificationItem[];
  durationMs?: number;
}) {
  const [toasts, setToasts] = useState(initial);
  return (
    <ToastViewport
      toasts={toasts}
      maxVisible={2}
      durationMs={durationMs}
      onDismiss={(id) => setToasts((t) => t.filter((x) => x.id !== id))}
    />
  );
}

const titles = () =>
  [...document.querySelectorAll('[data-ssekit="notification-title"]')].map((e) => e.textContent);

describe('ToastViewport', () => {
  it('has its polite live region from the first render', () => {
    render(<ToastViewport toasts={[]} onDismiss={() => {}} />);
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
  });

  it('shows maxVisible toasts, queues the rest and promotes on dismiss', () => {
    render(<Harness initial={[item('1'), item('2'), item('3', 'error')]} durationMs={0} />);
    expect(titles()).toEqual(['Title 1', 'Title 2']);
    expect(screen.getByText('1 more waiting')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Title 1' }));
    expect(titles()).toEqual(['Title 2', 'Title 3']);
    expect(document.querySelector('[data-kind="error"]')).not.toBeNull();
  });

  it('auto-dismisses, pausing while hovered', () => {
    render(<Harness initial={[item('1')]} />);
    const region = screen.getByRole('region', { name: 'Notification toasts' });
    act(() => vi.advanceTimersByTime(600));
    fireEvent.mouseEnter(region);
    act(() => vi.advanceTimersByTime(5000));
    expect(titles()).toEqual(['Title 1']);
    fireEvent.mouseLeave(region);
    act(() => vi.advanceTimersByTime(399));
    expect(titles()).toEqual(['Title 1']);
    act(() => vi.advanceTimersByTime(1));
    expect(titles()).toEqual([]);
  });

  it('pauses while focus is inside and while the page is hidden', () => {
    render(<Harness initial={[item('1')]} />);
    const button = screen.getByRole('button', { name: 'Dismiss: Title 1' });
    act(() => button.focus());
    act(() => vi.advanceTimersByTime(5000));
    expect(titles()).toEqual(['Title 1']);
    act(() => button.blur());
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    act(() => vi.advanceTimersByTime(5000));
    expect(titles()).toEqual(['Title 1']);
    visibility.mockReturnValue('visible');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    act(() => vi.advanceTimersByTime(1000));
    expect(titles()).toEqual([]);
    visibility.mockRestore();
  });

  it('announces a new toast once and renders markup as text', () => {
    const xss = {
      ...item('x'),
      title: '<img src=x onerror="window.__xss=1">',
      body: '<script>window.__xss=1</script>',
    };
    const { rerender } = render(<ToastViewport toasts={[]} onDismiss={() => {}} />);
    rerender(<ToastViewport toasts={[xss]} onDismiss={() => {}} />);
    expect(screen.getByRole('status').textContent).toBe(`Info: ${xss.title}. ${xss.body}`);
    expect(document.querySelector('img, script')).toBeNull();
    expect(titles()).toEqual([xss.title]);
    expect((window as { __xss?: unknown }).__xss).toBeUndefined();
  });

  it('keeps focus in the viewport when a focused toast is dismissed, and dismisses on Escape', () => {
    render(<Harness initial={[item('1'), item('2')]} durationMs={0} />);
    const first = screen.getByRole('button', { name: 'Dismiss: Title 1' });
    act(() => first.focus());
    fireEvent.click(first);
    const second = screen.getByRole('button', { name: 'Dismiss: Title 2' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second, { key: 'Escape' });
    expect(titles()).toEqual([]);
    expect(
      document.querySelector('[data-ssekit="toast-viewport"]')?.getAttribute('data-state'),
    ).toBe('running');
  });

  it('renders only safe links', () => {
    const toasts = [
      { ...item('a'), href: 'javascript:alert(1)' },
      { ...item('b'), href: 'https://example.com/x' },
    ];
    render(<ToastViewport toasts={toasts} onDismiss={() => {}} />);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/x']);
  });
});
