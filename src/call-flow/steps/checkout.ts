import { priceCart, soldOutNotice } from '../cart-view';
import { goodbye, toStaff } from '../endings';
import { spokenDigits, spokenMoney } from '../speech';
import type { CallState } from '../state';
import { ask, type Outcome, type StepHandler, type Turn } from '../types';
import { localTime, spokenClockTime } from '../../restaurant/local-time';
import { findItem } from '../menu-view';
import { ItemsUnavailable, type Order } from '../../orders/model';

/** Finishing: pickup or delivery, only to an address on file. */
export function checkout(state: CallState): Outcome {
  if (state.caller.a === undefined) {
    return ask({ ...state, ful: 'PICKUP' }, 'CONFIRM');
  }

  return ask(state, 'FULFILMENT');
}

export const chooseFulfilment: StepHandler = {
  prompt(state) {
    return {
      text: `Press 1 for pickup, or 2 for delivery to ${state.caller.a ?? ''}.`,
      keys: '12*',
    };
  },

  onKey(key, state) {
    if (key === '*') return ask(state, 'REVIEW');

    return ask(
      { ...state, ful: key === '2' ? 'DELIVERY' : 'PICKUP' },
      'CONFIRM',
    );
  },
};

export const confirmOrder: StepHandler = {
  prompt(state, turn) {
    const { totals } = priceCart(
      turn.menu,
      state.cart,
      turn.dependencies.settings,
    );
    const how = state.ful === 'DELIVERY' ? 'for delivery' : 'for pickup';
    const total = spokenMoney(totals.totalCents, totals.currency);

    return {
      text: `Your total is ${total} with tax, ${how}. Press 1 to place your order, or star to go back.`,
      keys: '1*',
    };
  },

  onKey(key, state, turn) {
    if (key === '*') {
      return state.caller.a === undefined
        ? ask(state, 'REVIEW')
        : ask(state, 'FULFILMENT');
    }

    return commit(state, turn);
  },
};

/** After a failed commit: try again, or a person. */
export const retryPlacing: StepHandler = {
  prompt(_state, turn) {
    const staff = turn.dependencies.settings.staffPhoneNumber !== undefined;

    return staff
      ? {
          text: 'Press 1 to try again, or 0 to speak with someone.',
          keys: '10',
        }
      : { text: 'Press 1 to try again.', keys: '1' };
  },

  onKey(key, state, turn) {
    if (key === '0') return toStaff(state, turn, 'Sure.');

    return commit(state, turn);
  },
};

async function commit(state: CallState, turn: Turn): Promise<Outcome> {
  const { dependencies } = turn;
  const { lines, totals } = priceCart(
    turn.menu,
    state.cart,
    dependencies.settings,
  );
  if (lines.length === 0) {
    return ask(
      { ...state, cart: [] },
      'CATEGORY',
      'Sorry, those items just sold out.',
    );
  }
  try {
    const { order, repeated } = await dependencies.placeOrder({
      orderId: turn.transactionId,
      channel: state.ch ?? 'KEYPAD',
      callerNumber: turn.callerNumber,
      customerName: state.caller.n,
      lines,
      ...totals,
      fulfilment: state.ful ?? 'PICKUP',
      deliveryAddress: state.ful === 'DELIVERY' ? state.caller.a : undefined,
    });
    // A second delivery of the same commit is the same order, counted once.
    if (!repeated) dependencies.metrics.count('OrdersPlaced');
    dependencies.log.info(repeated ? 'order already placed' : 'order placed', {
      orderId: order.orderId,
      lines: lines.length,
    });

    return goodbye(state, placedMessage(order, turn));
  } catch (error) {
    if (error instanceof ItemsUnavailable) {
      return soldOutWhilePlacing(state, turn, error.itemIds);
    }
    dependencies.metrics.count('OrderFailures');
    dependencies.log.error('order could not be placed', {
      error: String(error),
    });

    return placingFailed(state, turn);
  }
}

/**
 * Items that sold out after the caller heard the menu: taken off the cart
 * and named, then the new total is read before anything is placed.
 */
async function soldOutWhilePlacing(
  state: CallState,
  turn: Turn,
  itemIds: readonly string[],
): Promise<Outcome> {
  const { menu, log } = turn.dependencies;
  log.info('items sold out while placing', { itemIds: itemIds.join(',') });
  // Read afresh, so that the steps after this one list only what is on sale.
  await menu.getMenu({ maxAgeMs: 0 }).catch(() => undefined);
  const names = itemIds.map((id) => findItem(turn.menu, id)?.name ?? 'an item');
  const cart = state.cart.filter((line) => !itemIds.includes(line.i));
  const notice = soldOutNotice(names);
  if (cart.length === 0) {
    return ask({ ...state, cart, pick: {} }, 'CATEGORY', notice);
  }

  return ask({ ...state, cart }, 'CONFIRM', notice);
}

/** Attempts at storing one order before a person takes over. */
const MAX_PLACING_ATTEMPTS = 3;

function placingFailed(state: CallState, turn: Turn): Outcome {
  const failures = state.step === 'RETRY_PLACE' ? state.tries + 1 : 1;
  const sorry = 'Sorry, we could not place your order just now.';
  if (failures >= MAX_PLACING_ATTEMPTS) return toStaff(state, turn, sorry);

  return {
    kind: 'ask',
    state: { ...state, step: 'RETRY_PLACE', tries: failures },
    say: sorry,
  };
}

function placedMessage(order: Order, turn: Turn): string {
  const { timeZone } = turn.dependencies.settings;
  const ready = localTime(new Date(order.estimatedReadyAt), timeZone);
  const when =
    order.fulfilment === 'DELIVERY' ? 'delivered around' : 'ready around';

  return (
    `Thank you! Your ticket number is ${spokenDigits(order.ticketNumber)}. ` +
    `Your total is ${spokenMoney(order.totalCents, order.currency)}, ` +
    `${when} ${spokenClockTime(ready.minutes)}. Goodbye.`
  );
}
