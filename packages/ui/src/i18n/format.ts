import type { Message } from './labels';

// Intl objects are costly to create: one per locale and options, kept for the page's life
// (a page uses a handful of locales, so the cache stays small).
const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** A cached `Intl.NumberFormat`. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}) {
  return cached(
    `n|${locale}|${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(locale, options),
  );
}

/** Values of a message's `{name}` placeholders; numbers are formatted for the locale. */
export type MessageValues = Record<string, string | number | undefined>;

/**
 * Fills a message: picks the plural form for `values.count` with `Intl.PluralRules`, then
 * replaces each `{name}` (numbers through `Intl.NumberFormat`). A missing value becomes empty.
 */
export function formatMessage(message: Message, values: MessageValues, locale: string): string {
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = values.count;
    const rules = cached(`p|${locale}`, () => new Intl.PluralRules(locale));
    const form = typeof count === 'number' ? rules.select(count) : 'other';
    text = (form === 'other' ? undefined : message[form]) ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) return '';
    return typeof value === 'number' ? numberFormat(locale).format(value) : value;
  });
}

const UNITS = [
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
] as const;

/**
 * A duration in the locale's words, rounded up to whole seconds: `Intl.NumberFormat` units
 * joined with `Intl.ListFormat` (`3 min 5 sec`, `3분 5초`).
 */
export function formatDuration(ms: number, locale: string): string {
  let left = Math.max(0, Math.ceil(ms / 1000));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const amount = Math.floor(left / size);
    left -= amount * size;
    if (amount > 0 || (unit === 'second' && parts.length === 0)) {
      const format = numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' });
      parts.push(format.format(amount));
    }
  }
  const list = cached(
    `l|${locale}`,
    () => new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }),
  );
  return list.format(parts);
}

/** The time until `ms` from now in the locale's words (`in 3 seconds`, `3초 후`). */
export function formatIn(ms: number, locale: string): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const relative = cached(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale));
  return seconds < 60
    ? relative.format(seconds, 'second')
    : relative.format(Math.ceil(seconds / 60), 'minute');
}

/** Joins parts the locale's way (`a, b, c`; `a، b`) with `Intl.ListFormat`. */
export function formatList(parts: readonly string[], locale: string): string {
  const list = cached(
    `u|${locale}`,
    () => new Intl.ListFormat(locale, { type: 'unit', style: 'short' }),
  );
  return list.format(parts);
}

/** A clock time in the locale's style (`6:21 PM`, `18:21`) with `Intl.DateTimeFormat`. */
export function formatTime(
  epochMs: number,
  locale: string,
  options: Intl.DateTimeFormatOptions = { timeStyle: 'short' },
  timeZone?: string,
): string {
  const format = cached(
    `t|${locale}|${timeZone ?? ''}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, { ...options, timeZone }),
  );
  return format.format(epochMs);
}
