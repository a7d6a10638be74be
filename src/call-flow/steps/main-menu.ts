import { resolveLine } from '../menu-view';
import { spokenDigits } from '../speech';
import type { CallState } from '../state';
import { toStaff } from '../endings';
import { startVoice } from './start-voice';
import {
  ask,
  type Outcome,
  type Prompt,
  type StepHandler,
  type Turn,
} from '../types';

/**
 * The first question. Keys are fixed so a regular can dial ahead: 1 keypad
 * order, 2 voice order (when a bot is set up), 3 repeat the last order,
 * 4 order status, 0 a person. An option the caller cannot use is neither
 * offered nor accepted.
 */
export const mainMenu: StepHandler = {
  prompt(state, turn): Prompt {
    const options: [string, string][] = [['1', 'To order, press 1.']];
    if (turn.dependencies.settings.bot !== undefined) {
      options.push(['2', 'To order by voice, press 2.']);
    }
    if (state.caller.last !== undefined) {
      options.push(['3', 'To repeat your last order, press 3.']);
    }
    if (state.caller.open !== undefined) {
      options.push(['4', 'For your order status, press 4.']);
    }
    if (turn.dependencies.settings.staffPhoneNumber !== undefined) {
      options.push(['0', 'To speak with someone, press 0.']);
    }

    return {
      text: options.map(([, text]) => text).join(' '),
      keys: options.map(([key]) => key).join(''),
    };
  },

  onKey(key, state, turn): Outcome {
    switch (key) {
      case '1':
        return ask(
          { ...state, cart: [], pick: {} },
          'CATEGORY',
          'Press star to go back at any time.',
        );
      case '2':
        return turn.dependencies.settings.bot === undefined
          ? ask(state, 'MAIN')
          : startVoice(state, turn);
      case '3':
        return reorder(state, turn);
      case '4':
        return ask(state, 'MAIN', orderStatus(state));
      case '0':
        return toStaff(state, turn, 'Sure.');
      default:
        return ask(state, 'MAIN');
    }
  },
};

const STATUS_PHRASES: Record<string, string> = {
  PLACED: 'has been received',
  CONFIRMED: 'is confirmed',
  PREPARING: 'is being prepared',
  READY: 'is ready',
  OUT_FOR_DELIVERY: 'is out for delivery',
};

/** "Your order, ticket 4 2, is being prepared.", or '' with no open order. */
export function orderStatus(state: CallState): string {
  const open = state.caller.open;
  if (open === undefined) return '';
  const phrase = STATUS_PHRASES[open.s] ?? 'is in progress';

  return `Your order, ticket ${spokenDigits(open.t)}, ${phrase}.`;
}

/** Puts the last order back in the cart, leaving out what is sold out. */
function reorder(state: CallState, turn: Turn): Outcome {
  const last = state.caller.last ?? [];
  const kept = last.filter((line) => resolveLine(turn.menu, line));
  const missing = last.length - kept.length;
  const cart = { ...state, cart: kept, pick: {} };
  if (kept.length === 0) {
    return ask(
      cart,
      'CATEGORY',
      'Sorry, nothing from your last order is available today.',
    );
  }
  const note =
    missing > 0 ? ' Some items are not available today and were left out.' : '';

  return ask(cart, 'REVIEW', `Here is your last order.${note}`);
}
