/** One point of the line. */
export interface SparklinePoint {
  time: number;
  price: number;
}

export interface SparklineProps {
  /** Oldest first. */
  points: readonly SparklinePoint[];
  /** Accessible description, e.g. "AAPL over the last 5 minutes". */
  label: string;
}

/** A small SVG line of prices over time, coloured by its direction over the window. */
export function Sparkline({ points, label }: SparklineProps) {
  const width = 120;
  const height = 36;
  if (points.length < 2) {
    return <svg className="mk-spark" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" />;
  }
  const first = points[0]!;
  const last = points[points.length - 1]!;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.price);
    hi = Math.max(hi, p.price);
  }
  const span = hi - lo || 1;
  const t0 = first.time;
  const dt = last.time - t0 || 1;
  const line = points
    .map((p) => {
      const x = ((p.time - t0) / dt) * width;
      const y = height - 2 - ((p.price - lo) / span) * (height - 4);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  const trend = last.price >= first.price ? 'up' : 'down';
  const move = `${trend === 'up' ? 'up' : 'down'} from ${first.price} to ${last.price}`;
  return (
    <svg
      className="mk-spark"
      data-trend={trend}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`${label}: ${move}`}
    >
      <polyline points={line} fill="none" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
