/** The email confirming an order when it is placed. */
import type { OrderSnapshot } from '../../events/order-events';
import { clockTime, localDateTime } from '../formatting';
import {
  type EmailContent,
  type EmailRestaurant,
  htmlDocument,
  signatureHtml,
  signatureText,
} from './email-restaurant';
import { summaryHtml, summaryText } from './order-summary';
import { html } from './safe-html';

/** What the customer is told about when and how they get the food. */
function fulfilmentLine(order: OrderSnapshot, timeZone: string): string {
  const readyAt = clockTime(order.estimatedReadyAt, timeZone);

  return order.fulfilment === 'DELIVERY'
    ? `Delivery to ${order.deliveryAddress ?? 'the address you gave'}, ` +
        `ready about ${readyAt}.`
    : `Pickup, ready about ${readyAt}.`;
}

/** The confirmation of a placed order, in HTML and plain text. */
export function confirmationEmail(
  order: OrderSnapshot,
  restaurant: EmailRestaurant,
): EmailContent {
  const subject = `Your order #${order.ticketNumber} at ${restaurant.name}`;
  const greeting = order.customerName ? `Hi ${order.customerName},` : 'Hi,';
  const thanks = `Thank you for your order at ${restaurant.name}.`;
  const placed =
    `Order #${order.ticketNumber}, placed ` +
    localDateTime(order.placedAt, restaurant.timeZone);
  const when = fulfilmentLine(order, restaurant.timeZone);
  const body = html`<p>${greeting}</p>
    <p>${thanks}</p>
    <h2 style="font-size:18px">${placed}</h2>
    <p>${when}</p>
    ${summaryHtml(order)} ${signatureHtml(restaurant)}`;

  return {
    subject,
    html: htmlDocument(subject, body),
    text: [
      greeting,
      thanks,
      `${placed}\n${when}`,
      summaryText(order),
      signatureText(restaurant),
    ].join('\n\n'),
  };
}
