import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressBarView } from './ProgressBarView';

afterEach(cleanup);

describe('ProgressBarView', () => {
  it('exposes value, range and a value text with stage and ETA', () => {
    render(<ProgressBarView value={42.4} stage="Building" etaMs={3100} label="Deploy" />);
    const bar = screen.getByRole('progressbar', { name: 'Deploy' });
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('42%, Building, about 4 sec left');
    expect(bar.getAttribute('data-state')).toBe('running');
  });

  it('omits aria-valuenow when indeterminate', () => {
    render(<ProgressBarView value={null} stage="Queued" />);
    const bar = screen.getByRole('progressbar');
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(bar.getAttribute('data-state')).toBe('indeterminate');
    expect(bar.getAttribute('aria-valuetext')).toBe('Working…, Queued');
  });

  it('reports done and failed states', () => {
    const { rerender } = render(<ProgressBarView value={100} />);
    expect(screen.getByRole('progressbar').getAttribute('data-state')).toBe('done');
    rerender(<ProgressBarView value={60} state="failed" error="Disk full" />);
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('data-state')).toBe('failed');
    expect(bar.getAttribute('aria-valuetext')).toBe('Failed: Disk full');
    expect(bar.getAttribute('aria-valuenow')).toBe('60');
  });
});
