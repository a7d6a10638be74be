/**
 * Summaries of timing samples. Percentiles are nearest-rank: the value
 * reported was really measured, never interpolated between two samples.
 */

/** How a set of samples is reported. */
export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/**
 * The nearest-rank percentile `p` (0-100) of `samples`; NaN when there
 * are none.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  const index = Math.min(sorted.length - 1, Math.max(0, rank - 1));

  return sorted[index] ?? Number.NaN;
}

/** The median, as the 50th percentile. */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Count, p50, p95, p99, mean and max of `samples`. */
export function summarize(samples: readonly number[]): Summary {
  const total = samples.reduce((sum, sample) => sum + sample, 0);

  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    mean: samples.length === 0 ? Number.NaN : total / samples.length,
    max: samples.length === 0 ? Number.NaN : Math.max(...samples),
  };
}

/** `value` with `digits` decimals, as a number (for JSON). */
export function rounded(value: number, digits = 2): number {
  const scale = 10 ** digits;

  return Math.round(value * scale) / scale;
}

/**
 * A duration in milliseconds for a person: two significant decimals
 * below 1 ms, one below 10 ms, none above.
 */
export function formatMs(value: number): string {
  if (Number.isNaN(value)) return 'n/a';
  if (value < 1) return value.toFixed(2);
  if (value < 10) return value.toFixed(1);

  return value.toFixed(0);
}

/** `p50 / p95 / p99 ms` of a summary. */
export function formatPercentiles(summary: Summary): string {
  const parts = [summary.p50, summary.p95, summary.p99].map(formatMs);

  return `${parts.join(' / ')} ms`;
}
