/**
 * The texts a customer gets: one when the order is placed, one at each
 * change of status. Each fits one GSM-7 segment (160 characters): the
 * wording is GSM-7 throughout, the restaurant's name is folded into GSM-7
 * and shortened when it is too long to fit. Completion and cancellation
 * are texted from their status change; `OrderCompleted` and
 * `OrderCancelled` exist for the emails and would otherwise text twice.
 */
import type { OrderEvent, OrderSnapshot } from '../events/order-events';
import { clockTime, formatMoney } from './formatting';
import { GSM7_SEGMENT, gsm7Length, isGsm7, toGsm7, truncateGsm7 } from './gsm7';

/** The names of the texts, as recorded on the order. */
export const SMS_TEMPLATES = [
  'order-placed',
  'order-confirmed',
  'order-preparing',
  'order-ready-for-pickup',
  'order-ready-for-delivery',
  'order-out-for-delivery',
  'order-completed',
  'order-cancelled',
] as const;

/** One of {@link SMS_TEMPLATES}. */
export type SmsTemplate = (typeof SMS_TEMPLATES)[number];

/** The restaurant, as a text names it. */
export interface SmsRestaurant {
  name: string;
  timeZone: string;
}

/** A text to send, and which it is. */
export interface SmsContent {
  template: SmsTemplate;
  body: string;
}

/** The text for an event, or undefined when the event sends none. */
export function smsFor(
  event: OrderEvent,
  restaurant: SmsRestaurant,
): SmsContent | undefined {
  const { order } = event.detail.data;
  const template = templateFor(event);

  return template && renderSms(template, order, restaurant);
}

function templateFor(event: OrderEvent): SmsTemplate | undefined {
  if (event.type === 'OrderPlaced') return 'order-placed';
  if (event.type !== 'OrderStatusChanged') return undefined;
  const { status, order } = event.detail.data;
  switch (status) {
    case 'CONFIRMED':
      return 'order-confirmed';
    case 'PREPARING':
      return 'order-preparing';
    case 'READY':
      return order.fulfilment === 'DELIVERY'
        ? 'order-ready-for-delivery'
        : 'order-ready-for-pickup';
    case 'OUT_FOR_DELIVERY':
      return 'order-out-for-delivery';
    case 'COMPLETED':
      return 'order-completed';
    case 'CANCELLED':
      return 'order-cancelled';
    case 'PLACED':
      // No order moves back to PLACED; its text went out on OrderPlaced.
      return undefined;
  }
}

/** Renders one template for an order; exported for the length tests. */
export function renderSms(
  template: SmsTemplate,
  order: OrderSnapshot,
  restaurant: SmsRestaurant,
): SmsContent {
  const ticket = `#${order.ticketNumber}`;
  const readyAt = clockTime(order.estimatedReadyAt, restaurant.timeZone);
  const total = toGsm7(formatMoney(order.totalCents, order.currency));
  const wordings: Record<SmsTemplate, string> = {
    'order-placed':
      `order ${ticket} received, total ${total}. Ready about ${readyAt}. ` +
      `We'll text you updates. Reply STOP to opt out.`,
    'order-confirmed': `order ${ticket} is confirmed. Ready about ${readyAt}.`,
    'order-preparing': `order ${ticket} is being prepared.`,
    'order-ready-for-pickup': `order ${ticket} is ready for pickup. See you soon!`,
    'order-ready-for-delivery': `order ${ticket} is ready and leaves with our driver soon.`,
    'order-out-for-delivery': `order ${ticket} is out for delivery.`,
    'order-completed': `order ${ticket} is complete. Thank you for ordering!`,
    'order-cancelled': `order ${ticket} was cancelled. Please call us if you did not expect this.`,
  };

  return { template, body: signed(restaurant.name, wordings[template]) };
}

/**
 * "Name: message", the name shortened so the whole fits one segment. A
 * name with no GSM-7 form makes the text UCS-2 whatever its length, so
 * it is kept whole.
 */
function signed(name: string, message: string): string {
  const folded = toGsm7(name).trim();
  const text = `${folded}: ${message}`;
  if (!isGsm7(text) || gsm7Length(text) <= GSM7_SEGMENT) return text;
  const room = GSM7_SEGMENT - gsm7Length(`: ${message}`);

  return `${truncateGsm7(folded, room).trimEnd()}: ${message}`;
}
