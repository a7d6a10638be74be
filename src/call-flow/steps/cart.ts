import { priceCart } from '../cart-view';
import { describeLine, resolveLine } from '../menu-view';
import { spokenMoney } from '../speech';
import { MAX_CART_LINES, type CallState } from '../state';
import { ask, type Outcome, type StepHandler, type Turn } from '../types';
import { checkout } from './checkout';

/** After an item: more, review, or finish; star takes the item back out. */
export const afterItem: StepHandler = {
  prompt(state) {
    if (state.cart.length >= MAX_CART_LINES) {
      return { text: 'Press 2 to review, or 3 to finish.', keys: '23*' };
    }

    return {
      text: 'Press 1 to add more, 2 to review, or 3 to finish.',
      keys: '123*',
    };
  },

  onKey(key, state, turn) {
    switch (key) {
      case '1':
        return ask(state, 'CATEGORY');
      case '2':
        return ask(state, 'REVIEW');
      case '3':
        return checkout(state);
      default:
        return takeBackLast(state, turn);
    }
  },
};

/** Star after adding an item: undo it and ask its quantity again. */
function takeBackLast(state: CallState, turn: Turn): Outcome {
  const last = state.cart.at(-1);
  if (last === undefined) return ask(state, 'CATEGORY');
  const resolved = resolveLine(turn.menu, last);
  const item = turn.menu.items.find((i) => i.itemId === last.i);
  const pick = { c: item?.categoryId, i: last.i, s: last.s };
  const removed =
    resolved === undefined ? '' : `Removed ${describeLine(resolved)}.`;

  return ask(
    { ...state, cart: state.cart.slice(0, -1), pick },
    'QUANTITY',
    removed,
  );
}

/** Reads the cart back with the total, and lets the caller change it. */
export const review: StepHandler = {
  prompt(state, turn) {
    const { settings } = turn.dependencies;
    const { lines, totals } = priceCart(turn.menu, state.cart, settings);
    const items = lines.map(
      (line) =>
        `${describeLine(line)}, ${spokenMoney(line.unitPriceCents * line.quantity, totals.currency)}`,
    );
    const total = spokenMoney(totals.totalCents, totals.currency);

    const full = state.cart.length >= MAX_CART_LINES;
    const choices = full
      ? 'Press 1 to finish, 2 to remove the last item, or 3 to start over.'
      : 'Press 1 to finish, 2 to remove the last item, 3 to start over, ' +
        'or 4 to add more.';

    return {
      // One sentence a line: prices say "and" already.
      text: `You have: ${items.join('. ')}. Total with tax, ${total}. ${choices}`,
      keys: full ? '123*' : '1234*',
    };
  },

  onKey(key, state, turn) {
    switch (key) {
      case '1':
        return checkout(state);
      case '2':
        return removeLast(state, turn);
      case '3':
        return ask(
          { ...state, cart: [], pick: {} },
          'CATEGORY',
          "Let's start over.",
        );
      case '4':
        return state.cart.length >= MAX_CART_LINES
          ? ask(state, 'REVIEW')
          : ask(state, 'CATEGORY');
      default:
        return ask(state, 'NEXT');
    }
  },
};

function removeLast(state: CallState, turn: Turn): Outcome {
  const last = state.cart.at(-1);
  const resolved =
    last === undefined ? undefined : resolveLine(turn.menu, last);
  const cart = state.cart.slice(0, -1);
  const removed =
    resolved === undefined ? 'Removed.' : `Removed ${describeLine(resolved)}.`;
  if (cart.length === 0) {
    return ask(
      { ...state, cart },
      'CATEGORY',
      `${removed} Your order is empty.`,
    );
  }

  return ask({ ...state, cart }, 'REVIEW', removed);
}
