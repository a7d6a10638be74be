/**
 * How an order is laid out in the single table. Other code (the staff API,
 * the stream consumer) reads these keys, so they are built here only.
 *
 * - PK `ORDER#<orderId>`, SK `ORDER`
 * - GSI1PK `STATUS#<businessDate>#<status>`, GSI1SK `<placedAt>#<orderId>`
 * - GSI2PK `CALLER#<phone>`, GSI2SK `<placedAt>`
 */
import type { Order, OrderStatus } from '../orders/model';

/** The table's global secondary indexes, by what they answer. */
export const ORDER_INDEXES = {
  /** Orders of a business day in one status, newest first. */
  byStatus: 'GSI1',
  /** A caller's orders, newest first. */
  byCaller: 'GSI2',
} as const;

/** The primary key of an order item. */
export interface OrderKey {
  PK: string;
  SK: 'ORDER';
}

/** An order as stored: the order's fields plus its keys. */
export interface OrderItem extends Order, OrderKey {
  entity: 'ORDER';
  GSI1PK: string;
  GSI1SK: string;
  GSI2PK: string;
  GSI2SK: string;
}

const KEY_ATTRIBUTES = [
  'PK',
  'SK',
  'entity',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  // Written by earlier versions (an index of open orders), never read.
  'GSI3PK',
  'GSI3SK',
];

/** The key of the order `orderId`. */
export function orderKey(orderId: string): OrderKey {
  return { PK: `ORDER#${orderId}`, SK: 'ORDER' };
}

/** GSI1's partition: one business day, one status. */
export function statusPartition(
  businessDate: string,
  status: OrderStatus,
): string {
  return `STATUS#${businessDate}#${status}`;
}

/** GSI2's partition: one caller. */
export function callerPartition(phone: string): string {
  return `CALLER#${phone}`;
}

/** The item to store for an order. */
export function toOrderItem(order: Order): OrderItem {
  return {
    // Through JSON: drops undefined optional fields, which the document
    // client rejects unless told otherwise. An order is plain JSON anyway.
    ...(JSON.parse(JSON.stringify(order)) as Order),
    ...orderKey(order.orderId),
    entity: 'ORDER',
    GSI1PK: statusPartition(order.businessDate, order.status),
    GSI1SK: `${order.placedAt}#${order.orderId}`,
    GSI2PK: callerPartition(order.callerNumber),
    GSI2SK: order.placedAt,
  };
}

/** The order in a stored item, without the table's keys. */
export function fromOrderItem(item: Record<string, unknown>): Order {
  const fields = Object.entries(item).filter(
    ([name]) => !KEY_ATTRIBUTES.includes(name),
  );

  return Object.fromEntries(fields) as unknown as Order;
}
