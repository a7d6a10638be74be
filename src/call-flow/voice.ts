import { INTENT } from '../bot/definition';
import { decodeCart, handOffAttributes } from '../bot/session-attributes';
import {
  startBotConversation,
  type StartBotConversationAction,
} from '../telephony/actions';
import type { IntentResult, InvocationEvent } from '../telephony/events';
import { toStaff } from './endings';
import { resolveLine } from './menu-view';
import type { CallState } from './state';
import { checkout } from './steps/checkout';
import { orderStatus } from './steps/main-menu';
import { ask, type Outcome, type Turn } from './types';

/**
 * Ordering by voice. The IVR hands the caller to the Lex bot with what it
 * knows (name, returning customer, cart); when Chime reports back, a
 * confirmed order goes on to pickup or delivery and the order's own
 * confirmation exactly as a keypad order does, a status question or a
 * request for a person is answered as the keypad answers it, and anything
 * else (the bot failed, was unsure, or the caller asked for the keypad)
 * carries on by keypad with the cart the bot took.
 */

/** What the bot says first. */
export const VOICE_WELCOME = 'What would you like?';

/** Below this NLU confidence the bot's reading is not acted on. */
export const MIN_BOT_CONFIDENCE = 0.5;

/** The StartBotConversation for a call in the VOICE step. */
export function botHandOff(
  state: CallState,
  turn: Turn,
): StartBotConversationAction {
  const bot = turn.dependencies.settings.bot;
  if (bot === undefined) throw new BotNotConfigured();

  return startBotConversation({
    callId: turn.callId,
    botAliasArn: bot.aliasArn,
    localeId: bot.localeId,
    welcome: VOICE_WELCOME,
    sessionAttributes: handOffAttributes({
      callerName: state.caller.n,
      returning: state.caller.last !== undefined,
      cart: state.cart,
    }),
  });
}

/** Thrown when a call reaches the voice step with no bot configured. */
export class BotNotConfigured extends Error {
  constructor() {
    super('the call flow has no bot settings for a voice order');
    this.name = 'BotNotConfigured';
  }
}

/** Chime's report on the bot conversation, in the VOICE step. */
export function afterBot(
  event: InvocationEvent,
  state: CallState,
  turn: Turn,
): Outcome {
  const action = event.ActionData;
  const done =
    event.InvocationEventType === 'ACTION_SUCCESSFUL' &&
    action?.Type === 'StartBotConversation';
  if (!done || action.IntentResult === undefined) {
    return fallBack(state, turn, {
      reason: action?.ErrorType ?? event.InvocationEventType,
    });
  }

  return onIntentResult(action.IntentResult, state, turn);
}

function onIntentResult(
  result: IntentResult,
  carried: CallState,
  turn: Turn,
): Outcome {
  const state = withBotCart(result, carried, turn);
  const intent = result.SessionState.Intent;
  const name = intent?.Name ?? '';
  const ordered =
    (name === INTENT.finishOrder || name === INTENT.orderFood) &&
    intent?.State === 'Fulfilled' &&
    state.cart.length > 0;
  // The caller confirmed the read-back cart: the last turn's score is that
  // of a "yes", not of the order, and is not weighed.
  if (ordered) return checkout(state);
  if (intent?.State === 'Failed')
    return fallBack(state, turn, { reason: name });
  if (unsure(result, name)) return fallBack(state, turn, { reason: 'unsure' });
  switch (name) {
    case INTENT.checkOrderStatus:
      return ask(state, 'MAIN', statusAnswer(state));
    case INTENT.talkToPerson:
      return toStaff(state, turn, 'Sure.');
    case INTENT.useKeypad:
      return toKeypad(state, "Sure, let's use the keypad.");
    default:
      return fallBack(state, turn, { reason: name || 'no intent' });
  }
}

/** The cart the bot hands back, kept to what is on the menu now. */
function withBotCart(
  result: IntentResult,
  state: CallState,
  turn: Turn,
): CallState {
  const attributes = result.SessionState.SessionAttributes;
  if (attributes?.cart === undefined) return state;
  const cart = decodeCart(attributes).filter(
    (line) => resolveLine(turn.menu, line) !== undefined,
  );

  return cart.length === 0
    ? { ...state, cart }
    : { ...state, cart, ch: 'VOICE' };
}

/** Whether Lex's confidence in the intent it ended on is too low to act. */
function unsure(result: IntentResult, name: string): boolean {
  const reading = result.Interpretations?.find((i) => i.Intent.Name === name);
  const score = reading?.NluConfidence?.Score;

  return score !== undefined && score < MIN_BOT_CONFIDENCE;
}

function statusAnswer(state: CallState): string {
  const status = orderStatus(state);

  return status === ''
    ? 'I could not find an order in progress from this number.'
    : status;
}

function fallBack(
  state: CallState,
  turn: Turn,
  fields: { reason: string },
): Outcome {
  turn.dependencies.metrics.count('VoiceFallbacks');
  turn.dependencies.log.info('voice order fell back to keypad', {
    ...fields,
    cartLines: state.cart.length,
  });

  return toKeypad(state, "Sorry, I'm having trouble understanding.");
}

/** On to the keypad: the cart read back if there is one, else the menu. */
function toKeypad(state: CallState, lead: string): Outcome {
  if (state.cart.length > 0) {
    return ask(
      { ...state, pick: {} },
      'REVIEW',
      `${lead} Here is your order so far.`,
    );
  }

  return ask(
    { ...state, pick: {} },
    'CATEGORY',
    `${lead} Press star to go back at any time.`,
  );
}
