import { describe, expect, it } from 'vitest';
import { initialLog, logReducer } from './logState';

const ev = (event: string, id = '') => ({ event, data: '', id });

describe('logReducer', () => {
  it('keeps a bounded window of lines and records the end', () => {
    const reduce = logReducer(3);
    let s = initialLog;
    for (let i = 1; i <= 5; i++)
      s = reduce(s, { line: i, level: 'info', text: `l${i}` }, ev('log'));
    expect(s.lines.map((l) => l.id)).toEqual([3, 4, 5]);
    expect(s.lines[0]).toMatchObject({ level: 'info', text: 'l3' });
    s = reduce(s, { status: 'failed' }, ev('end'));
    expect(s.end).toBe('failed');
  });

  it('accepts plain text data and unknown levels', () => {
    const s = logReducer(10)(initialLog, 'just text', ev('log', '7'));
    expect(s.lines[0]).toEqual({ id: '7', level: undefined, text: 'just text', time: undefined });
  });
});
