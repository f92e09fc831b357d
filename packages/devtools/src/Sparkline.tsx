/** Props of {@link Sparkline}. */
export interface SparklineProps {
  /** Samples, oldest first. */
  values: readonly number[];
  /** What the values are, for the accessible name (e.g. `events/s`). */
  unit: string;
  width?: number;
  height?: number;
}

/** A tiny line chart of the last samples, with an accessible summary. */
export function Sparkline({ values, unit, width = 120, height = 24 }: SparklineProps) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - 1 - (v / max) * (height - 2)).toFixed(1)}`)
    .join(' ');
  const last = values.at(-1) ?? 0;
  return (
    <svg
      className="ssekit-dt-spark"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${unit}, last ${values.length} s: now ${last}, peak ${Math.max(0, ...values)}`}
    >
      {values.length > 1 && (
        <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
      )}
    </svg>
  );
}
