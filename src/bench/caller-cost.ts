/**
 * Item 7: what a caller spends on the scripted two-item order: the speech
 * synthesized for them, and an estimate of the time on the line. Shorter
 * is only better while the call still tells them what they need.
 */
import type { CallRecord } from '../local/call-record';
import type { TranscriptEntry } from '../local/transcript';
import type { BenchRow } from './bench-table';
import { TWO_ITEM_ORDER } from './keypad-calls';

/** Polly's neural voices speak about 15 characters a second. */
export const CHARACTERS_PER_SECOND = 15;
/** Finding and pressing a key, with the thought before it. */
export const SECONDS_PER_KEY_PRESS = 1.5;
/** The same order taken by a person on the phone, for comparison. */
export const PERSON_TAKING_ORDER_SECONDS = 90;

/**
 * The time a person spends on these moments of a call: listening to the
 * speech, then pressing the keys.
 */
export function secondsLived(entries: readonly TranscriptEntry[]): number {
  let seconds = 0;
  for (const entry of entries) {
    if (entry.kind === 'heard') {
      seconds += entry.text.length / CHARACTERS_PER_SECOND;
    }
    if (entry.kind === 'pressed') {
      seconds += entry.keys.length * SECONDS_PER_KEY_PRESS;
    }
  }

  return seconds;
}

/** What the caller must still hear, each as a pattern in the speech. */
const MUST_HEAR = {
  prices: /\d+ dollars? and \d+ cents?/,
  total: /total( with tax)?( is)? \d+ dollars?/i,
  ticketNumber: /ticket number is \d+/i,
  readyTime: /ready (around|at|by) \d{1,2}(:\d{2})? ?(AM|PM)/i,
};

/** What the call cost the caller. */
export interface CallerCost {
  script: string;
  spokenCharacters: number;
  keyPresses: number;
  estimatedSeconds: number;
  heard: Record<keyof typeof MUST_HEAR, boolean>;
  transcript: string[];
}

/** Reads the cost and the must-hears off one call's record. */
export function callerCostOf(record: CallRecord): CallerCost {
  const heardTexts = record.transcript.flatMap((entry) =>
    entry.kind === 'heard' ? [entry.text] : [],
  );
  const keyPresses = record.transcript
    .flatMap((entry) => (entry.kind === 'pressed' ? [entry.keys] : []))
    .join('').length;
  const speech = heardTexts.join(' ');
  const heard = Object.fromEntries(
    Object.entries(MUST_HEAR).map(([name, pattern]) => [
      name,
      pattern.test(speech),
    ]),
  ) as CallerCost['heard'];

  return {
    script: TWO_ITEM_ORDER,
    spokenCharacters: record.spokenCharacters,
    keyPresses,
    estimatedSeconds: secondsLived(record.transcript),
    heard,
    transcript: heardTexts,
  };
}

/** Item 7's rows. */
export function callerCostRows(cost: CallerCost): BenchRow[] {
  const missing = Object.entries(cost.heard)
    .filter(([, present]) => !present)
    .map(([name]) => name);

  return [
    {
      section: 7,
      measure: 'caller: characters spoken, two-item pickup order by keypad',
      result: cost.spokenCharacters.toLocaleString('en-US'),
      value: cost.spokenCharacters,
      target: { kind: 'below', limit: 1500 },
    },
    {
      section: 7,
      measure:
        `caller: estimated time on the call (speech at ${CHARACTERS_PER_SECOND}/s, ` +
        `${cost.keyPresses} keys at ${SECONDS_PER_KEY_PRESS} s)`,
      result:
        `${cost.estimatedSeconds.toFixed(0)} s ` +
        `(a person taking it: about ${PERSON_TAKING_ORDER_SECONDS} s)`,
      value: cost.estimatedSeconds,
      target: { kind: 'below', limit: 100, unit: 's' },
    },
    {
      section: 7,
      measure: 'caller hears prices, the total, the ticket number, ready time',
      result:
        missing.length === 0 ? 'all four' : `missing: ${missing.join(', ')}`,
      value: missing.length === 0,
      target: { kind: 'holds', text: 'all four' },
    },
  ];
}
