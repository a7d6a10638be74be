/**
 * The restaurant's menu as the call flow and the staff API see it. Prices are
 * integer cents; `keypadOrder` fixes the key a caller presses for an entry.
 */

export interface MenuCategory {
  categoryId: string;
  name: string;
  keypadOrder: number;
}

/** A size of an item that comes in sizes, with its own price. */
export interface MenuItemSize {
  sizeId: string;
  name: string;
  priceCents: number;
  /** Other words callers use for this size ("family size" for large). */
  synonyms?: string[];
}

export interface MenuItem {
  itemId: string;
  categoryId: string;
  name: string;
  keypadOrder: number;
  /** The price when the item has no sizes. */
  priceCents: number;
  sizes?: MenuItemSize[];
  available: boolean;
  /** Other words callers use for this item ("coke" for cola). */
  synonyms?: string[];
}

export interface Menu {
  categories: MenuCategory[];
  items: MenuItem[];
}

/** How old a menu read from a cache may be. */
export interface MenuFreshness {
  /**
   * Serve a menu read at most this long ago; 0 reads it afresh. Default:
   * the repository's own cache time.
   */
  maxAgeMs?: number;
}

/** Where the menu is kept; reads may be served from a short cache. */
export interface MenuRepository {
  getMenu(freshness?: MenuFreshness): Promise<Menu>;
  /** Marks an item available or not; throws MenuItemNotFound if unknown. */
  setAvailability(itemId: string, available: boolean): Promise<MenuItem>;
}

/** Thrown when a menu item id is not on the menu. */
export class MenuItemNotFound extends Error {
  constructor(readonly itemId: string) {
    super(`menu item ${itemId} not found`);
    this.name = 'MenuItemNotFound';
  }
}
