import type {
  LexCodeHookResponse,
  LexIntent,
  LexIntentState,
} from './lex-events';
import { SLOT, type IntentName, type SlotName } from './definition';

/**
 * The code hook's answers to Lex, one builder per dialog action, so a turn
 * reads as "elicit the item slot, saying this" and never spells the
 * response shape by hand. Everything said in one turn goes out as one
 * plain-text message.
 */

type Session = Record<string, string>;

function messages(sentences: readonly string[]) {
  const content = sentences.filter((s) => s !== '').join(' ');

  return content === ''
    ? {}
    : { messages: [{ contentType: 'PlainText' as const, content }] };
}

const EMPTY_ORDER_SLOTS = {
  [SLOT.item]: null,
  [SLOT.size]: null,
  [SLOT.quantity]: null,
};

/** Lets the caller say anything next; Lex picks the intent. */
export function elicitIntent(
  session: Session,
  sentences: readonly string[],
): LexCodeHookResponse {
  return {
    sessionState: {
      sessionAttributes: session,
      dialogAction: { type: 'ElicitIntent' },
    },
    ...messages(sentences),
  };
}

/**
 * Asks for one slot of OrderFood. The slots go back empty: what the caller
 * said so far lives in the session's pending lines, and an empty slot lets
 * Lex fill it afresh.
 */
export function elicitOrderSlot(
  slot: SlotName,
  session: Session,
  sentences: readonly string[],
): LexCodeHookResponse {
  return {
    sessionState: {
      sessionAttributes: session,
      dialogAction: { type: 'ElicitSlot', slotToElicit: slot },
      intent: {
        name: 'OrderFood',
        slots: EMPTY_ORDER_SLOTS,
        state: 'InProgress',
      },
    },
    ...messages(sentences),
  };
}

/** Reads something back and asks for a yes or a no. */
export function confirmIntent(
  name: IntentName,
  session: Session,
  sentences: readonly string[],
): LexCodeHookResponse {
  return {
    sessionState: {
      sessionAttributes: session,
      dialogAction: { type: 'ConfirmIntent' },
      intent: {
        name,
        slots: {},
        state: 'InProgress',
        confirmationState: 'None',
      },
    },
    ...messages(sentences),
  };
}

/** Hands the next step back to Lex: after a yes, fulfilment. */
export function delegate(
  intent: LexIntent,
  session: Session,
): LexCodeHookResponse {
  return {
    sessionState: {
      sessionAttributes: session,
      dialogAction: { type: 'Delegate' },
      intent,
    },
  };
}

/** Ends the conversation; Chime then hands the result to the IVR. */
export function close(
  name: string,
  state: Extract<LexIntentState, 'Fulfilled' | 'Failed'>,
  session: Session,
  sentences: readonly string[] = [],
): LexCodeHookResponse {
  return {
    sessionState: {
      sessionAttributes: session,
      dialogAction: { type: 'Close' },
      intent: { name, state },
    },
    ...messages(sentences),
  };
}
