/**
 * Orders as stored and as every part of the product reads them. Money is in
 * integer cents; times are ISO-8601 UTC; `businessDate` is the restaurant's
 * local date (YYYY-MM-DD) the order was placed on.
 */

export const ORDER_STATUSES = [
  'PLACED',
  'CONFIRMED',
  'PREPARING',
  'READY',
  'OUT_FOR_DELIVERY',
  'COMPLETED',
  'CANCELLED',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses in which the kitchen still has work to do on an order. */
export const OPEN_STATUSES: readonly OrderStatus[] = [
  'PLACED',
  'CONFIRMED',
  'PREPARING',
];

/** Whether the kitchen still has work to do on an order in this status. */
export function isOpenStatus(status: OrderStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export type Fulfilment = 'PICKUP' | 'DELIVERY';
export type OrderChannel = 'KEYPAD' | 'VOICE';

export interface OrderLine {
  itemId: string;
  name: string;
  sizeId?: string;
  sizeName?: string;
  unitPriceCents: number;
  quantity: number;
}

export interface OrderTotals {
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
  currency: string;
}

/** What the call flow hands over to be stored: everything but the ticket. */
export interface OrderDraft extends OrderTotals {
  /** Derived from the call's TransactionId: one call, one order. */
  orderId: string;
  businessDate: string;
  channel: OrderChannel;
  callerNumber: string;
  customerName?: string;
  lines: OrderLine[];
  fulfilment: Fulfilment;
  deliveryAddress?: string;
  placedAt: string;
  estimatedReadyAt: string;
}

export interface Order extends OrderDraft {
  /** Daily number staff can call out, from 1 each business day. */
  ticketNumber: number;
  status: OrderStatus;
  updatedAt: string;
  /** Incremented on every change. */
  version: number;
}

/**
 * The ready time of a new order, from how many of its business day's orders
 * the kitchen still has open ahead of it.
 */
export type ReadyTimeEstimate = (openOrders: number) => string;

export interface OrderRepository {
  /**
   * Stores a new order with the day's next ticket number, and records it on
   * the caller's customer record. With `estimate`, the order's ready time
   * is `estimate(orders still open ahead of it)`, counted as the ticket is
   * taken; without, the draft's stands. Throws {@link OrderAlreadyPlaced}
   * when an order with the draft's id exists and {@link ItemsUnavailable}
   * when an item of the order is sold out or off the menu.
   */
  create(draft: OrderDraft, estimate?: ReadyTimeEstimate): Promise<Order>;
  get(orderId: string): Promise<Order | undefined>;
  /** A caller's most recent orders, newest first. */
  listByCaller(phone: string, limit: number): Promise<Order[]>;
  /**
   * One page of a business day's orders in one status, newest first. Pass
   * the `nextCursor` of a page to read the next; throws
   * {@link InvalidCursor} when a cursor was not issued for this listing.
   */
  listByStatus(
    businessDate: string,
    status: OrderStatus,
    page: PageRequest,
  ): Promise<OrderPage>;
  /**
   * Moves an order to `next` only if it is still in `expected`, stamping
   * `at` and the next version. Throws {@link StatusConflict} when the
   * order is in another status and {@link OrderNotFound} when there is
   * none. Whether the move is allowed is the status machine's business.
   */
  changeStatus(
    orderId: string,
    expected: OrderStatus,
    next: OrderStatus,
    at: Date,
  ): Promise<Order>;
}

/** Which page of a listing to read. */
export interface PageRequest {
  /** At most this many orders; at least 1. */
  limit: number;
  /** Where the previous page ended; the first page when absent. */
  cursor?: string;
}

/** A page of orders and, when more follow, where the next page starts. */
export interface OrderPage {
  orders: Order[];
  /** Opaque to callers: only the store that issued it can read it. */
  nextCursor?: string;
}

/** Thrown when an order with this id was already stored. */
export class OrderAlreadyPlaced extends Error {
  constructor(readonly orderId: string) {
    super(`order ${orderId} was already placed`);
    this.name = 'OrderAlreadyPlaced';
  }
}

/**
 * Thrown when an order names items that are sold out, or no longer on the
 * menu, at the moment it is stored. Nothing is stored.
 */
export class ItemsUnavailable extends Error {
  constructor(
    readonly orderId: string,
    readonly itemIds: readonly string[],
  ) {
    super(`order ${orderId}: unavailable items ${itemIds.join(', ')}`);
    this.name = 'ItemsUnavailable';
  }
}

/** Thrown when no order has this id. */
export class OrderNotFound extends Error {
  constructor(readonly orderId: string) {
    super(`order ${orderId} not found`);
    this.name = 'OrderNotFound';
  }
}

/**
 * Thrown when an order is no longer in the status a change expected,
 * typically because someone else moved it first.
 */
export class StatusConflict extends Error {
  constructor(
    readonly orderId: string,
    readonly currentStatus: OrderStatus,
  ) {
    super(`order ${orderId} is ${currentStatus}`);
    this.name = 'StatusConflict';
  }
}

/** Thrown when a page cursor is malformed or from another listing. */
export class InvalidCursor extends Error {
  constructor(readonly reason: string) {
    super(`invalid cursor: ${reason}`);
    this.name = 'InvalidCursor';
  }
}
