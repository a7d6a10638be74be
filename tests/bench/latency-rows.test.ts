import { latencyRows, orderRequestRows } from '../../src/bench/latency-rows';
import type { RequestCounts } from '../../src/bench/request-counter';
import type { LatencyLevel, Pacing } from '../../src/bench/sma-latency';
import type { Summary } from '../../src/bench/stats';

/**
 * Items 1 and 3 as table rows: which level is held to the p99 target,
 * and how a reader tells paced callers from the back to back stress.
 */

const PACED: Pacing = { kind: 'paced', compression: 10 };
const BACK_TO_BACK: Pacing = { kind: 'back-to-back' };

function summary(p99: number, count = 100): Summary {
  return { count, p50: 1, p95: p99 / 2, p99, mean: 2, max: p99 };
}

const FOUR_REQUESTS: RequestCounts = {
  reads: 3,
  writes: 1,
  total: 4,
  byOperation: { GetItem: 1, Query: 2, TransactWriteItems: 1 },
};

function level(fields: Partial<LatencyLevel>): LatencyLevel {
  return {
    pacing: PACED,
    concurrency: 50,
    calls: 150,
    failedCalls: 0,
    failures: {},
    seconds: 30,
    invocationsPerSecond: 77,
    invocations: summary(20, 1200),
    invocationsLeftOut: 700,
    timedOut: 0,
    byKind: {
      answer: summary(10),
      keypress: summary(1),
      place: summary(30),
    },
    requestsPerOrder: FOUR_REQUESTS,
    eventLoopDelay: { p50: 10, p99: 12 },
    ...fields,
  };
}

describe('latencyRows', () => {
  it('holds only the paced level with 50 calls on the line to < 50 ms', () => {
    // Prepare
    const levels = [
      level({ concurrency: 1, calls: 2 }),
      level({ concurrency: 10, calls: 20 }),
      level({ concurrency: 50 }),
      level({ pacing: BACK_TO_BACK, concurrency: 50, calls: 100 }),
    ];

    // Act
    const rows = latencyRows(levels);

    // Assess
    expect(rows.map((row) => row.target)).toEqual([
      undefined,
      undefined,
      { kind: 'below', limit: 50, unit: 'ms' },
      undefined,
    ]);
    expect(rows[2]?.value).toBe(20);
  });

  it('names the pace, the calls on the line and what the figures stand on', () => {
    // Act
    const [row] = latencyRows([level({})]);

    // Assess
    expect(row?.measure).toBe(
      "sma invocation p50 / p95 / p99, 50 calls on the line at 10x a caller's pace " +
        '(1200 invocations with every line busy, 150 calls)',
    );
    expect(row?.result).toBe(
      '1.0 / 10 / 20 ms (placing the order: p99 30 ms; 77 invocations/s)',
    );
  });

  it('labels back to back levels as stress', () => {
    // Act
    const [row] = latencyRows([
      level({ pacing: BACK_TO_BACK, concurrency: 10, calls: 100 }),
    ]);

    // Assess
    expect(row?.measure).toBe(
      'sma invocation p50 / p95 / p99, stress: 10 callers back to back, ' +
        'answering at once (1200 invocations, 100 calls)',
    );
  });

  it('says how many invocations ran into the timeout', () => {
    // Act
    const [row] = latencyRows([
      level({ pacing: BACK_TO_BACK, calls: 100, timedOut: 14, failedCalls: 2 }),
    ]);

    // Assess
    expect(row?.measure).toBe(
      'sma invocation p50 / p95 / p99, stress: 50 callers back to back, ' +
        'answering at once (1200 invocations, 14 timed out, 100 calls, 2 failed)',
    );
  });

  it('misses the target when a call placed no order, whatever the p99', () => {
    // Act
    const [row] = latencyRows([level({ failedCalls: 1 })]);

    // Assess
    expect(row?.value).toBeNaN();
  });
});

describe('orderRequestRows', () => {
  it('reports requests per order from the back to back levels only', () => {
    // Prepare
    const levels = [
      level({ concurrency: 1, calls: 2 }),
      level({ pacing: BACK_TO_BACK, concurrency: 1, calls: 40 }),
      level({ pacing: BACK_TO_BACK, concurrency: 10, calls: 100 }),
    ];

    // Act
    const rows = orderRequestRows(FOUR_REQUESTS, levels);

    // Assess
    expect(rows.map((row) => row.measure)).toEqual([
      'DynamoDB requests, first order (menu not cached yet)',
      'DynamoDB requests per order, steady (40 calls, 1 at a time, answered at once)',
      'DynamoDB requests per order, stress: 10 callers back to back, answering at once',
    ]);
    expect(rows[1]?.target).toEqual({ kind: 'at-most', limit: 4 });
  });
});
