import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { formatMessage, type MessageValues } from './format';
import { en, type LabelGroup, type LabelSet, type Labels, type Message } from './labels';

/** What the provider gives the components below it. */
export interface LocaleContextValue {
  locale: string;
  labels: Labels;
  timeZone?: string;
}

const LocaleContext = createContext<LocaleContextValue>({ locale: en.locale, labels: en });

/** LocaleProvider's props. */
export interface LocaleProviderProps {
  /** Words for every component below; any label left out stays English. */
  labels?: LabelSet;
  /** BCP 47 locale for numbers, dates and plurals. Default: the label set's `locale`. */
  locale?: string;
  /** IANA time zone for notification times. Default: the browser's. */
  timeZone?: string;
  children?: ReactNode;
}

/** Merges a partial label set over English, group by group (never leaves a label missing). */
export function mergeLabels(base: Labels, set: LabelSet | undefined): Labels {
  if (!set) return base;
  const out = {
    ...base,
    locale: set.locale ?? base.locale,
    time: set.time ?? base.time,
  } as Record<string, unknown>;
  for (const group of Object.keys(base) as (keyof Labels)[]) {
    if (group === 'locale' || group === 'time') continue;
    const part = set[group];
    if (part) out[group] = { ...base[group], ...defined(part) };
  }
  return out as unknown as Labels;
}

function defined<T extends object>(part: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(part)) {
    if (value !== undefined) out[key as keyof T] = value;
  }
  return out;
}

/**
 * Sets the language of every @ssekit/ui component below it: its words (a label set such as
 * `ko`, or your own, merged over English) and the locale of its numbers, dates and plurals.
 * Text direction comes from the page: set `dir="rtl"` on `<html>` or any ancestor.
 *
 * @example
 * <LocaleProvider labels={ko}><Ticker url="/sse/ticker" /></LocaleProvider>
 */
export function LocaleProvider({ labels, locale, timeZone, children }: LocaleProviderProps) {
  const outer = useContext(LocaleContext);
  const value = useMemo<LocaleContextValue>(() => {
    const merged = mergeLabels(outer.labels, labels);
    return {
      labels: merged,
      locale: locale ?? labels?.locale ?? outer.locale,
      timeZone: timeZone ?? outer.timeZone,
    };
  }, [outer, labels, locale, timeZone]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** One group's words (provider, then the component's `labels` prop) and a formatter for them. */
export interface GroupText<G extends LabelGroup> {
  locale: string;
  timeZone?: string;
  /** `Intl.DateTimeFormat` options of clock times, from the label set. */
  time: Intl.DateTimeFormatOptions;
  labels: Labels[G];
  /** Fills one label with values (plural and numbers through `Intl`). */
  t(key: keyof Labels[G], values?: MessageValues): string;
}

/**
 * The words of one group for a component: English, then the provider's set, then the component's
 * own `labels` prop; and the locale (`locale` prop, provider, label set).
 */
export function useText<G extends LabelGroup>(
  group: G,
  override?: Partial<Labels[G]>,
  localeProp?: string,
): GroupText<G> {
  const context = useContext(LocaleContext);
  return useMemo(() => {
    const labels = override
      ? ({ ...context.labels[group], ...defined(override) } as Labels[G])
      : context.labels[group];
    const locale = localeProp ?? context.locale;
    return {
      locale,
      timeZone: context.timeZone,
      time: context.labels.time,
      labels,
      t: (key, values = {}) => formatMessage(labels[key] as Message, values, locale),
    };
  }, [context, group, override, localeProp]);
}
