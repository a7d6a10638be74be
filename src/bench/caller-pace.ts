/**
 * Simulated callers who take a person's time over each answer, sped up
 * so a benchmark level fits in seconds. A person listens to the prompts,
 * then presses a key (item 7's pace: speech at 15 characters a second,
 * 1.5 s a key); a paced caller waits that long divided by the time
 * compression before the next event. The compression multiplies the
 * load: N paced callers ask as much of the handler and the table per
 * second as N × compression people would.
 */
import type { TranscriptEntry } from '../local/transcript';
import { secondsLived } from './caller-cost';
import type { CallerPacing } from './keypad-calls';

/** How many times faster than a person the paced callers go. */
export const DEFAULT_COMPRESSION = 10;

/**
 * The wait before the caller's next event, in ms: what the turn (the
 * prompts just heard, the keys then pressed) takes a person, compressed.
 */
export function pauseMs(
  turn: readonly TranscriptEntry[],
  compression: number,
): number {
  return (secondsLived(turn) * 1000) / compression;
}

/**
 * When line `line` of `lines` places its first call: the first calls are
 * spread evenly over one call's length, so the line settles at `lines`
 * calls at different steps of the order, rather than all of them dialing
 * in the same millisecond and moving in step.
 */
export function firstCallAfterMs(
  line: number,
  lines: number,
  callMs: number,
): number {
  return (line * callMs) / lines;
}

/** How a paced level is set up. */
export interface PacedLines {
  compression: number;
  lines: number;
  /** A whole call as a person lives it (see item 7), uncompressed. */
  callSeconds: number;
}

/** On the global timer, which a test's fake clock can move. */
const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Callers `compression` times faster than people, their starts spread. */
export function callerPacing({
  compression,
  lines,
  callSeconds,
}: PacedLines): CallerPacing {
  const callMs = (callSeconds * 1000) / compression;

  return {
    pace: (turn) => sleep(pauseMs(turn, compression)),
    firstCallAfterMs: (line) => firstCallAfterMs(line, lines, callMs),
  };
}
