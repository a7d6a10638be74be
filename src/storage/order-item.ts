/**
 * How an order is laid out in the single table. Other code (the staff API,
 * the stream consumer) reads these keys, so they are built here only.
 *
 * - PK `ORDER#<orderId>`, SK `ORDER`
 * - GSI1PK `STATUS#<businessDate>#<status>`, GSI1SK `<placedAt>#<orderId>`
 * - GSI2PK `CALLER#<phone>`, GSI2SK `<placedAt>`
 * - GSI3PK `OPEN#<businessDate>`, GSI3SK `<placedAt>#<orderId>`, present
 *   only while the status is open (a sparse index of the kitchen's work)
 */
import { isOpenStatus, type Order, type OrderStatus } from '../orders/model';

/** The table's global secondary indexes, by what they answer. */
export const ORDER_INDEXES = {
  /** Orders of a business day in one status, newest first. */
  byStatus: 'GSI1',
  /** A caller's orders, newest first. */
  byCaller: 'GSI2',
  /** Sparse: orders of a business day the kitchen still has to make. */
  open: 'GSI3',
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
  GSI3PK?: string;
  GSI3SK?: string;
}

const KEY_ATTRIBUTES = [
  'PK',
  'SK',
  'entity',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
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

/** GSI3's partition: the open orders of one business day. */
export function openPartition(businessDate: string): string {
  return `OPEN#${businessDate}`;
}

/**
 * The item to store for an order. GSI3's keys are left out once the order
 * is no longer open, which takes it out of the sparse index; a status
 * change must therefore write the whole key set this returns.
 */
export function toOrderItem(order: Order): OrderItem {
  const newestFirst = `${order.placedAt}#${order.orderId}`;
  const item: OrderItem = {
    // Through JSON: drops undefined optional fields, which the document
    // client rejects unless told otherwise. An order is plain JSON anyway.
    ...(JSON.parse(JSON.stringify(order)) as Order),
    ...orderKey(order.orderId),
    entity: 'ORDER',
    GSI1PK: statusPartition(order.businessDate, order.status),
    GSI1SK: newestFirst,
    GSI2PK: callerPartition(order.callerNumber),
    GSI2SK: order.placedAt,
  };
  if (isOpenStatus(order.status)) {
    item.GSI3PK = openPartition(order.businessDate);
    item.GSI3SK = newestFirst;
  }

  return item;
}

/** The order in a stored item, without the table's keys. */
export function fromOrderItem(item: Record<string, unknown>): Order {
  const fields = Object.entries(item).filter(
    ([name]) => !KEY_ATTRIBUTES.includes(name),
  );

  return Object.fromEntries(fields) as unknown as Order;
}
