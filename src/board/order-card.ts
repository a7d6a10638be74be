/**
 * One order as a card: the ticket number to shout, what to cook, pickup
 * or delivery, how long it has waited, and one big button for the next
 * step. Cancelling asks once more, on the card itself, because a stray
 * tap must not throw an order away; nothing needs a double tap.
 */
import type { OrderSummary } from '../staff-api/response-schemas';
import { button, element, present } from './dom';
import { elapsedText, isLate, moveLabel, type OrderStatus } from './labels';

/** What a card asks of the board. */
export type MoveRequest = (order: OrderSummary, to: OrderStatus) => void;

/** A confirmation nobody answers closes again after this long. */
const CONFIRM_OPEN_MS = 8_000;

/** A new, empty card for an order; {@link fillCard} gives it content. */
export function createCard(order: OrderSummary): HTMLElement {
  return element('article', {
    className: 'card',
    attributes: {
      'data-order-id': order.orderId,
      role: 'listitem',
    },
  });
}

/** Shows `order` on `card`; `busy` while a move of it is being saved. */
export function fillCard(
  card: HTMLElement,
  order: OrderSummary,
  now: Date,
  { busy, onMove }: { busy: boolean; onMove: MoveRequest },
): void {
  card.dataset.status = order.status;
  card.dataset.ticket = String(order.ticketNumber);
  card.setAttribute('aria-label', `Ticket ${order.ticketNumber}`);
  card.classList.toggle('card--delivery', order.fulfilment === 'DELIVERY');
  card.classList.toggle('card--busy', busy);
  const confirm = cancelConfirmation(order, onMove);
  card.replaceChildren(
    ...present([
      heading(order, now),
      element('ul', { className: 'card__items' }, ...order.items.map(itemLine)),
      customerLine(order),
      actions(order, busy, onMove, confirm),
      confirm,
    ]),
  );
  updateAge(card, order, now);
}

/** Refreshes the time since the order was placed, and whether it is late. */
export function updateAge(
  card: HTMLElement,
  order: OrderSummary,
  now: Date,
): void {
  const age = card.querySelector('.card__age');
  if (age !== null) age.textContent = elapsedText(order.placedAt, now);
  card.classList.toggle('card--late', isLate(order, now));
}

function heading(order: OrderSummary, now: Date): HTMLElement {
  const delivery = order.fulfilment === 'DELIVERY';

  return element(
    'header',
    { className: 'card__head' },
    element('span', { className: 'card__ticket' }, `#${order.ticketNumber}`),
    element(
      'span',
      { className: 'card__fulfilment' },
      delivery ? 'Delivery' : 'Pickup',
    ),
    element(
      'span',
      { className: 'card__age' },
      elapsedText(order.placedAt, now),
    ),
  );
}

function itemLine(line: OrderSummary['items'][number]): HTMLElement {
  return element(
    'li',
    { className: 'card__item' },
    element('span', { className: 'card__quantity' }, `${line.quantity}×`),
    element(
      'span',
      {},
      element('span', { className: 'card__name' }, line.name),
      line.sizeName !== undefined && ' ',
      line.sizeName !== undefined &&
        element('span', { className: 'card__size' }, line.sizeName),
    ),
  );
}

/** Who it is for; a delivery shows where it goes. */
function customerLine(order: OrderSummary): HTMLElement | false {
  const parts = [order.customer.name, order.deliveryAddress].filter(
    (part): part is string => part !== undefined && part !== '',
  );

  return (
    parts.length > 0 &&
    element('p', { className: 'card__customer' }, parts.join(' · '))
  );
}

function actions(
  order: OrderSummary,
  busy: boolean,
  onMove: MoveRequest,
  confirm: HTMLElement,
): HTMLElement {
  const forward = order.nextStatuses.find((to) => to !== 'CANCELLED');
  const container = element('div', { className: 'card__actions' });
  if (forward !== undefined) {
    const label = busy ? 'Saving…' : moveLabel(forward, order.fulfilment);
    const move = button(label, 'button button--move', () => {
      onMove(order, forward);
    });
    move.dataset.to = forward;
    container.append(move);
  }
  if (order.nextStatuses.includes('CANCELLED')) {
    container.append(
      button('Cancel', 'button button--cancel', () => {
        openConfirmation(container, confirm);
      }),
    );
  }
  for (const pressable of container.querySelectorAll('button')) {
    pressable.disabled = busy;
  }

  return container;
}

function cancelConfirmation(
  order: OrderSummary,
  onMove: MoveRequest,
): HTMLElement {
  const confirm = element('div', {
    className: 'card__confirm',
    attributes: { hidden: '' },
  });
  confirm.append(
    element(
      'p',
      { className: 'card__question' },
      `Cancel ticket #${order.ticketNumber}?`,
    ),
    button('Yes, cancel', 'button button--danger', () => {
      onMove(order, 'CANCELLED');
    }),
    button('Keep', 'button button--keep', () => {
      closeConfirmation(confirm);
    }),
  );

  return confirm;
}

function openConfirmation(actionsRow: HTMLElement, confirm: HTMLElement): void {
  actionsRow.hidden = true;
  confirm.hidden = false;
  window.setTimeout(() => {
    closeConfirmation(confirm);
  }, CONFIRM_OPEN_MS);
}

function closeConfirmation(confirm: HTMLElement): void {
  confirm.hidden = true;
  const actionsRow = confirm.previousElementSibling;
  if (actionsRow instanceof HTMLElement) actionsRow.hidden = false;
}
