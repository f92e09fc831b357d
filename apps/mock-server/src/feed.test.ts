import { describe, expect, it } from 'vitest';
import { MAX_RESUME_INDEX, numbered, resume, resumeIndex } from './feed';

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
    const rest = resume(feed(), String(MAX_RESUME_INDEX))!;
    expect(rest()).toEqual({ data: MAX_RESUME_INDEX, id: MAX_RESUME_INDEX + 1 });
    expect(made).toBeLessThan(5);
    expect(resume(feed(), String(MAX_RESUME_INDEX - 1))).toBeDefined();
    const ended = numbered((i) => ({ data: i }), 3, { seekable: true });
    expect(resume(ended, '3')).toBeUndefined();
  });

  it('resumes after the last event ID, and reports a feed that already ended', () => {
    expect(drain(resume(letters(), '1')!)).toEqual([
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(drain(resume(letters(), undefined)!)).toHaveLength(3);
    expect(resume(letters(), '3')).toBeUndefined();
    expect(resume(letters(), '7')).toBeUndefined();
  });

  it('starts over for an ID that is not a number or too far back', () => {
    expect(resumeIndex('12')).toBe(12);
    expect(resumeIndex('x1')).toBe(0);
    expect(resumeIndex('-1')).toBe(0);
    expect(resumeIndex(String(MAX_RESUME_INDEX + 1))).toBe(0);
    expect(resumeIndex('1'.repeat(30))).toBe(0);
  });
});
