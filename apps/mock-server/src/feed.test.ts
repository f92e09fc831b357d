import { describe, expect, it } from 'vitest';
import { MAX_RESUME_INDEX, resumePoint } from './epochs';
import { numbered, resume } from './feed';

const E = 'e1';

const letters = () => numbered((i) => ({ data: String.fromCharCode(97 + i) }), 3);
const drain = (feed: ReturnType<typeof letters>) => {
  const out: unknown[] = [];
  for (let msg = feed(); msg; msg = feed()) out.push([msg.id, msg.data]);
  return out;
};

describe('feeds', () => {
  it('numbers events from 1 and stops at the limit', () => {
    expect(drain(letters())).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
  });

  it('jumps a seekable feed to the resume point without making what it skips', () => {
    let made = 0;
    const feed = () =>
      numbered(
        (i) => {
          made++;
          return i < MAX_RESUME_INDEX + 5 ? { data: i } : undefined;
        },
        Infinity,
        { seekable: true },
      );
    const rest = resume(feed(), E, `e1-${MAX_RESUME_INDEX}`)!;
    expect(rest()).toEqual({ data: MAX_RESUME_INDEX, id: `e1-${MAX_RESUME_INDEX + 1}` });
    expect(made).toBeLessThan(5);
    expect(resume(feed(), E, `e1-${MAX_RESUME_INDEX - 1}`)).toBeDefined();
    const ended = numbered((i) => ({ data: i }), 3, { seekable: true });
    expect(resume(ended, E, 'e1-3')).toBeUndefined();
  });

  it('resumes after the last event ID of its epoch, and reports a feed that already ended', () => {
    expect(drain(resume(letters(), E, 'e1-1')!)).toEqual([
      ['e1-2', 'b'],
      ['e1-3', 'c'],
    ]);
    expect(drain(resume(letters(), E, undefined)!)).toHaveLength(3);
    expect(resume(letters(), E, 'e1-3')).toBeUndefined();
    expect(resume(letters(), E, 'e1-7')).toBeUndefined();
  });

  it('starts over after a reset for an id of another history or too far back', () => {
    for (const id of ['1', 'e2-1', 'e1-x', `e1-${MAX_RESUME_INDEX + 1}`]) {
      const rest = resume(letters(), E, id)!;
      expect(rest()).toEqual({ event: 'reset', data: { oldestId: 'e1-1', latestId: null } });
      expect(drain(rest)).toEqual([
        ['e1-1', 'a'],
        ['e1-2', 'b'],
        ['e1-3', 'c'],
      ]);
    }
  });

  it('reads the resume point of an id against the epoch', () => {
    expect(resumePoint(E, 'e1-12')).toEqual({ index: 12, reset: false });
    expect(resumePoint(E, undefined)).toEqual({ index: 0, reset: false });
    expect(resumePoint(E, '12')).toEqual({ index: 0, reset: true });
    expect(resumePoint(E, 'e2-12')).toEqual({ index: 0, reset: true });
    expect(resumePoint(E, 'e1--1')).toEqual({ index: 0, reset: true });
    expect(resumePoint(E, `e1-${MAX_RESUME_INDEX + 1}`)).toEqual({ index: 0, reset: true });
    expect(resumePoint(E, `e1-${'1'.repeat(30)}`)).toEqual({ index: 0, reset: true });
  });
});
