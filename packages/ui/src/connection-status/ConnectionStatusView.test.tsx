import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionStatusView } from './ConnectionStatusView';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ConnectionStatusView', () => {
  it('names each state in a status region', () => {
    const { rerender } = render(<ConnectionStatusView status="open" />);
    expect(screen.getByRole('status').textContent).toBe('Connection: live');
    rerender(<ConnectionStatusView status="closed" error={new Error('HTTP 404')} />);
    expect(screen.getByRole('status').textContent).toBe('Connection failed: HTTP 404');
    expect(
      document.querySelector('[data-ssekit="connection-status"]')?.getAttribute('data-state'),
    ).toBe('error');
  });

  it('counts down to the next attempt and offers Reconnect', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    const onReconnect = vi.fn();
    render(
      <ConnectionStatusView
        status="reconnecting"
        nextRetryAt={1_003_000}
        onReconnect={onReconnect}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Connection: reconnecting in 3 seconds');
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByRole('status').textContent).toBe('Connection: reconnecting in 2 seconds');
    screen.getByRole('button', { name: 'Reconnect' }).click();
    expect(onReconnect).toHaveBeenCalledOnce();
  });

  it('stops its timer when no longer reconnecting', () => {
    vi.useFakeTimers();
    const { rerender } = render(
      <ConnectionStatusView status="reconnecting" nextRetryAt={Date.now() + 5000} />,
    );
    expect(vi.getTimerCount()).toBe(1);
    rerender(<ConnectionStatusView status="open" />);
    expect(vi.getTimerCount()).toBe(0);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
