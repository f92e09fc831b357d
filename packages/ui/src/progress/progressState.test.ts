import { describe, expect, it } from 'vitest';
import { initialProgress, progressReducer } from './progressState';

const ev = (event: string) => ({ event, data: '', id: '1' });

describe('progressReducer', () => {
  it('follows progress to done', () => {
    let s = progressReducer(
      initialProgress,
      { percent: 40, stage: 'Building', etaMs: 900 },
      ev('progress'),
    );
    expect(s).toEqual({ percent: 40, state: 'running', stage: 'Building', etaMs: 900 });
    s = progressReducer(s, { result: 'ok' }, ev('done'));
    expect(s).toMatchObject({
      percent: 100,
      state: 'done',
      stage: 'Building',
      result: 'ok',
      etaMs: null,
    });
  });

  it('keeps the last percent on failure and ignores other events', () => {
    let s = progressReducer(initialProgress, { percent: 70 }, ev('progress'));
    expect(progressReducer(s, { x: 1 }, ev('other'))).toBe(s);
    s = progressReducer(s, { error: 'Tests failed' }, ev('failed'));
    expect(s).toMatchObject({ percent: 70, state: 'failed', error: 'Tests failed' });
    expect(progressReducer(initialProgress, 'garbage', ev('failed')).error).toBe('The job failed');
  });
});
