/**
 * How the menu is laid out in the single table: one partition, `MENU`, with
 * a `CATEGORY#<categoryId>` record per category and an `ITEM#<itemId>`
 * record per item, so one Query reads the whole menu.
 */
import type { Menu, MenuCategory, MenuItem } from '../menu/model';

/** The partition key every menu record shares. */
export const MENU_PARTITION = 'MENU';

const CATEGORY_PREFIX = 'CATEGORY#';
const ITEM_PREFIX = 'ITEM#';
const KEY_ATTRIBUTES = ['PK', 'SK', 'entity'];

/** The primary key of a menu record. */
export interface MenuRecordKey {
  PK: typeof MENU_PARTITION;
  SK: string;
}

/** The key of the category `categoryId`. */
export function categoryKey(categoryId: string): MenuRecordKey {
  return { PK: MENU_PARTITION, SK: `${CATEGORY_PREFIX}${categoryId}` };
}

/** The key of the item `itemId`. */
export function itemKey(itemId: string): MenuRecordKey {
  return { PK: MENU_PARTITION, SK: `${ITEM_PREFIX}${itemId}` };
}

/** The records to store for a menu, categories first. */
export function toMenuRecords(menu: Menu): Record<string, unknown>[] {
  const categories = menu.categories.map((category) => ({
    ...plain(category),
    ...categoryKey(category.categoryId),
    entity: 'MENU_CATEGORY',
  }));
  const items = menu.items.map((item) => ({
    ...plain(item),
    ...itemKey(item.itemId),
    entity: 'MENU_ITEM',
  }));

  return [...categories, ...items];
}

/**
 * The menu in a partition's records, categories and items in keypad order
 * (items grouped by their category's order).
 */
export function fromMenuRecords(records: Record<string, unknown>[]): Menu {
  const categories = records
    .filter((record) => String(record.SK).startsWith(CATEGORY_PREFIX))
    .map((record) => withoutKeys(record) as unknown as MenuCategory)
    .sort((a, b) => a.keypadOrder - b.keypadOrder);
  const rank = new Map(categories.map((c, index) => [c.categoryId, index]));
  const items = records
    .filter((record) => String(record.SK).startsWith(ITEM_PREFIX))
    .map(fromItemRecord)
    .sort(
      (a, b) =>
        (rank.get(a.categoryId) ?? Infinity) -
          (rank.get(b.categoryId) ?? Infinity) || a.keypadOrder - b.keypadOrder,
    );

  return { categories, items };
}

/** The item in a stored `ITEM#` record. */
export function fromItemRecord(record: Record<string, unknown>): MenuItem {
  return withoutKeys(record) as unknown as MenuItem;
}

function withoutKeys(record: Record<string, unknown>): object {
  return Object.fromEntries(
    Object.entries(record).filter(([name]) => !KEY_ATTRIBUTES.includes(name)),
  );
}

/** Drops undefined optional fields, which the document client rejects. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
