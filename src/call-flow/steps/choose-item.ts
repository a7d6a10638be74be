import type { MenuItem } from '../../menu/model';
import {
  describeChoice,
  describeLine,
  findItem,
  itemsOf,
  keypadCategories,
  resolveLine,
  startingPrice,
} from '../menu-view';
import { spokenMoney } from '../speech';
import { MAX_CART_LINES, type CallState } from '../state';
import {
  ask,
  type Outcome,
  type Prompt,
  type StepHandler,
  type Turn,
} from '../types';

/**
 * Choosing one item: category, item, size when it has sizes, then quantity.
 * The first option of a list says "press N"; the rest give just the key, which
 * keeps a menu short to hear.
 */

function optionList(entries: [string, string][]): string {
  return entries
    .map(([label, key], index) =>
      index === 0 ? `${label}, press ${key}.` : `${label}, ${key}.`,
    )
    .join(' ');
}

/**
 * What a question says when staff sold out everything it would list since
 * the caller chose to hear it: star goes back, as everywhere.
 */
const NOTHING_LEFT: Prompt = {
  text: 'Sorry, that just sold out. Press star to go back.',
  keys: '*',
};

function chosenItem(state: CallState, turn: Turn): MenuItem | undefined {
  return state.pick.i === undefined
    ? undefined
    : findItem(turn.menu, state.pick.i);
}

function backFromCategory(state: CallState): Outcome {
  return state.cart.length === 0 ? ask(state, 'MAIN') : ask(state, 'NEXT');
}

export const chooseCategory: StepHandler = {
  prompt(_state, turn) {
    const categories = keypadCategories(turn.menu);
    if (categories.length === 0) return NOTHING_LEFT;

    return {
      text: optionList(categories.map((c) => [c.name, String(c.keypadOrder)])),
      keys: `${categories.map((c) => c.keypadOrder).join('')}*`,
    };
  },

  onKey(key, state, turn) {
    if (key === '*') return backFromCategory(state);
    const category = keypadCategories(turn.menu).find(
      (c) => String(c.keypadOrder) === key,
    );
    if (category === undefined) return ask(state, 'CATEGORY');

    return ask({ ...state, pick: { c: category.categoryId } }, 'ITEM');
  },
};

function itemLabel(item: MenuItem, currency: string): string {
  const from = item.sizes?.length ? 'from ' : '';

  return `${item.name}, ${from}${spokenMoney(startingPrice(item), currency)}`;
}

export const chooseItem: StepHandler = {
  prompt(state, turn) {
    const items = itemsOf(turn.menu, state.pick.c ?? '');
    const { currency } = turn.dependencies.settings;
    const available = items.filter((item) => item.available);
    if (available.length === 0) return NOTHING_LEFT;

    return {
      text: optionList(
        available.map((item) => [
          itemLabel(item, currency),
          String(item.keypadOrder),
        ]),
      ),
      // Sold-out keys are accepted so a caller who knows the menu hears why.
      keys: `${items.map((item) => item.keypadOrder).join('')}*`,
    };
  },

  onKey(key, state, turn) {
    if (key === '*') return ask({ ...state, pick: {} }, 'CATEGORY');
    const item = itemsOf(turn.menu, state.pick.c ?? '').find(
      (candidate) => String(candidate.keypadOrder) === key,
    );
    if (item === undefined) return ask(state, 'ITEM');
    if (!item.available) {
      return ask(state, 'ITEM', `Sorry, ${item.name} is sold out today.`);
    }
    const pick = { c: item.categoryId, i: item.itemId };

    return ask({ ...state, pick }, item.sizes?.length ? 'SIZE' : 'QUANTITY');
  },
};

export const chooseSize: StepHandler = {
  prompt(state, turn) {
    const sizes = chosenItem(state, turn)?.sizes ?? [];
    const { currency } = turn.dependencies.settings;
    if (sizes.length === 0) return NOTHING_LEFT;

    return {
      text: optionList(
        sizes.map((size, index) => [
          `${size.name}, ${spokenMoney(size.priceCents, currency)}`,
          String(index + 1),
        ]),
      ),
      keys: `${sizes.map((_size, index) => index + 1).join('')}*`,
    };
  },

  onKey(key, state, turn) {
    if (key === '*')
      return ask({ ...state, pick: { c: state.pick.c } }, 'ITEM');
    const size = chosenItem(state, turn)?.sizes?.[Number(key) - 1];
    if (size === undefined) return ask(state, 'SIZE');

    return ask(
      { ...state, pick: { ...state.pick, s: size.sizeId } },
      'QUANTITY',
    );
  },
};

export const chooseQuantity: StepHandler = {
  prompt(state, turn) {
    const line = { i: state.pick.i ?? '', s: state.pick.s, q: 1 };
    const chosen = resolveLine(turn.menu, line);
    const what = chosen === undefined ? '' : ` ${describeChoice(chosen)}`;

    return { text: `How many${what}? Press 1 to 9.`, keys: '123456789*' };
  },

  onKey(key, state, turn) {
    if (key === '*') {
      const hasSizes = state.pick.s !== undefined;
      const pick = hasSizes
        ? { c: state.pick.c, i: state.pick.i }
        : { c: state.pick.c };

      return ask({ ...state, pick }, hasSizes ? 'SIZE' : 'ITEM');
    }
    const line = { i: state.pick.i ?? '', s: state.pick.s, q: Number(key) };
    const resolved = resolveLine(turn.menu, line);
    if (resolved === undefined) {
      return ask(
        { ...state, pick: {} },
        'CATEGORY',
        'Sorry, that item just sold out.',
      );
    }
    const cart = [...state.cart, line];
    const full = cart.length >= MAX_CART_LINES;

    return ask(
      { ...state, cart, pick: {} },
      full ? 'REVIEW' : 'NEXT',
      `Added ${describeLine(resolved)}.`,
    );
  },
};
