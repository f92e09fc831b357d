import { forwardRef } from 'react';
import { formatDuration, formatList, numberFormat } from '../i18n/format';
import { type GroupText, useText } from '../i18n/LocaleProvider';
import type { ProgressLabels } from '../i18n/labels';
import { partClass, type StyleProps } from '../shared/classes';
import type { RootProps } from '../shared/props';

/** `running`, `done`, `failed`, or `indeterminate` (no known percent yet). */
export type ProgressState = 'running' | 'done' | 'failed' | 'indeterminate';

/** ProgressBarView's own props (besides the root `div`'s HTML attributes). */
export interface ProgressBarViewOwnProps extends StyleProps {
  /** Percent done (0-100); `null` or undefined for indeterminate. */
  value?: number | null;
  /** Default: `done` at 100, `indeterminate` without a value, else `running`. */
  state?: ProgressState;
  /** Current stage (`Building`, ...), shown and announced in the value text. */
  stage?: string;
  /** Estimated time left in ms. */
  etaMs?: number | null;
  /** Why it failed, shown when `state` is `failed`. */
  error?: string;
  /** Accessible name. Default: the `label` label (`Progress`). */
  label?: string;
  /** BCP 47 locale of the percent and the time left. Default: the `LocaleProvider`'s. */
  locale?: string;
  /** Words of this bar, over the `LocaleProvider`'s (English by default). */
  labels?: Partial<ProgressLabels>;
}

/** ProgressBarView's props: its own plus the HTML attributes of its root `div`. */
export type ProgressBarViewProps = RootProps<ProgressBarViewOwnProps, 'div'>;

/**
 * A progress bar (controlled) with `role="progressbar"`; stage and time left (in the locale's
 * words) in its value text.
 */
export const ProgressBarView = forwardRef<HTMLDivElement, ProgressBarViewProps>(
  function ProgressBarView(
    { value, state, stage, etaMs, error, label, locale, labels, className, unstyled, ...rest },
    ref,
  ) {
    const text = useText('progress', labels, locale);
    const known = typeof value === 'number' && Number.isFinite(value);
    const percent = known ? Math.min(100, Math.max(0, Math.round(value))) : null;
    const current: ProgressState =
      state ?? (percent === null ? 'indeterminate' : percent >= 100 ? 'done' : 'running');
    const valueText = describe(text, percent, current, stage, etaMs, error);
    const name = label ?? text.labels.label;
    return (
      <div
        {...rest}
        ref={ref}
        className={partClass('progress', unstyled, className)}
        data-ssekit="progress"
        data-state={current}
      >
        <div className={partClass('progress-header', unstyled)} data-ssekit="progress-header">
          <span className={partClass('progress-label', unstyled)} data-ssekit="progress-label">
            {name}
          </span>
          <span
            className={partClass('progress-text', unstyled)}
            data-ssekit="progress-text"
            data-state={current}
          >
            {valueText}
          </span>
        </div>
        <div
          className={partClass('progress-track', unstyled)}
          data-ssekit="progress-track"
          data-state={current}
          role="progressbar"
          aria-label={name}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          aria-valuetext={valueText}
        >
          <div
            className={partClass('progress-fill', unstyled)}
            data-ssekit="progress-fill"
            data-state={current}
            style={percent === null ? undefined : { inlineSize: `${percent}%` }}
          />
        </div>
      </div>
    );
  },
);

function describe(
  { labels: l, t, locale }: GroupText<'progress'>,
  percent: number | null,
  state: ProgressState,
  stage: string | undefined,
  etaMs: number | null | undefined,
  error: string | undefined,
): string {
  if (state === 'failed') return error ? t('failed', { error }) : l.failedUnknown;
  if (state === 'done') return l.done;
  const parts = [
    percent === null
      ? l.working
      : numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100),
  ];
  if (stage) parts.push(stage);
  if (typeof etaMs === 'number' && etaMs > 0) {
    parts.push(t('eta', { duration: formatDuration(etaMs, locale) }));
  }
  return formatList(parts, locale);
}
