/**
 * The order events on the bus: one contract, imported by the publisher
 * (functions/order-events) and by every consumer. Each event's `detail` is
 * an envelope, `{metadata: {id, version, occurredAt}, data}`; `version` is
 * the version of this contract, so a consumer can tell an old shape from a
 * new one while both are in flight.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
import { ORDER_STATUSES } from '../orders/model';

/** The `detail-type` of each event, as rules on the bus match it. */
export const ORDER_EVENT_TYPES = [
  'OrderPlaced',
  'OrderStatusChanged',
  'OrderCompleted',
  'OrderCancelled',
] as const;

/** One of {@link ORDER_EVENT_TYPES}. */
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/** The version of the contract this module writes and reads. */
export const CONTRACT_VERSION = 1;

const status = z.enum(ORDER_STATUSES);
const instant = z.iso.datetime({ offset: true });
const cents = z.int().check(z.nonnegative());
const positiveCount = z.int().check(z.positive());
const nonEmptyText = z.string().check(z.minLength(1));

const orderLine = z.object({
  itemId: nonEmptyText,
  name: nonEmptyText,
  sizeId: z.optional(z.string()),
  sizeName: z.optional(z.string()),
  unitPriceCents: cents,
  quantity: positiveCount,
});

/**
 * The order as it stood after the change. Unknown attributes of the stored
 * item (its keys, the notifications sent) are stripped on parsing.
 */
export const orderSnapshotSchema = z.object({
  orderId: nonEmptyText,
  ticketNumber: positiveCount,
  businessDate: z.iso.date(),
  channel: z.enum(['KEYPAD', 'VOICE']),
  callerNumber: nonEmptyText,
  customerName: z.optional(z.string()),
  lines: z.array(orderLine),
  fulfilment: z.enum(['PICKUP', 'DELIVERY']),
  deliveryAddress: z.optional(z.string()),
  subtotalCents: cents,
  taxCents: cents,
  totalCents: cents,
  currency: z.string().check(z.length(3)),
  placedAt: instant,
  estimatedReadyAt: instant,
  status,
  updatedAt: instant,
  version: positiveCount,
});

/** The order carried by every event. */
export type OrderSnapshot = z.infer<typeof orderSnapshotSchema>;

const metadata = z.object({
  id: nonEmptyText,
  version: z.literal(CONTRACT_VERSION),
  occurredAt: instant,
});

function envelope<Data extends z.ZodMiniType>(data: Data) {
  return z.object({ metadata, data });
}

/** `OrderPlaced`: a caller's order was stored. */
export const orderPlacedDetail = envelope(
  z.object({ orderId: z.string(), order: orderSnapshotSchema }),
);

/** `OrderStatusChanged`: staff moved the order to another status. */
export const orderStatusChangedDetail = envelope(
  z.object({
    orderId: z.string(),
    previousStatus: status,
    status,
    order: orderSnapshotSchema,
  }),
);

/** `OrderCompleted`: the order was handed over (also a status change). */
export const orderCompletedDetail = envelope(
  z.object({ orderId: z.string(), order: orderSnapshotSchema }),
);

/** `OrderCancelled`: the order was cancelled (also a status change). */
export const orderCancelledDetail = envelope(
  z.object({
    orderId: z.string(),
    previousStatus: status,
    order: orderSnapshotSchema,
  }),
);

export type OrderPlacedDetail = z.infer<typeof orderPlacedDetail>;
export type OrderStatusChangedDetail = z.infer<typeof orderStatusChangedDetail>;
export type OrderCompletedDetail = z.infer<typeof orderCompletedDetail>;
export type OrderCancelledDetail = z.infer<typeof orderCancelledDetail>;

/** An event as code handles it: its `detail-type` and its `detail`. */
export type OrderEvent =
  | { type: 'OrderPlaced'; detail: OrderPlacedDetail }
  | { type: 'OrderStatusChanged'; detail: OrderStatusChangedDetail }
  | { type: 'OrderCompleted'; detail: OrderCompletedDetail }
  | { type: 'OrderCancelled'; detail: OrderCancelledDetail };

const DETAIL_SCHEMAS = {
  OrderPlaced: orderPlacedDetail,
  OrderStatusChanged: orderStatusChangedDetail,
  OrderCompleted: orderCompletedDetail,
  OrderCancelled: orderCancelledDetail,
} as const satisfies Record<OrderEventType, z.ZodMiniType>;

/** Thrown when an event does not follow this contract. */
export class InvalidOrderEvent extends Error {
  constructor(
    readonly detailType: string,
    readonly problems: string[],
  ) {
    super(`invalid ${detailType} event: ${problems.join('; ')}`);
    this.name = 'InvalidOrderEvent';
  }
}

/**
 * The id of the event a change yields. Built from the change alone, so a
 * stream record delivered twice yields the same id and consumers can
 * drop the second. The status is part of it because an order passes
 * through each status at most once, even if a writer forgot to count the
 * version up.
 */
export function orderEventId(
  order: Pick<OrderSnapshot, 'orderId' | 'version' | 'status'>,
  type: OrderEventType,
): string {
  return `${order.orderId}:${order.version}:${order.status}:${type}`;
}

/**
 * Reads an event received from the bus. Throws {@link InvalidOrderEvent}
 * for an unknown `detail-type` or a detail that breaks the contract.
 */
export function parseOrderEvent(
  detailType: string,
  detail: unknown,
): OrderEvent {
  if (!isOrderEventType(detailType)) {
    throw new InvalidOrderEvent(detailType, ['unknown detail-type']);
  }
  const result = DETAIL_SCHEMAS[detailType].safeParse(detail);
  if (!result.success) {
    throw new InvalidOrderEvent(
      detailType,
      result.error.issues.map(
        (issue) => `${issue.path.join('.')} ${issue.message}`,
      ),
    );
  }

  // The schema was picked by the type, so the pair matches.
  return { type: detailType, detail: result.data } as OrderEvent;
}

/** Whether `name` is one of {@link ORDER_EVENT_TYPES}. */
export function isOrderEventType(name: string): name is OrderEventType {
  return (ORDER_EVENT_TYPES as readonly string[]).includes(name);
}
