import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as md from './markdown';
import { TokenStreamView } from './TokenStreamView';

vi.mock('./markdown', async (importOriginal) => {
  const real = await importOriginal<typeof import('./markdown')>();
  return { ...real, parseInline: vi.fn(real.parseInline) };
});

afterEach(() => {
  cleanup();
  vi.mocked(md.parseInline).mockClear();
});

describe('TokenStreamView', () => {
  it('renders raw HTML from the stream as inert text', () => {
    const text = 'Look: <img src=x onerror="window.__xss=1"> <script>window.__xss=1</script>';
    render(<TokenStreamView text={text} status="done" />);
    expect(document.querySelector('img, script')).toBeNull();
    expect(document.querySelector('[data-ssekit="md-paragraph"]')?.textContent).toBe(text);
    expect((window as { __xss?: unknown }).__xss).toBeUndefined();
  });

  it('re-renders only the last block per token', () => {
    const base = 'First **para**.\n\nSecond';
    const { rerender } = render(<TokenStreamView text={base} status="streaming" />);
    vi.mocked(md.parseInline).mockClear();
    rerender(<TokenStreamView text={`${base} grows`} status="streaming" />);
    const parsed = vi.mocked(md.parseInline).mock.calls.map((c) => c[0]);
    expect(parsed).toContain('Second grows');
    expect(parsed).not.toContain('First **para**.');
  });

  it('shows a caret and a Stop button while streaming, announces the answer once done', () => {
    const onStop = vi.fn();
    const { rerender } = render(<TokenStreamView text="Hel" status="streaming" onStop={onStop} />);
    expect(document.querySelector('[data-ssekit="token-stream-caret"]')).not.toBeNull();
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    screen.getByRole('button', { name: 'Stop' }).click();
    expect(onStop).toHaveBeenCalledOnce();
    rerender(<TokenStreamView text="Hello **world**" status="done" onStop={onStop} />);
    expect(document.querySelector('[data-ssekit="token-stream-caret"]')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Hello world');
    expect(screen.getByRole('status')).toBe(status);
  });

  it('renders an unclosed code fence as a code block and unclosed ** as text', () => {
    render(<TokenStreamView text={'Try **this\n\n```js\nlet a'} status="streaming" />);
    expect(screen.getByText('Try **this')).toBeTruthy();
    const pre = document.querySelector('pre');
    expect(pre?.textContent).toBe('let a');
    expect(pre?.getAttribute('data-state')).toBe('open');
  });

  it('renders only safe links', () => {
    render(
      <TokenStreamView text="[ok](https://example.com) [bad](javascript:alert(1))" status="done" />,
    );
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://example.com/');
  });
});
