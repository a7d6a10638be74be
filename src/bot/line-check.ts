import { itemsOf, keypadCategories } from '../call-flow/menu-view';
import { spokenList, spokenMoney } from '../call-flow/speech';
import type { Menu, MenuItem } from '../menu/model';
import type { SlotName } from './definition';
import type { RequestedLine } from './menu-vocabulary';
import { MAX_LINE_QUANTITY, type BotCartLine } from './session-attributes';
import { words } from './text-matching';

/**
 * Checks one line the caller asked for against the live menu: is it sold
 * here, is it available today, does it need a size, is the quantity one a
 * phone order can take. Either the line can go in the cart, or the caller
 * is asked one question, with the words that help them answer it.
 */

/** The outcome of checking a line. */
export type LineVerdict =
  | { kind: 'ready'; line: BotCartLine }
  | {
      kind: 'ask';
      slot: SlotName;
      /** What is kept of the line until the answer comes. */
      keep: RequestedLine;
      say: string[];
    };

/** Checks a requested line; see {@link LineVerdict}. */
export function checkLine(
  line: RequestedLine,
  menu: Menu,
  currency: string,
): LineVerdict {
  const item = menu.items.find((entry) => entry.itemId === line.itemId);
  if (item === undefined) return unnamed(line, menu);
  if (!item.available) return soldOut(line, item, menu);
  const quantity = line.quantity ?? 1;
  if (quantity < 1 || quantity > MAX_LINE_QUANTITY) {
    return {
      kind: 'ask',
      slot: 'quantity',
      keep: { ...line, quantity: undefined },
      say: [
        `We can take 1 to ${MAX_LINE_QUANTITY} of one item by phone.`,
        `How many ${item.name} would you like?`,
      ],
    };
  }

  return withSize(line, item, quantity, currency);
}

function withSize(
  line: RequestedLine,
  item: MenuItem,
  quantity: number,
  currency: string,
): LineVerdict {
  const sizes = item.sizes ?? [];
  if (sizes.length === 0) {
    return { kind: 'ready', line: { i: item.itemId, q: quantity } };
  }
  const size = sizes.find((candidate) => candidate.sizeId === line.sizeId);
  if (size !== undefined) {
    return {
      kind: 'ready',
      line: { i: item.itemId, s: size.sizeId, q: quantity },
    };
  }
  const choices = sizes.map(
    (s) => `${s.name.toLowerCase()} for ${spokenMoney(s.priceCents, currency)}`,
  );
  const intro =
    line.sizeId === undefined
      ? ''
      : `${item.name} comes in ${orList(sizes.map((s) => s.name.toLowerCase()))}.`;

  return {
    kind: 'ask',
    slot: 'size',
    keep: { ...line, sizeId: undefined },
    say: [intro, `Which size ${item.name}: ${orList(choices)}?`],
  };
}

/** No item yet: a category to choose in, a word we do not know, or nothing. */
function unnamed(line: RequestedLine, menu: Menu): LineVerdict {
  const keep = { ...line, itemId: undefined, unknown: undefined };
  const category = menu.categories.find(
    (entry) => entry.categoryId === line.categoryId,
  );
  if (line.unknown === undefined && category !== undefined) {
    return {
      kind: 'ask',
      slot: 'item',
      keep,
      say: [
        `Which ${words(category.name).join(' ')} would you like?`,
        choicesIn(menu, category.categoryId),
      ],
    };
  }
  const sorry =
    line.unknown === undefined ? '' : `Sorry, we don't have ${line.unknown}.`;
  const offer =
    category === undefined
      ? `We have ${categoryList(menu)}.`
      : choicesIn(menu, category.categoryId);

  return {
    kind: 'ask',
    slot: 'item',
    keep,
    say: [sorry, offer, 'What would you like?'],
  };
}

function soldOut(line: RequestedLine, item: MenuItem, menu: Menu): LineVerdict {
  const others = itemsOf(menu, item.categoryId)
    .filter((other) => other.available)
    .map((other) => other.name);
  const offer =
    others.length === 0
      ? `We have ${categoryList(menu)}.`
      : `We also have ${spokenList(others)}.`;

  return {
    kind: 'ask',
    slot: 'item',
    keep: { ...line, itemId: undefined, categoryId: item.categoryId },
    say: [
      `Sorry, ${item.name} is sold out today.`,
      offer,
      'What would you like instead?',
    ],
  };
}

/** "We have Margherita, Pepperoni and Meat Lovers." for a category. */
function choicesIn(menu: Menu, categoryId: string): string {
  const names = itemsOf(menu, categoryId)
    .filter((item) => item.available)
    .map((item) => item.name);

  return names.length === 0
    ? `Those are sold out today. We have ${categoryList(menu)}.`
    : `We have ${spokenList(names)}.`;
}

/** "pizzas, sides and drinks": the categories with something available. */
export function categoryList(menu: Menu): string {
  return spokenList(
    keypadCategories(menu).map((category) => category.name.toLowerCase()),
  );
}

function orList(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');

  return `${phrases.slice(0, -1).join(', ')} or ${phrases.at(-1) ?? ''}`;
}
