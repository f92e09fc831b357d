import { describe, expect, it } from 'vitest';
import { formatDuration, formatIn, formatList, formatMessage, formatTime } from './format';

describe('formatMessage', () => {
  it('picks the plural form with Intl.PluralRules and formats numbers for the locale', () => {
    const message = { one: '{count} item', other: '{count} items' };
    expect(formatMessage(message, { count: 1 }, 'en')).toBe('1 item');
    expect(formatMessage(message, { count: 1234 }, 'en')).toBe('1,234 items');
    expect(formatMessage(message, { count: 1234 }, 'de')).toBe('1.234 items');
    // Arabic has six plural categories; a missing one falls back to `other`.
    expect(formatMessage({ two: 'pair', other: 'some' }, { count: 2 }, 'ar')).toBe('pair');
    expect(formatMessage({ two: 'pair', other: 'some' }, { count: 3 }, 'ar')).toBe('some');
  });

  it('fills placeholders and leaves a missing value empty, never a key', () => {
    expect(formatMessage('{kind}: {title}', { kind: 'Error' }, 'en')).toBe('Error: ');
  });
});

describe('durations, times and lists follow the locale', () => {
  it('formats durations with NumberFormat units joined by ListFormat', () => {
    expect(formatDuration(185_000, 'en')).toBe('3 min 5 sec');
    expect(formatDuration(185_000, 'ko')).toBe('3분 5초');
    expect(formatDuration(400, 'en')).toBe('1 sec');
    expect(formatDuration(3_600_000, 'en')).toBe('1 hr');
  });

  it('formats countdowns with RelativeTimeFormat', () => {
    expect(formatIn(2500, 'en')).toBe('in 3 seconds');
    expect(formatIn(2500, 'ko')).toBe('3초 후');
    expect(formatIn(90_000, 'en')).toBe('in 2 minutes');
  });

  it('formats times with DateTimeFormat and lists with ListFormat', () => {
    const at = Date.UTC(2026, 0, 15, 18, 5);
    expect(formatTime(at, 'en', undefined, 'UTC')).toBe('6:05 PM');
    expect(
      formatTime(at, 'ko', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'UTC'),
    ).toBe('18:05');
    expect(formatList(['42%', 'Building'], 'en')).toBe('42%, Building');
  });
});
