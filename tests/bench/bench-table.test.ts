import {
  type BenchRow,
  formatTable,
  tally,
  targetText,
  verdictOf,
} from '../../src/bench/bench-table';
import {
  formatMs,
  formatPercentiles,
  percentile,
  summarize,
} from '../../src/bench/stats';

/**
 * The benchmark's report: how a measured value is held to its target,
 * and how the rows become one Markdown table. No timing happens here.
 */

const P99_TARGET = { kind: 'below', limit: 50, unit: 'ms' } as const;
const RATIO_TARGET = { kind: 'at-most', limit: 1.1, unit: 'x' } as const;

function row(fields: Partial<BenchRow>): BenchRow {
  return { section: 1, measure: 'a measure', result: 'a result', ...fields };
}

describe('verdictOf', () => {
  it('meets a "below" target only strictly under the limit', () => {
    // Act
    const verdicts = [49.9, 50, 50.1].map((value) =>
      verdictOf(row({ value, target: P99_TARGET })),
    );

    // Assess
    expect(verdicts).toEqual(['met', 'missed', 'missed']);
  });

  it('meets an "at most" target at the limit itself', () => {
    // Act
    const verdicts = [1.09, 1.1, 1.11].map((value) =>
      verdictOf(row({ value, target: RATIO_TARGET })),
    );

    // Assess
    expect(verdicts).toEqual(['met', 'met', 'missed']);
  });

  it('misses a target when nothing could be measured (NaN)', () => {
    // Act
    const verdict = verdictOf(row({ value: Number.NaN, target: P99_TARGET }));

    // Assess
    expect(verdict).toBe('missed');
  });

  it('holds a check only when its value is true', () => {
    // Prepare
    const target = { kind: 'holds', text: 'none' } as const;

    // Act
    const verdicts = [true, false].map((value) =>
      verdictOf(row({ value, target })),
    );

    // Assess
    expect(verdicts).toEqual(['met', 'missed']);
  });

  it('gives no verdict to a row without a target or a value', () => {
    // Act
    const verdicts = [
      verdictOf(row({ value: 12 })),
      verdictOf(row({ target: P99_TARGET })),
    ];

    // Assess
    expect(verdicts).toEqual(['', '']);
  });
});

describe('targetText', () => {
  it('writes limits with their sign and unit', () => {
    // Act
    const texts = [
      targetText(P99_TARGET),
      targetText(RATIO_TARGET),
      targetText({ kind: 'below', limit: 1500 }),
      targetText({ kind: 'holds', text: 'all four' }),
      targetText(undefined),
    ];

    // Assess
    expect(texts).toEqual(['< 50 ms', '≤ 1.1x', '< 1,500', 'all four', '']);
  });
});

describe('formatTable', () => {
  it('lines the columns up, counting ≤ as one character', () => {
    // Prepare
    const rows = [
      row({ result: '41 ms', value: 41, target: P99_TARGET }),
      row({
        section: 4,
        measure: 'size',
        result: '1.2x',
        value: 1.2,
        target: RATIO_TARGET,
      }),
    ];

    // Act
    const table = formatTable(rows);

    // Assess
    expect(table.split('\n')).toEqual([
      '| #   | measure   | result | target  | met    |',
      '| --- | --------- | ------ | ------- | ------ |',
      '| 1   | a measure | 41 ms  | < 50 ms | met    |',
      '| 4   | size      | 1.2x   | ≤ 1.1x  | missed |',
    ]);
  });

  it('escapes a pipe inside a cell, so the row keeps its columns', () => {
    // Act
    const table = formatTable([row({ result: 'a | b' })]);

    // Assess
    expect(table.split('\n')[2]).toContain('a \\| b');
  });
});

describe('tally', () => {
  it('counts met and missed targets, ignoring rows without one', () => {
    // Prepare
    const rows = [
      row({ value: 10, target: P99_TARGET }),
      row({ value: 90, target: P99_TARGET }),
      row({ value: 1.05, target: RATIO_TARGET }),
      row({}),
    ];

    // Act
    const counts = tally(rows);

    // Assess
    expect(counts).toEqual({ met: 2, missed: 1 });
  });
});

describe('percentile', () => {
  it('reports a measured sample (nearest rank), whatever the order', () => {
    // Prepare
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];

    // Act
    const found = [50, 95, 99, 100, 0].map((p) => percentile(samples, p));

    // Assess
    expect(found).toEqual([5, 10, 10, 10, 1]);
  });

  it('is NaN without samples, which fails any target', () => {
    // Act
    const summary = summarize([]);

    // Assess
    expect(summary.p99).toBeNaN();
    expect(verdictOf(row({ value: summary.p99, target: P99_TARGET }))).toBe(
      'missed',
    );
  });
});

describe('formatMs', () => {
  it('keeps two decimals below 1 ms, one below 10, none above', () => {
    // Act
    const texts = [0.0456, 3.14159, 42.7].map(formatMs);

    // Assess
    expect(texts).toEqual(['0.05', '3.1', '43']);
    expect(formatPercentiles(summarize([0.5, 2, 30]))).toBe('2.0 / 30 / 30 ms');
  });
});
