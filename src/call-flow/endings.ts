import { isPhoneNumber } from './fail-safe';
import type { CallState } from './state';
import type { Outcome, Turn } from './types';

/**
 * The ways a call ends. No caller is dropped without a word: every ending
 * says what happens next, and a caller who cannot be helped by keypad is
 * bridged to staff when a staff line is configured.
 */

export function goodbye(state: CallState, say: string): Outcome {
  return { kind: 'hangup', state: { ...state, step: 'ENDED' }, say };
}

/** Bridges to staff, or explains how to reach them when nobody can take it. */
export function toStaff(state: CallState, turn: Turn, lead: string): Outcome {
  const { settings, metrics } = turn.dependencies;
  if (
    settings.staffPhoneNumber === undefined ||
    !isPhoneNumber(turn.restaurantNumber)
  ) {
    return goodbye(state, `${lead} ${howToReachUs(turn)}`);
  }
  metrics.count('Transfers');

  return {
    kind: 'transfer',
    state: { ...state, step: 'TRANSFERRED' },
    say: `${lead} Connecting you to our staff now.`,
  };
}

/** After too many missed keys: a person, or how to reach one. */
export function giveUp(state: CallState, turn: Turn): Outcome {
  return toStaff(state, turn, 'I still could not get that.');
}

function howToReachUs(turn: Turn): string {
  const { address } = turn.dependencies.settings;
  const visit = address === undefined ? '' : `, or visit us at ${address}`;

  return `Please call again in a few minutes${visit}. Goodbye.`;
}
