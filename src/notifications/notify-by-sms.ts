/**
 * The send-sms use case: an order event in, at most one text out, to the
 * number the order was placed from. Nothing goes to a number that is not
 * E.164 (a withheld caller id) or to a customer who replied STOP.
 */
import type { OrderEvent } from '../events/order-events';
import {
  deliverOnce,
  type DeliveryDependencies,
  type DeliveryOutcome,
} from './deliver-once';
import type { CustomerLookup, SmsSender } from './ports';
import { type SmsRestaurant, smsFor } from './sms-templates';

/** What texting needs. */
export interface SmsNotifierDependencies extends DeliveryDependencies {
  restaurant: SmsRestaurant;
  customers: CustomerLookup;
  sender: SmsSender;
}

/** What became of the event: a delivery outcome, or why nothing was sent. */
export type SmsOutcome =
  DeliveryOutcome | 'no-text-for-event' | 'not-a-mobile-number' | 'opted-out';

const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * Texts the customer about `event`, once. Throws when the provider
 * refused the text, so that the event is delivered again.
 */
export async function notifyBySms(
  event: OrderEvent,
  dependencies: SmsNotifierDependencies,
): Promise<SmsOutcome> {
  const { order } = event.detail.data;
  const fields = { orderId: order.orderId, eventId: event.detail.metadata.id };
  const content = smsFor(event, dependencies.restaurant);
  if (content === undefined) return 'no-text-for-event';
  if (!E164.test(order.callerNumber)) {
    dependencies.log.info('caller number is not E.164, no text', fields);

    return 'not-a-mobile-number';
  }
  const customer = await dependencies.customers.get(order.callerNumber);
  if (customer?.smsOptOut === true) {
    dependencies.log.info('customer opted out of texts', fields);

    return 'opted-out';
  }

  return deliverOnce(
    {
      ...fields,
      channel: 'SMS',
      template: content.template,
      send: () =>
        dependencies.sender.send({
          to: order.callerNumber,
          body: content.body,
        }),
    },
    dependencies,
  );
}
