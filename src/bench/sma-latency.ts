/**
 * Items 1 and 3: the sma handler's time per invocation, and its DynamoDB
 * requests per completed order, with 1, 10 and 50 callers on the line.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BenchRow } from './bench-table';
import type { LoadedFunction } from './bench-stack';
import {
  type InvocationKind,
  InvocationTimer,
  placeOrders,
} from './keypad-calls';
import { countsBetween, type RequestCounts } from './request-counter';
import {
  formatMs,
  formatPercentiles,
  rounded,
  summarize,
  type Summary,
} from './stats';

/** One concurrency level's results. */
export interface LatencyLevel {
  concurrency: number;
  calls: number;
  failedCalls: number;
  /** Why calls placed no order (see failureOf), with how many. */
  failures: Record<string, number>;
  seconds: number;
  /** Invocations answered per second over the level. */
  invocationsPerSecond: number;
  invocations: Summary;
  byKind: Record<InvocationKind, Summary>;
  /** DynamoDB requests over the level, divided by the orders placed. */
  requestsPerOrder: RequestCounts;
  /**
   * How late this process's event loop ran (ms): every simulated caller
   * shares it, so this much of a latency is waiting, not the handler.
   */
  eventLoopDelay: { p50: number; p99: number };
}

/** Calls per level, and unmeasured calls before the first. */
export interface LatencyPlan {
  levels: { concurrency: number; calls: number }[];
  warmupCalls: number;
}

const KINDS: InvocationKind[] = ['answer', 'keypress', 'place'];

/** Runs each level in turn, after the warm-up calls. */
export async function measureSmaLatency(
  sma: LoadedFunction,
  plan: LatencyPlan,
): Promise<LatencyLevel[]> {
  const warmup = new InvocationTimer();
  await placeOrders(warmup.invoker(sma), plan.warmupCalls, 1);
  await warmup.settled();
  const levels: LatencyLevel[] = [];
  for (const { concurrency, calls } of plan.levels) {
    levels.push(await measureLevel(sma, concurrency, calls));
  }

  return levels;
}

async function measureLevel(
  sma: LoadedFunction,
  concurrency: number,
  calls: number,
): Promise<LatencyLevel> {
  const timer = new InvocationTimer();
  const before = sma.requests.counts();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const batch = await placeOrders(timer.invoker(sma), calls, concurrency);
  await timer.settled();
  delay.disable();
  const requests = countsBetween(before, sma.requests.counts());
  const orders = calls - batch.failed;

  return {
    concurrency,
    calls,
    failedCalls: batch.failed,
    failures: batch.failures,
    seconds: rounded(batch.seconds),
    invocationsPerSecond: rounded(timer.samples.length / batch.seconds, 1),
    invocations: summarize(timer.durations()),
    byKind: Object.fromEntries(
      KINDS.map((kind) => [kind, summarize(timer.durations(kind))]),
    ) as Record<InvocationKind, Summary>,
    requestsPerOrder: perOrder(requests, orders),
    eventLoopDelay: {
      p50: rounded(delay.percentile(50) / 1e6),
      p99: rounded(delay.percentile(99) / 1e6),
    },
  };
}

/** Counts divided by the orders placed, to two decimals. */
export function perOrder(counts: RequestCounts, orders: number): RequestCounts {
  const each = (count: number) =>
    orders === 0 ? Number.NaN : rounded(count / orders);

  return {
    reads: each(counts.reads),
    writes: each(counts.writes),
    total: each(counts.total),
    byOperation: Object.fromEntries(
      Object.entries(counts.byOperation).map(([name, count]) => [
        name,
        each(count),
      ]),
    ),
  };
}

/** Item 1's rows: one per level, the target on 50 concurrent calls. */
export function latencyRows(levels: readonly LatencyLevel[]): BenchRow[] {
  return levels.map((level) => ({
    section: 1,
    measure:
      `sma invocation p50 / p95 / p99, ${level.concurrency} concurrent ` +
      `(${level.invocations.count} invocations, ${level.calls} calls` +
      `${level.failedCalls > 0 ? `, ${level.failedCalls} failed` : ''})`,
    result:
      `${formatPercentiles(level.invocations)} (placing the order: p99 ` +
      `${formatMs(level.byKind.place.p99)} ms; ` +
      `${level.invocationsPerSecond.toFixed(0)} invocations/s)`,
    ...(level.concurrency === 50 && {
      value: level.failedCalls === 0 ? level.invocations.p99 : Number.NaN,
      target: { kind: 'below', limit: 50, unit: 'ms' },
    }),
  }));
}

/** `4 (3 reads, 1 write)`, or per-order averages the same way. */
export function formatCounts(counts: RequestCounts): string {
  const reads = `${counts.reads} read${counts.reads === 1 ? '' : 's'}`;
  const writes = `${counts.writes} write${counts.writes === 1 ? '' : 's'}`;
  const operations = Object.entries(counts.byOperation)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');

  return `${counts.total} (${reads}, ${writes}: ${operations})`;
}

/** Item 3's rows for orders: the first call, then each level. */
export function orderRequestRows(
  firstCall: RequestCounts,
  levels: readonly LatencyLevel[],
): BenchRow[] {
  const steady = levels.find((level) => level.concurrency === 1);
  const loaded = levels.filter((level) => level.concurrency !== 1);

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
            measure: `DynamoDB requests per order, steady (${steady.calls} calls, 1 at a time, answered at once)`,
            result: formatCounts(steady.requestsPerOrder),
            value: steady.requestsPerOrder.total,
            target: { kind: 'at-most', limit: 4 } as const,
          },
        ]),
    ...loaded.map((level) => ({
      section: 3,
      measure: `DynamoDB requests per order, ${level.concurrency} concurrent`,
      result: formatCounts(level.requestsPerOrder),
    })),
  ];
}
