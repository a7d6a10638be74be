/**
 * The send-email use case: a confirmation when an order is placed, an
 * invoice when it is completed, to the email address on the customer's
 * profile. No address on file, no email.
 */
import type { OrderEvent } from '../events/order-events';
import {
  deliverOnce,
  type DeliveryDependencies,
  type DeliveryOutcome,
} from './deliver-once';
import { confirmationEmail } from './email/confirmation-email';
import type { EmailContent, EmailRestaurant } from './email/email-restaurant';
import { invoiceEmail } from './email/invoice-email';
import type { CustomerLookup, EmailSender } from './ports';

/** The names of the emails, as recorded on the order. */
export type EmailTemplate = 'order-confirmation' | 'order-invoice';

/** What emailing needs. */
export interface EmailNotifierDependencies extends DeliveryDependencies {
  restaurant: EmailRestaurant;
  customers: CustomerLookup;
  sender: EmailSender;
}

/** What became of the event. */
export type EmailOutcome =
  DeliveryOutcome | 'no-email-for-event' | 'no-address';

/** The email an event sends, if any. */
export function emailFor(
  event: OrderEvent,
  restaurant: EmailRestaurant,
): { template: EmailTemplate; content: EmailContent } | undefined {
  const { order } = event.detail.data;
  if (event.type === 'OrderPlaced') {
    return {
      template: 'order-confirmation',
      content: confirmationEmail(order, restaurant),
    };
  }
  if (event.type === 'OrderCompleted') {
    return {
      template: 'order-invoice',
      content: invoiceEmail(order, restaurant),
    };
  }

  return undefined;
}

/**
 * Emails the customer about `event`, once. Throws when SES refused the
 * email, so that the event is delivered again.
 */
export async function notifyByEmail(
  event: OrderEvent,
  dependencies: EmailNotifierDependencies,
): Promise<EmailOutcome> {
  const { order } = event.detail.data;
  const fields = { orderId: order.orderId, eventId: event.detail.metadata.id };
  const email = emailFor(event, dependencies.restaurant);
  if (email === undefined) return 'no-email-for-event';
  const customer = await dependencies.customers.get(order.callerNumber);
  const to = customer?.email;
  if (to === undefined || to === '') {
    dependencies.log.info('no email address on file, nothing sent', fields);

    return 'no-address';
  }

  return deliverOnce(
    {
      ...fields,
      channel: 'EMAIL',
      template: email.template,
      send: () => dependencies.sender.send({ to, ...email.content }),
    },
    dependencies,
  );
}
