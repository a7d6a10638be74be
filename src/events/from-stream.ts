/**
 * Which events a change to the table yields. The table is the only place
 * state is written (DESIGN.md, rule 1); events are read off its stream,
 * never sent beside a write. Only order items count: a new order, and an
 * order whose status changed. Everything else written to the table
 * (customers, counters, menu, notification claims, and the list of
 * notifications recorded on an order) yields nothing, which is also what
 * keeps a consumer's own writes from feeding back into the bus.
 */
import {
  CONTRACT_VERSION,
  type OrderEvent,
  orderEventId,
  type OrderSnapshot,
  orderSnapshotSchema,
} from './order-events';

/** One change as the stream reports it, images already unmarshalled. */
export interface TableChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  oldImage?: Record<string, unknown>;
  newImage?: Record<string, unknown>;
}

/** Thrown when an order item on the stream does not read as an order. */
export class UnreadableOrderImage extends Error {
  constructor(
    readonly key: string,
    readonly problems: string[],
  ) {
    super(
      `order item ${key} does not read as an order: ${problems.join('; ')}`,
    );
    this.name = 'UnreadableOrderImage';
  }
}

/**
 * The events one change yields, in the order consumers should see them.
 * Throws {@link UnreadableOrderImage} when an order item is malformed:
 * skipping it would silently lose the customer's messages.
 */
export function eventsFromChange(change: TableChange): OrderEvent[] {
  const { newImage, oldImage } = change;
  if (newImage === undefined || !isOrderItem(newImage)) return [];
  if (change.eventName === 'INSERT') return [orderPlaced(readOrder(newImage))];
  if (change.eventName !== 'MODIFY' || oldImage === undefined) return [];
  if (oldImage.status === newImage.status) return [];

  return statusEvents(readOrder(oldImage).status, readOrder(newImage));
}

function isOrderItem(image: Record<string, unknown>): boolean {
  return image.entity === 'ORDER';
}

function readOrder(image: Record<string, unknown>): OrderSnapshot {
  const result = orderSnapshotSchema.safeParse(image);
  if (!result.success) {
    throw new UnreadableOrderImage(
      String(image.PK),
      result.error.issues.map(
        (issue) => `${issue.path.join('.')} ${issue.message}`,
      ),
    );
  }

  return result.data;
}

function orderPlaced(order: OrderSnapshot): OrderEvent {
  return {
    type: 'OrderPlaced',
    detail: {
      metadata: metadataFor(order, 'OrderPlaced', order.placedAt),
      data: { orderId: order.orderId, order },
    },
  };
}

function statusEvents(
  previousStatus: OrderSnapshot['status'],
  order: OrderSnapshot,
): OrderEvent[] {
  const { orderId, updatedAt } = order;
  const events: OrderEvent[] = [
    {
      type: 'OrderStatusChanged',
      detail: {
        metadata: metadataFor(order, 'OrderStatusChanged', updatedAt),
        data: { orderId, previousStatus, status: order.status, order },
      },
    },
  ];
  if (order.status === 'COMPLETED') {
    const metadata = metadataFor(order, 'OrderCompleted', updatedAt);
    events.push({
      type: 'OrderCompleted',
      detail: { metadata, data: { orderId, order } },
    });
  }
  if (order.status === 'CANCELLED') {
    const metadata = metadataFor(order, 'OrderCancelled', updatedAt);
    events.push({
      type: 'OrderCancelled',
      detail: { metadata, data: { orderId, previousStatus, order } },
    });
  }

  return events;
}

function metadataFor(
  order: OrderSnapshot,
  type: OrderEvent['type'],
  occurredAt: string,
): OrderEvent['detail']['metadata'] {
  return {
    id: orderEventId(order, type),
    version: CONTRACT_VERSION,
    occurredAt,
  };
}
