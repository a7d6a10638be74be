import { secondsLived } from '../../src/bench/caller-cost';
import {
  callerPacing,
  firstCallAfterMs,
  pauseMs,
} from '../../src/bench/caller-pace';
import type { TranscriptEntry } from '../../src/local/transcript';

/**
 * How a paced caller takes its time: a person's time over each turn
 * (15 characters of speech a second, 1.5 s a key), divided by the
 * compression, and the lines' first calls spread over one call.
 */

/** 30 characters: 2 s of speech. */
const THIRTY_CHARACTERS = 'Press 1 for pizza, 2 for soup.';

const turn: TranscriptEntry[] = [
  { kind: 'heard', text: THIRTY_CHARACTERS },
  { kind: 'pressed', keys: '12' },
];

describe('secondsLived', () => {
  it('adds 1 s per 15 characters heard and 1.5 s per key pressed', () => {
    // Act
    const seconds = secondsLived(turn);

    // Assess
    expect(THIRTY_CHARACTERS).toHaveLength(30);
    expect(seconds).toBe(5);
  });

  it('takes no time for what is neither speech nor a key', () => {
    // Prepare
    const quiet: TranscriptEntry[] = [
      { kind: 'pause', durationMs: 2000 },
      { kind: 'silence' },
      { kind: 'hung-up', by: 'application' },
    ];

    // Act
    const seconds = secondsLived(quiet);

    // Assess
    expect(seconds).toBe(0);
  });
});

describe('pauseMs', () => {
  it("divides the person's time by the compression", () => {
    // Act
    const pauses = [1, 10, 40].map((compression) => pauseMs(turn, compression));

    // Assess
    expect(pauses).toEqual([5000, 500, 125]);
  });

  it('is nothing for a turn with nothing heard or pressed', () => {
    // Act
    const pause = pauseMs([{ kind: 'hung-up', by: 'caller' }], 10);

    // Assess
    expect(pause).toBe(0);
  });
});

describe('firstCallAfterMs', () => {
  it("spreads the lines' first calls evenly over one call", () => {
    // Act
    const starts = [0, 1, 25, 49].map((line) =>
      firstCallAfterMs(line, 50, 8400),
    );

    // Assess
    expect(starts).toEqual([0, 168, 4200, 8232]);
  });

  it('starts a single line at once', () => {
    // Act
    const start = firstCallAfterMs(0, 1, 8400);

    // Assess
    expect(start).toBe(0);
  });
});

describe('callerPacing', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('spreads first calls over a compressed call', () => {
    // Prepare: an 84 s call at 10x lasts 8.4 s.
    const pacing = callerPacing({ compression: 10, lines: 4, callSeconds: 84 });

    // Act
    const starts = [0, 1, 2, 3].map((line) => pacing.firstCallAfterMs(line));

    // Assess
    expect(starts).toEqual([0, 2100, 4200, 6300]);
  });

  it("waits the turn's compressed time before the next event", async () => {
    // Prepare
    const pacing = callerPacing({ compression: 10, lines: 1, callSeconds: 84 });
    let waited = false;

    // Act
    void pacing.pace(turn).then(() => {
      waited = true;
    });
    await jest.advanceTimersByTimeAsync(499);
    const after499 = waited;
    await jest.advanceTimersByTimeAsync(1);

    // Assess
    expect(after499).toBe(false);
    expect(waited).toBe(true);
  });
});
