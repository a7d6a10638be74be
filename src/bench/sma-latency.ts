/**
 * Items 1 and 3: the sma handler's time per invocation, and its DynamoDB
 * requests per completed order, with 1, 10 and 50 calls on the line:
 * first with callers at a (compressed) person's pace, then, as a stress
 * figure, with callers who answer every prompt the moment it arrives.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CallRecord } from '../local/call-record';
import type { LoadedFunction } from './bench-stack';
import { secondsLived } from './caller-cost';
import { callerPacing } from './caller-pace';
import {
  type CallerPacing,
  type InvocationKind,
  InvocationTimer,
  placeOrders,
  type TimeWindow,
} from './keypad-calls';
import { countsBetween, type RequestCounts } from './request-counter';
import { rounded, summarize, type Summary } from './stats';

/** How the callers of a level take their turns. */
export type Pacing =
  { kind: 'paced'; compression: number } | { kind: 'back-to-back' };

/** One concurrency level's results. */
export interface LatencyLevel {
  pacing: Pacing;
  /** Calls on the line at once. */
  concurrency: number;
  calls: number;
  failedCalls: number;
  /** Why calls placed no order (see failureOf), with how many. */
  failures: Record<string, number>;
  seconds: number;
  /** Invocations answered per second over the measured window. */
  invocationsPerSecond: number;
  /**
   * Paced, only those that began while every line was busy; the rest,
   * while the lines filled and emptied, are left out. Back to back, all.
   */
  invocations: Summary;
  invocationsLeftOut: number;
  /**
   * Of `invocations`, those that ran into the function's timeout; each
   * counts as that long. Chime retried their events, as it does.
   */
  timedOut: number;
  byKind: Record<InvocationKind, Summary>;
  /** DynamoDB requests over the level, divided by the orders placed. */
  requestsPerOrder: RequestCounts;
  /**
   * How late this process's event loop ran (ms): every simulated caller
   * shares it, so this much of a latency is waiting, not the handler.
   */
  eventLoopDelay: { p50: number; p99: number };
}

/** How many calls a level places, on how many lines. */
export interface LevelSize {
  concurrency: number;
  calls: number;
}

/** The warm-up, then the levels, in this order. */
export interface LatencyPlan {
  /** Unmeasured calls, `calls` one at a time, then `concurrentCalls`. */
  warmup: { calls: number; concurrentCalls: number; concurrency: number };
  paced: { compression: number; levels: LevelSize[] };
  backToBack: LevelSize[];
}

const KINDS: InvocationKind[] = ['answer', 'keypress', 'place'];

/**
 * Warms DynamoDB Local up, then runs the paced levels and the back to
 * back ones, the heaviest last. `progress` hears of each step.
 */
export async function measureSmaLatency(
  sma: LoadedFunction,
  plan: LatencyPlan,
  progress: (text: string) => void = () => undefined,
): Promise<LatencyLevel[]> {
  const { warmup, paced } = plan;
  paced.levels.forEach(assertEveryLineBusy);
  progress(`warm-up: ${warmup.calls} calls, then ${warmup.concurrentCalls}`);
  const records = await warmUp(sma, warmup);
  // The longest call as a person would live it, in seconds.
  const callSeconds = Math.max(
    ...records.map((record) => secondsLived(record.transcript)),
  );
  const pace: Pacing = { kind: 'paced', compression: paced.compression };
  const levels: LatencyLevel[] = [];
  for (const size of paced.levels) {
    progress(`${size.concurrency} on the line at ${paced.compression}x pace`);
    levels.push(await measureLevel(sma, size, pace, callSeconds));
  }
  for (const size of plan.backToBack) {
    progress(`${size.concurrency} back to back`);
    levels.push(
      await measureLevel(sma, size, { kind: 'back-to-back' }, callSeconds),
    );
  }

  return levels;
}

/**
 * DynamoDB Local's JVM compiles its hot paths as they run: calls one at
 * a time, then a burst of concurrent ones (which also runs concurrent
 * transactions on the same items), so no level pays for the compiling.
 */
async function warmUp(
  sma: LoadedFunction,
  warmup: LatencyPlan['warmup'],
): Promise<CallRecord[]> {
  const timer = new InvocationTimer();
  const invoke = timer.invoker(sma);
  const one = await placeOrders(invoke, warmup.calls, 1);
  const many = await placeOrders(
    invoke,
    warmup.concurrentCalls,
    warmup.concurrency,
  );
  await timer.settled();

  return [...one.records, ...many.records];
}

/**
 * A paced level is measured while every line has a call (a batch's
 * `fullLine`); with fewer than two calls a line, that stretch is a small
 * part of a call, or none.
 */
function assertEveryLineBusy({ concurrency, calls }: LevelSize): void {
  if (calls < 2 * concurrency) {
    throw new Error(
      `a paced level of ${concurrency} lines needs at least ` +
        `${2 * concurrency} calls to measure, not ${calls}`,
    );
  }
}

/** The callers' pacing for the simulator; none back to back. */
function pacingOf(
  pace: Pacing,
  lines: number,
  callSeconds: number,
): CallerPacing | undefined {
  if (pace.kind === 'back-to-back') return undefined;

  return callerPacing({ compression: pace.compression, lines, callSeconds });
}

async function measureLevel(
  sma: LoadedFunction,
  { concurrency, calls }: LevelSize,
  pace: Pacing,
  callSeconds: number,
): Promise<LatencyLevel> {
  const timer = new InvocationTimer();
  const before = sma.requests.counts();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const pacing = pacingOf(pace, concurrency, callSeconds);
  const batch = await placeOrders(
    timer.invoker(sma),
    calls,
    concurrency,
    pacing,
  );
  await timer.settled();
  delay.disable();
  const requests = countsBetween(before, sma.requests.counts());

  return {
    pacing: pace,
    concurrency,
    calls,
    failedCalls: batch.failed,
    failures: batch.failures,
    seconds: rounded(batch.seconds),
    ...timings(
      timer,
      pace.kind === 'paced' ? batch.fullLine : undefined,
      batch.seconds,
    ),
    requestsPerOrder: perOrder(requests, calls - batch.failed),
    eventLoopDelay: {
      p50: rounded(delay.percentile(50) / 1e6),
      p99: rounded(delay.percentile(99) / 1e6),
    },
  };
}

/**
 * The invocations that began within `window`, or all of them over the
 * level's `levelSeconds`, summarized.
 */
function timings(
  timer: InvocationTimer,
  window: TimeWindow | undefined,
  levelSeconds: number,
): Pick<
  LatencyLevel,
  | 'invocationsPerSecond'
  | 'invocations'
  | 'invocationsLeftOut'
  | 'timedOut'
  | 'byKind'
> {
  const measured = timer.durations(undefined, window);
  const seconds =
    window === undefined ? levelSeconds : (window.to - window.from) / 1000;

  return {
    invocationsPerSecond: rounded(measured.length / seconds, 1),
    invocations: summarize(measured),
    invocationsLeftOut: timer.samples.length - measured.length,
    timedOut: timer.timeouts(window),
    byKind: Object.fromEntries(
      KINDS.map((kind) => [kind, summarize(timer.durations(kind, window))]),
    ) as Record<InvocationKind, Summary>,
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
