/**
 * The rows items 1 and 3 make of the latency levels. The target of item
 * 1 is held to the paced level with 50 calls on the line; the back to
 * back levels are shown as a stress figure, with no target.
 */
import type { BenchRow } from './bench-table';
import type { RequestCounts } from './request-counter';
import { formatCounts, type LatencyLevel } from './sma-latency';
import { formatMs, formatPercentiles } from './stats';

/** The calls on the line the p99 target is set for. */
export const TARGET_LINES = 50;

/** What a level's callers were, for a row's measure. */
export function levelName(level: LatencyLevel): string {
  const n = level.concurrency;
  if (level.pacing.kind === 'back-to-back') {
    return `stress: ${n} caller${n === 1 ? '' : 's'} back to back, answering at once`;
  }

  return (
    `${n} call${n === 1 ? '' : 's'} on the line at ` +
    `${level.pacing.compression}x a caller's pace`
  );
}

/** What a level's invocation figures stand on. */
function sampleNote(level: LatencyLevel): string {
  const busy =
    level.pacing.kind === 'paced' && level.concurrency > 1
      ? ' with every line busy'
      : '';
  const timedOut = level.timedOut > 0 ? `, ${level.timedOut} timed out` : '';
  const failed = level.failedCalls > 0 ? `, ${level.failedCalls} failed` : '';

  return (
    `${level.invocations.count} invocations${busy}${timedOut}, ` +
    `${level.calls} calls${failed}`
  );
}

/** Item 1's rows: one per level, in the order measured. */
export function latencyRows(levels: readonly LatencyLevel[]): BenchRow[] {
  return levels.map((level) => ({
    section: 1,
    measure:
      `sma invocation p50 / p95 / p99, ${levelName(level)} ` +
      `(${sampleNote(level)})`,
    result:
      `${formatPercentiles(level.invocations)} (placing the order: p99 ` +
      `${formatMs(level.byKind.place.p99)} ms; ` +
      `${level.invocationsPerSecond.toFixed(0)} invocations/s)`,
    ...(holdsTheTarget(level) && {
      value: level.failedCalls === 0 ? level.invocations.p99 : Number.NaN,
      target: { kind: 'below', limit: 50, unit: 'ms' },
    }),
  }));
}

function holdsTheTarget(level: LatencyLevel): boolean {
  return level.pacing.kind === 'paced' && level.concurrency === TARGET_LINES;
}

/**
 * Item 3's rows for orders: the first call, then the back to back
 * levels. At a compressed pace the menu cache outlives more of a call
 * than it would with people, so paced levels stay in the JSON only.
 */
export function orderRequestRows(
  firstCall: RequestCounts,
  levels: readonly LatencyLevel[],
): BenchRow[] {
  const backToBack = levels.filter(
    (level) => level.pacing.kind === 'back-to-back',
  );
  const steady = backToBack.find((level) => level.concurrency === 1);
  const loaded = backToBack.filter((level) => level.concurrency !== 1);

  return [
    {
      section: 3,
      measure: 'DynamoDB requests, first order (menu not cached yet)',
      result: formatCounts(firstCall),
    },
    ...(steady === undefined
      ? []
      : [
          {
            section: 3,
            measure:
              `DynamoDB requests per order, steady (${steady.calls} calls, ` +
              '1 at a time, answered at once)',
            result: formatCounts(steady.requestsPerOrder),
            value: steady.requestsPerOrder.total,
            target: { kind: 'at-most', limit: 4 } as const,
          },
        ]),
    ...loaded.map((level) => ({
      section: 3,
      measure: `DynamoDB requests per order, ${levelName(level)}`,
      result: formatCounts(level.requestsPerOrder),
    })),
  ];
}
