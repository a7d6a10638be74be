import type { Customer } from '../customers/model';
import type { Order } from '../orders/model';
import { OPEN_STATUSES } from '../orders/model';
import { describeHours, isOpen } from '../restaurant/hours';
import { localTime } from '../restaurant/local-time';
import { smaResponse, type SmaResponse } from '../telephony/actions';
import { callerLeg, type InvocationEvent } from '../telephony/events';
import { soldOutNotice } from './cart-view';
import { giveUp, goodbye, toStaff } from './endings';
import { findItem, resolveLine } from './menu-view';
import { render } from './render';
import {
  initialState,
  MAX_CART_LINES,
  type CallerContext,
  type CallState,
  type Step,
} from './state';
import { decodeCallState } from './state-codec';
import { STEP_HANDLERS } from './steps';
import { afterBot } from './voice';
import {
  ask,
  type CallFlowDependencies,
  type Outcome,
  type Turn,
} from './types';

/** Missed or wrong keys allowed at one question before a person takes over. */
export const MAX_TRIES = 3;

/**
 * How old a menu the steps after the greeting may use. A call hears the
 * menu as it stood when it came in (the repository's short cache); later
 * steps keep to a copy up to this old instead of reading the menu again
 * every few seconds, because placing the order checks each item against
 * the stored menu and names what sold out meanwhile (see checkout.ts).
 */
export const MID_CALL_MENU_MAX_AGE_MS = 15 * 60_000;

/**
 * The IVR: one invocation event and the state it carries in, the actions
 * and the state to carry out. Reads the database when a call comes in (who
 * is calling, and the menu when the cached one is older than a few
 * seconds) and writes it only when the order is placed.
 */
export async function handleCallEvent(
  event: InvocationEvent,
  dependencies: CallFlowDependencies,
): Promise<SmaResponse> {
  const type = event.InvocationEventType;
  if (type === 'HANGUP') return onHangup(event, dependencies);
  if (type === 'NEW_OUTBOUND_CALL') return smaResponse([]);
  if (
    ![
      'NEW_INBOUND_CALL',
      'ACTION_SUCCESSFUL',
      'ACTION_FAILED',
      'ACTION_INTERRUPTED',
      'INVALID_LAMBDA_RESPONSE',
    ].includes(type)
  ) {
    // RINGING, CALL_ANSWERED, DIGITS_RECEIVED and CALL_UPDATE_REQUESTED
    // belong to features this IVR does not use: nothing to change.
    return smaResponse([]);
  }
  // Decoded once: every invocation but the first carries the state.
  const carried =
    type === 'NEW_INBOUND_CALL'
      ? undefined
      : decodeCallState(event.CallDetails.TransactionAttributes);
  if (isOver(event, carried)) {
    // A bridged call, or one whose goodbye is playing: nothing to add.
    return smaResponse([]);
  }
  // A new call looks its caller up while the menu is read: one round trip.
  const caller =
    type === 'NEW_INBOUND_CALL' && openNow(dependencies)
      ? knownCaller(numbersOf(event).callerNumber, dependencies)
      : undefined;
  const turn = await turnOf(event, dependencies);
  const outcome =
    type === 'NEW_INBOUND_CALL'
      ? await startCall(turn, caller)
      : await continueCall(event, carried, turn);
  dependencies.log.info('call step', { event: type, step: outcome.state.step });

  return render(outcome, turn);
}

function isOver(event: InvocationEvent, carried?: CallState): boolean {
  const step = carried?.step;

  return (step === 'ENDED' || step === 'TRANSFERRED') && !transferFailed(event);
}

function transferFailed(event: InvocationEvent): boolean {
  return (
    event.InvocationEventType === 'ACTION_FAILED' &&
    event.ActionData.Type === 'CallAndBridge'
  );
}

/** The caller's leg: its id, who is calling and the number they dialled. */
function numbersOf(event: InvocationEvent) {
  const leg = callerLeg(event);
  const inbound = leg.Direction === 'Inbound';

  return {
    callId: leg.CallId,
    callerNumber: inbound ? leg.From : leg.To,
    restaurantNumber: inbound ? leg.To : leg.From,
  };
}

async function turnOf(
  event: InvocationEvent,
  dependencies: CallFlowDependencies,
): Promise<Turn> {
  return {
    dependencies,
    menu: await dependencies.menu.getMenu(
      event.InvocationEventType === 'NEW_INBOUND_CALL'
        ? undefined
        : { maxAgeMs: MID_CALL_MENU_MAX_AGE_MS },
    ),
    transactionId: event.CallDetails.TransactionId,
    ...numbersOf(event),
  };
}

function openNow(dependencies: CallFlowDependencies): boolean {
  const { settings, now } = dependencies;

  return isOpen(settings.openingHours, localTime(now(), settings.timeZone));
}

/** Greets a new call; `caller` is the lookup begun for it, if open. */
async function startCall(
  turn: Turn,
  caller: Promise<CallerContext> | undefined,
): Promise<Outcome> {
  const { settings, metrics } = turn.dependencies;
  metrics.count('Calls');
  const welcome = `Thanks for calling ${settings.restaurantName}.`;
  // No lookup was begun: the restaurant is closed.
  if (caller === undefined) {
    metrics.count('ClosedHoursCalls');
    return goodbye(
      initialState({}),
      `${welcome} We are closed now. Our hours are ${describeHours(settings.openingHours)}. Goodbye.`,
    );
  }
  const known = await caller;
  const hello =
    known.n === undefined ? welcome : `${welcome} Welcome back, ${known.n}!`;

  return { kind: 'ask', state: initialState(known), say: hello };
}

/** What the IVR keeps of a returning caller; a failed lookup is a stranger. */
async function knownCaller(
  callerNumber: string,
  dependencies: CallFlowDependencies,
): Promise<CallerContext> {
  try {
    const { customer, lastOrder } =
      await dependencies.callers.lookup(callerNumber);
    return callerContext(customer, lastOrder);
  } catch (error) {
    dependencies.log.warn('caller lookup failed', {
      error: String(error),
    });
    return {};
  }
}

const STATUSES_WORTH_ASKING = [...OPEN_STATUSES, 'READY', 'OUT_FOR_DELIVERY'];

function callerContext(customer?: Customer, lastOrder?: Order): CallerContext {
  const context: CallerContext = {};
  const name = customer?.name ?? lastOrder?.customerName;
  if (name !== undefined) context.n = name;
  if (customer?.deliveryAddress !== undefined)
    context.a = customer.deliveryAddress;
  if (lastOrder !== undefined) {
    // A keypad cart holds at most 9 of a line and MAX_CART_LINES lines.
    context.last = lastOrder.lines.slice(0, MAX_CART_LINES).map((line) => ({
      i: line.itemId,
      ...(line.sizeId === undefined ? {} : { s: line.sizeId }),
      q: Math.min(line.quantity, 9),
    }));
    if (STATUSES_WORTH_ASKING.includes(lastOrder.status)) {
      context.open = { t: lastOrder.ticketNumber, s: lastOrder.status };
    }
  }

  return context;
}

async function continueCall(
  event: InvocationEvent,
  carried: CallState | undefined,
  turn: Turn,
): Promise<Outcome> {
  if (carried === undefined) {
    turn.dependencies.log.warn('call state missing, starting over');
    return {
      kind: 'ask',
      state: initialState({}),
      say: 'Sorry, let us start again.',
    };
  }
  if (transferFailed(event)) {
    turn.dependencies.log.warn('transfer failed');
    return goodbye(
      carried,
      'Sorry, nobody is free to take your call. Please call again in a few minutes. Goodbye.',
    );
  }
  const { state, soldOut } = withoutSoldOut(carried, turn);
  if (soldOut.length === 0) return decide(event, state, turn);
  const notice = soldOutNotice(soldOut);
  if (state.cart.length === 0 && !CHOOSING_STEPS.includes(state.step)) {
    return ask({ ...state, pick: {} }, 'CATEGORY', notice);
  }
  const outcome = await decide(event, state, turn);

  return { ...outcome, say: [notice, outcome.say].filter(Boolean).join(' ') };
}

/** Steps where an empty cart is expected: choosing the next item. */
const CHOOSING_STEPS: readonly Step[] = [
  'MAIN',
  'CATEGORY',
  'ITEM',
  'SIZE',
  'QUANTITY',
  'VOICE',
];

/**
 * Takes lines that sold out since they were chosen off the cart, naming
 * them, so the caller never pays for, nor hears a total with, an item the
 * kitchen cannot make.
 */
function withoutSoldOut(
  state: CallState,
  turn: Turn,
): { state: CallState; soldOut: string[] } {
  const kept = state.cart.filter((line) => resolveLine(turn.menu, line));
  if (kept.length === state.cart.length) return { state, soldOut: [] };
  const soldOut = state.cart
    .filter((line) => !resolveLine(turn.menu, line))
    .map((line) => findItem(turn.menu, line.i)?.name ?? 'an item');

  return { state: { ...state, cart: kept }, soldOut };
}

function decide(
  event: InvocationEvent,
  state: CallState,
  turn: Turn,
): Outcome | Promise<Outcome> {
  const step = state.step;
  if (step === 'ENDED' || step === 'TRANSFERRED') return goodbye(state, '');
  if (step === 'VOICE') return afterBot(event, state, turn);
  const action = event.ActionData;
  switch (event.InvocationEventType) {
    case 'ACTION_SUCCESSFUL':
      if (action?.Type !== 'SpeakAndGetDigits') return { kind: 'ask', state };
      return STEP_HANDLERS[step].onKey(
        (action.ReceivedDigits ?? '').slice(0, 1),
        state,
        turn,
      );
    case 'ACTION_FAILED':
      return onFailure(action?.Type, state, turn);
    case 'INVALID_LAMBDA_RESPONSE':
      turn.dependencies.log.error('Chime rejected a response');
      return toStaff(state, turn, 'Sorry, something went wrong on our side.');
    default:
      return { kind: 'ask', state };
  }
}

function onFailure(
  actionType: string | undefined,
  state: CallState,
  turn: Turn,
): Outcome {
  if (actionType !== 'SpeakAndGetDigits') {
    return toStaff(state, turn, 'Sorry, something went wrong on our side.');
  }
  turn.dependencies.metrics.count('Reprompts');
  const tries = state.tries + 1;
  if (tries >= MAX_TRIES) return giveUp(state, turn);

  return { kind: 'ask', state: { ...state, tries } };
}

function onHangup(
  event: InvocationEvent,
  dependencies: CallFlowDependencies,
): SmaResponse {
  const state = decodeCallState(event.CallDetails.TransactionAttributes);
  const finished = state?.step === 'ENDED' || state?.step === 'TRANSFERRED';
  if (!finished) {
    dependencies.metrics.count('AbandonedCalls');
    dependencies.log.info('call abandoned', {
      step: state?.step ?? 'unknown',
      cartLines: state?.cart.length ?? 0,
    });
  }

  return smaResponse([]);
}
