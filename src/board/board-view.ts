/**
 * The columns and their cards. Cards are kept per order and only redrawn
 * when the order changed, so a refresh every two seconds never swaps a
 * button out from under a finger that is pressing it.
 */
import type { OrderSummary } from '../staff-api/response-schemas';
import { element } from './dom';
import { COLUMNS, type Column, type OrderStatus } from './labels';
import {
  createCard,
  fillCard,
  type MoveRequest,
  updateAge,
} from './order-card';

interface Card {
  element: HTMLElement;
  order: OrderSummary;
  busy: boolean;
}

interface ColumnParts {
  cards: HTMLElement;
  count: HTMLElement;
}

/** The board's columns, drawn into `root`. */
export class BoardView {
  private readonly columns = new Map<OrderStatus, ColumnParts>();
  private readonly cards = new Map<string, Card>();

  constructor(
    root: HTMLElement,
    private readonly onMove: MoveRequest,
  ) {
    root.replaceChildren(...COLUMNS.map((column) => this.addColumn(column)));
  }

  /** Shows exactly `orders`, oldest first in each column. */
  show(orders: readonly OrderSummary[], now: Date): void {
    const shown = new Set<string>();
    for (const column of COLUMNS) {
      const parts = this.columns.get(column.status);
      if (parts === undefined) continue;
      const inColumn = orders
        .filter((order) => order.status === column.status)
        .sort(oldestFirst);
      inColumn.forEach((order, position) => {
        const card = this.cardFor(order, now);
        const there = parts.cards.children.item(position);
        if (there !== card) parts.cards.insertBefore(card, there);
        shown.add(order.orderId);
      });
      parts.count.textContent = String(inColumn.length);
    }
    for (const [orderId, card] of this.cards) {
      if (shown.has(orderId)) continue;
      card.element.remove();
      this.cards.delete(orderId);
    }
  }

  /** Moves the clock on every card ("4 min" becomes "5 min"). */
  tick(now: Date): void {
    for (const card of this.cards.values()) {
      updateAge(card.element, card.order, now);
    }
  }

  /** Disables a card's buttons while its move is being saved. */
  setBusy(orderId: string, busy: boolean, now: Date): void {
    const card = this.cards.get(orderId);
    if (card === undefined || card.busy === busy) return;
    card.busy = busy;
    fillCard(card.element, card.order, now, { busy, onMove: this.onMove });
  }

  private addColumn(column: Column): HTMLElement {
    const id = `column-${column.status.toLowerCase()}`;
    const count = element('span', { className: 'column__count' }, '0');
    const cards = element('div', {
      className: 'column__cards',
      attributes: { role: 'list', 'aria-labelledby': id },
    });
    this.columns.set(column.status, { cards, count });

    return element(
      'section',
      {
        className: `column column--${column.status.toLowerCase()}`,
        attributes: { 'data-status': column.status },
      },
      element(
        'h2',
        { className: 'column__title', attributes: { id } },
        element('span', {}, column.title),
        count,
      ),
      cards,
    );
  }

  /** The order's card, redrawn only if the order changed since. */
  private cardFor(order: OrderSummary, now: Date): HTMLElement {
    let card = this.cards.get(order.orderId);
    if (card === undefined) {
      card = { element: createCard(order), order, busy: false };
      this.cards.set(order.orderId, card);
    } else if (
      card.order.version === order.version &&
      card.order.status === order.status
    ) {
      card.order = order;
      updateAge(card.element, order, now);

      return card.element;
    }
    card.order = order;
    fillCard(card.element, order, now, {
      busy: card.busy,
      onMove: this.onMove,
    });

    return card.element;
  }
}

function oldestFirst(a: OrderSummary, b: OrderSummary): number {
  return (
    a.placedAt.localeCompare(b.placedAt) || a.ticketNumber - b.ticketNumber
  );
}
