import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type LogLine, LogStreamView } from './LogStreamView';

afterEach(cleanup);

const make = (n: number): LogLine[] =>
  Array.from({ length: n }, (_, i) => ({ id: i, level: 'info', text: `line ${i}` }));

describe('LogStreamView', () => {
  it('renders ANSI colours as classed spans and strips other codes', () => {
    render(
      <LogStreamView
        lines={[{ id: 1, level: 'error', text: '\u001b[31mboom\u001b[0m \u001b[2Kdone' }]}
      />,
    );
    const line = document.querySelector('[data-ssekit="log-line"]')!;
    expect(line.getAttribute('data-level')).toBe('error');
    expect(line.textContent).toBe('errorboom done');
    expect(line.querySelector('.ssekit-ansi-red')?.textContent).toBe('boom');
  });

  it('renders only the visible window of a long log and keeps at most maxEvents', () => {
    render(
      <LogStreamView
        lines={make(10_000)}
        maxEvents={2000}
        height={200}
        rowHeight={20}
        overscan={5}
      />,
    );
    const rendered = document.querySelectorAll('[data-ssekit="log-line"]');
    expect(rendered.length).toBeLessThanOrEqual(10 + 2 * 5 + 1);
    expect(rendered[rendered.length - 1]?.textContent).toContain('line 9999');
    const spacer = screen.getByRole('log').firstElementChild as HTMLElement;
    expect(spacer.style.height).toBe(`${2000 * 20}px`);
  });

  it('stops following when scrolled up and offers a jump back', () => {
    const { rerender } = render(<LogStreamView lines={make(100)} height={200} rowHeight={20} />);
    const log = screen.getByRole('log', { name: 'Log' });
    expect(log.scrollTop).toBe(100 * 20 - 200);
    log.scrollTop = 0;
    fireEvent.scroll(log);
    const jump = screen.getByRole('button', { name: 'Jump to latest' });
    rerender(<LogStreamView lines={make(120)} height={200} rowHeight={20} />);
    expect(log.scrollTop).toBe(0);
    expect(document.querySelector('[data-ssekit="log-line"]')?.textContent).toContain('line 0');
    fireEvent.click(jump);
    expect(log.scrollTop).toBe(120 * 20 - 200);
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  });

  it('keeps the top line in place while scrolled up and old lines drop out', () => {
    const window = (from: number) => make(from + 100).slice(from);
    const { rerender } = render(<LogStreamView lines={window(0)} height={200} rowHeight={20} />);
    const log = screen.getByRole('log');
    log.scrollTop = 200;
    fireEvent.scroll(log);
    rerender(<LogStreamView lines={window(5)} height={200} rowHeight={20} />);
    expect(log.scrollTop).toBe(100);
    const top = [...document.querySelectorAll<HTMLElement>('[data-ssekit="log-line"]')].find(
      (row) => row.style.top === '100px',
    );
    expect(top?.textContent).toContain('line 10');
  });
});
