import type { Menu, MenuCategory, MenuItem } from '../menu/model';
import type { OrderLine } from '../orders/model';
import type { CartLine } from './state';

/**
 * The menu as the keypad presents it: categories and items in key order,
 * cart lines resolved to names and current prices.
 */

export function keypadCategories(menu: Menu): MenuCategory[] {
  return menu.categories
    .filter((category) =>
      menu.items.some(
        (item) => item.categoryId === category.categoryId && item.available,
      ),
    )
    .sort((a, b) => a.keypadOrder - b.keypadOrder);
}

export function itemsOf(menu: Menu, categoryId: string): MenuItem[] {
  return menu.items
    .filter((item) => item.categoryId === categoryId)
    .sort((a, b) => a.keypadOrder - b.keypadOrder);
}

export function findItem(menu: Menu, itemId: string): MenuItem | undefined {
  return menu.items.find((item) => item.itemId === itemId);
}

/** The lowest price an item sells at, across its sizes. */
export function startingPrice(item: MenuItem): number {
  if (item.sizes === undefined || item.sizes.length === 0) {
    return item.priceCents;
  }

  return Math.min(...item.sizes.map((size) => size.priceCents));
}

/**
 * A cart line with today's name and price, or undefined when the item or
 * size left the menu or is unavailable.
 */
export function resolveLine(menu: Menu, line: CartLine): OrderLine | undefined {
  const item = findItem(menu, line.i);
  if (item === undefined || !item.available) return undefined;
  if (line.s === undefined) {
    return {
      itemId: item.itemId,
      name: item.name,
      unitPriceCents: item.priceCents,
      quantity: line.q,
    };
  }
  const size = item.sizes?.find((candidate) => candidate.sizeId === line.s);
  if (size === undefined) return undefined;

  return {
    itemId: item.itemId,
    name: item.name,
    sizeId: size.sizeId,
    sizeName: size.name,
    unitPriceCents: size.priceCents,
    quantity: line.q,
  };
}

/** "large Pepperoni": the item and size of a line, as said aloud. */
export function describeChoice(line: OrderLine): string {
  const size = line.sizeName === undefined ? '' : `${line.sizeName} `;

  return `${size.toLowerCase()}${line.name}`;
}

/** "2 large Pepperoni": how a line is read back to the caller. */
export function describeLine(line: OrderLine): string {
  return `${line.quantity} ${describeChoice(line)}`;
}
