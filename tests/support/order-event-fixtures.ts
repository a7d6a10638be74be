/**
 * Orders and order events for the event and notification tests: a
 * realistic pickup order, as drafted and as stored, and its events.
 */
import type { OrderEvent } from '../../src/events/order-events';
import { CONTRACT_VERSION, orderEventId } from '../../src/events/order-events';
import type { Order, OrderDraft, OrderStatus } from '../../src/orders/model';

/** A pickup order of two lines, as the call flow hands it to be stored. */
export function sampleDraft(overrides: Partial<OrderDraft> = {}): OrderDraft {
  return {
    orderId: 'call-7f3a',
    businessDate: '2026-12-01',
    channel: 'KEYPAD',
    callerNumber: '+12065550142',
    customerName: 'Sam',
    lines: [
      {
        itemId: 'margherita',
        name: 'Margherita',
        sizeId: 'large',
        sizeName: 'Large',
        unitPriceCents: 1450,
        quantity: 2,
      },
      { itemId: 'cola', name: 'Cola', unitPriceCents: 250, quantity: 1 },
    ],
    fulfilment: 'PICKUP',
    subtotalCents: 3150,
    taxCents: 280,
    totalCents: 3430,
    currency: 'USD',
    placedAt: '2026-12-01T23:00:00.000Z',
    estimatedReadyAt: '2026-12-01T23:25:00.000Z',
    ...overrides,
  };
}

/** That order as stored, placed Tuesday 6 p.m. in New York. */
export function sampleOrder(overrides: Partial<Order> = {}): Order {
  return {
    ...sampleDraft(),
    ticketNumber: 12,
    status: 'PLACED',
    updatedAt: '2026-12-01T23:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** The order after moving to `status`, one version later per move. */
export function orderIn(
  status: OrderStatus,
  overrides: Partial<Order> = {},
): Order {
  return sampleOrder({
    status,
    version: 2,
    updatedAt: '2026-12-01T23:20:00.000Z',
    ...overrides,
  });
}

/** `OrderPlaced` for an order. */
export function placedEvent(order: Order = sampleOrder()): OrderEvent {
  return {
    type: 'OrderPlaced',
    detail: {
      metadata: {
        id: orderEventId(order, 'OrderPlaced'),
        version: CONTRACT_VERSION,
        occurredAt: order.placedAt,
      },
      data: { orderId: order.orderId, order: order },
    },
  };
}

/** `OrderStatusChanged` into the order's status. */
export function statusChangedEvent(
  order: Order,
  previousStatus: OrderStatus = 'PLACED',
): OrderEvent {
  return {
    type: 'OrderStatusChanged',
    detail: {
      metadata: {
        id: orderEventId(order, 'OrderStatusChanged'),
        version: CONTRACT_VERSION,
        occurredAt: order.updatedAt,
      },
      data: {
        orderId: order.orderId,
        previousStatus,
        status: order.status,
        order: order,
      },
    },
  };
}

/** `OrderCompleted` for a completed order. */
export function completedEvent(
  order: Order = orderIn('COMPLETED'),
): OrderEvent {
  return {
    type: 'OrderCompleted',
    detail: {
      metadata: {
        id: orderEventId(order, 'OrderCompleted'),
        version: CONTRACT_VERSION,
        occurredAt: order.updatedAt,
      },
      data: { orderId: order.orderId, order: order },
    },
  };
}
