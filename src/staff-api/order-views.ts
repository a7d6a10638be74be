/**
 * Orders and customers as the API shows them. Everyone on staff sees what
 * the kitchen needs; a customer's phone number is masked and the email
 * left out unless the caller is a manager. Fields are copied one by one,
 * so nothing stored on an item (keys, idempotency ids) leaks by accident.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
import type { Customer } from '../customers/model';
import type { Order } from '../orders/model';
import { nextStatuses } from '../orders/status-machine';
import { type Caller, isManager } from './caller';
import {
  type CustomerView,
  notificationSchema,
  type OrderDetail,
  type OrderSummary,
} from './response-schemas';

/** `+15550100123` becomes `********0123`: enough to tell callers apart. */
export function maskPhone(phone: string): string {
  const shown = phone.slice(-4);

  return '*'.repeat(phone.length - shown.length) + shown;
}

/** An order as a card on the board; `customer` adds the profile's facts. */
export function orderSummary(
  order: Order,
  caller: Caller,
  customer?: Customer,
): OrderSummary {
  const manager = isManager(caller);

  return {
    orderId: order.orderId,
    ticketNumber: order.ticketNumber,
    status: order.status,
    nextStatuses: nextStatuses(order.status, order.fulfilment),
    fulfilment: order.fulfilment,
    channel: order.channel,
    businessDate: order.businessDate,
    placedAt: order.placedAt,
    estimatedReadyAt: order.estimatedReadyAt,
    updatedAt: order.updatedAt,
    version: order.version,
    items: order.lines.map((line) => ({ ...line })),
    totals: {
      subtotalCents: order.subtotalCents,
      taxCents: order.taxCents,
      totalCents: order.totalCents,
      currency: order.currency,
    },
    deliveryAddress: order.deliveryAddress,
    customer: {
      phone: manager ? order.callerNumber : maskPhone(order.callerNumber),
      name: customer?.name ?? (order.customerName || undefined),
      email: manager ? customer?.email : undefined,
      orderCount: customer?.orderCount,
    },
  };
}

/** An order with its customer and the notifications sent about it. */
export function orderDetail(
  order: Order,
  caller: Caller,
  customer?: Customer,
): OrderDetail {
  return {
    ...orderSummary(order, caller, customer),
    notifications: notificationsOf(order),
  };
}

/** A notification as recorded; fields added later are left out. */
const storedNotification = z.object(notificationSchema.shape);

/**
 * The notifications recorded on the order item, if any. The notifier
 * writes them beside the order's own fields; entries of another shape are
 * skipped rather than failing the whole answer.
 */
function notificationsOf(order: Order): OrderDetail['notifications'] {
  const stored = (order as Partial<Record<'notifications', unknown>>)
    .notifications;
  if (!Array.isArray(stored)) return [];

  return stored.flatMap((entry: unknown) => {
    const parsed = storedNotification.safeParse(entry);

    return parsed.success ? [parsed.data] : [];
  });
}

/** A customer's profile, for managers. */
export function customerView(customer: Customer): CustomerView {
  return {
    phone: customer.phone,
    name: customer.name,
    email: customer.email,
    deliveryAddress: customer.deliveryAddress,
    smsOptOut: customer.smsOptOut,
    lastOrderId: customer.lastOrderId,
    orderCount: customer.orderCount,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
  };
}
