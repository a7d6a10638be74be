import { INTENT } from './definition';
import { priceBotCart, readBack } from './bot-cart';
import type { HookContext } from './hook-context';
import {
  close,
  confirmIntent,
  delegate,
  elicitIntent,
} from './dialog-responses';
import type { LexCodeHookResponse, LexIntent } from './lex-events';
import {
  decodeCart,
  encodeCart,
  SESSION_KEYS,
  withoutKeys,
} from './session-attributes';

/**
 * Finishing: the cart is read back with its total and the caller confirms
 * it; on a yes Lex runs fulfilment, and the conversation closes with the
 * cart in the session for the IVR to take to pickup or delivery and the
 * order's own confirmation.
 */
export function finishOrder(context: HookContext): LexCodeHookResponse {
  const { event, menu, pricing } = context;
  const before = decodeCart(context.session);
  const priced = priceBotCart(menu, before, pricing);
  const session = {
    ...withoutKeys(context.session, SESSION_KEYS.pending),
    [SESSION_KEYS.cart]: encodeCart(priced.cart),
  };
  if (event.invocationSource === 'FulfillmentCodeHook') {
    return close(INTENT.finishOrder, 'Fulfilled', session);
  }
  if (priced.cart.length === 0) {
    return elicitIntent(session, [
      "There's nothing in your order yet. What would you like?",
    ]);
  }
  const answered = answerToReadBack(event.sessionState.intent, session);
  if (answered !== undefined) return answered;
  const dropped = priced.cart.length < before.length;

  return confirmIntent(INTENT.finishOrder, session, [
    thanks(context.session[SESSION_KEYS.callerName]),
    dropped ? 'Some items are no longer available and were taken off.' : '',
    readBack(priced),
    'Is that right?',
  ]);
}

/** A yes goes on to fulfilment; a no asks what to add. */
function answerToReadBack(
  intent: LexIntent,
  session: Record<string, string>,
): LexCodeHookResponse | undefined {
  if (intent.name !== INTENT.finishOrder) return undefined;
  if (intent.confirmationState === 'Confirmed') {
    return delegate(intent, session);
  }
  if (intent.confirmationState === 'Denied') {
    return elicitIntent(session, [
      'Okay. What would you like to add?',
      'To change your order on the keypad, say keypad.',
    ]);
  }

  return undefined;
}

function thanks(name: string | undefined): string {
  return name === undefined || name === '' ? '' : `Thanks, ${name}.`;
}
