/**
 * The menu panel: every item with one large switch between available and
 * sold out. Callers stop being offered a sold-out item at once.
 */
import type { Menu, MenuItem } from '../menu/model';
import { element } from './dom';

/** What a switch asks of the board: the item and the state wanted. */
export type ToggleRequest = (item: MenuItem, available: boolean) => void;

/** The list of items inside the panel. */
export class MenuPanel {
  private readonly switches = new Map<string, HTMLButtonElement>();

  constructor(
    private readonly list: HTMLElement,
    private readonly onToggle: ToggleRequest,
  ) {}

  /** Draws the menu, categories in keypad order. */
  show(menu: Menu): void {
    this.switches.clear();
    const categories = [...menu.categories].sort(
      (a, b) => a.keypadOrder - b.keypadOrder,
    );
    this.list.replaceChildren(
      ...categories.map((category) => {
        const items = menu.items
          .filter((item) => item.categoryId === category.categoryId)
          .sort((a, b) => a.keypadOrder - b.keypadOrder);

        return element(
          'section',
          { className: 'menu-category' },
          element('h3', { className: 'menu-category__name' }, category.name),
          element(
            'ul',
            { className: 'menu-category__items' },
            ...items.map((item) => this.row(item)),
          ),
        );
      }),
    );
  }

  /** Shows an item as the API now has it. */
  update(item: MenuItem): void {
    const control = this.switches.get(item.itemId);
    if (control === undefined) return;
    const row = control.closest('li');
    row?.replaceWith(this.row(item));
  }

  /** Disables an item's switch while its change is being saved. */
  setBusy(itemId: string, busy: boolean): void {
    const control = this.switches.get(itemId);
    if (control === undefined) return;
    control.disabled = busy;
    if (busy) control.textContent = 'Saving…';
  }

  private row(item: MenuItem): HTMLElement {
    const control = element(
      'button',
      {
        className: 'switch',
        attributes: {
          type: 'button',
          role: 'switch',
          'aria-checked': String(item.available),
          'aria-label': `${item.name} available`,
          'data-item-id': item.itemId,
        },
      },
      item.available ? 'Available' : 'Sold out',
    );
    control.addEventListener('click', () => {
      this.onToggle(item, !item.available);
    });
    this.switches.set(item.itemId, control);
    const soldOut = item.available ? '' : ' menu-item--sold-out';

    return element(
      'li',
      { className: `menu-item${soldOut}` },
      element('span', { className: 'menu-item__name' }, item.name),
      control,
    );
  }
}
