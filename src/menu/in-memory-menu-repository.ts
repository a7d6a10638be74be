/** A {@link MenuRepository} in memory, for tests of the call flow. */
import { type Menu, type MenuItem, MenuItemNotFound } from './model';
import type { MenuRepository } from './model';

/** Serves a copy of the menu it was given; availability can change. */
export class InMemoryMenuRepository implements MenuRepository {
  private readonly menu: Menu;

  constructor(menu: Menu) {
    this.menu = structuredClone(menu);
  }

  getMenu(): Promise<Menu> {
    return Promise.resolve(structuredClone(this.menu));
  }

  setAvailability(itemId: string, available: boolean): Promise<MenuItem> {
    const item = this.menu.items.find((entry) => entry.itemId === itemId);
    if (!item) return Promise.reject(new MenuItemNotFound(itemId));
    item.available = available;

    return Promise.resolve(structuredClone(item));
  }
}
