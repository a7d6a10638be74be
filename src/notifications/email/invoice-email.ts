/** The itemized invoice sent when an order is completed. */
import type { OrderSnapshot } from '../../events/order-events';
import { localDateTime } from '../formatting';
import {
  type EmailContent,
  type EmailRestaurant,
  htmlDocument,
  signatureHtml,
  signatureText,
} from './email-restaurant';
import { summaryHtml, summaryText } from './order-summary';
import { html } from './safe-html';

/**
 * The invoice of a completed order: who sold it, the ticket number, the
 * date of completion, every line with quantity and unit price, subtotal,
 * tax and total.
 */
export function invoiceEmail(
  order: OrderSnapshot,
  restaurant: EmailRestaurant,
): EmailContent {
  const subject = `Invoice for order #${order.ticketNumber} at ${restaurant.name}`;
  const heading = `Invoice - order #${order.ticketNumber}`;
  const completed = `Completed ${localDateTime(order.updatedAt, restaurant.timeZone)}`;
  const billedTo = order.customerName
    ? `Billed to ${order.customerName}`
    : undefined;
  const body = html`${signatureHtml(restaurant)}
    <h2 style="font-size:18px">${heading}</h2>
    <p>${completed}${billedTo === undefined ? '' : html`<br />${billedTo}`}</p>
    ${summaryHtml(order)}
    <p>Thank you for ordering with us.</p>`;

  return {
    subject,
    html: htmlDocument(subject, body),
    text: [
      signatureText(restaurant),
      heading,
      [completed, billedTo].filter(Boolean).join('\n'),
      summaryText(order),
      'Thank you for ordering with us.',
    ].join('\n\n'),
  };
}
