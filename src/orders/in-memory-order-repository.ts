/**
 * The order store in memory, with the DynamoDB store's rules: ticket
 * numbers from 1 each business day, one order per id, the caller's
 * customer record kept up to date, the ready time from the orders still
 * open, and no order of an item the menu has sold out.
 */
import type { Customer } from '../customers/model';
import type { Menu } from '../menu/model';
import { InMemoryCustomerRepository } from '../customers/in-memory-customer-repository';
import {
  InvalidCursor,
  ItemsUnavailable,
  type Order,
  type OrderDraft,
  OrderAlreadyPlaced,
  OrderNotFound,
  type OrderPage,
  type OrderRepository,
  type OrderStatus,
  isOpenStatus,
  type PageRequest,
  type ReadyTimeEstimate,
  StatusConflict,
} from './model';

/** Constructor arguments of {@link InMemoryOrderRepository}. */
export interface InMemoryOrderRepositoryOptions {
  /** Where customers are recorded; a new, empty store by default. */
  customers?: InMemoryCustomerRepository;
  /** Stamps the customer record. Default: the system clock. */
  clock?: () => Date;
  /**
   * The menu each new order's items are checked against, as the store
   * checks the stored menu. Default: every item is on sale.
   */
  menu?: { getMenu(): Promise<Menu> };
}

/** {@link OrderRepository} in memory; reads return copies. */
export class InMemoryOrderRepository implements OrderRepository {
  /** The customers this store records orders on. */
  readonly customers: InMemoryCustomerRepository;
  private readonly clock: () => Date;
  private readonly menu: InMemoryOrderRepositoryOptions['menu'];
  private readonly orders = new Map<string, Order>();
  private readonly lastTickets = new Map<string, number>();

  constructor(options: InMemoryOrderRepositoryOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.menu = options.menu;
    this.customers =
      options.customers ??
      new InMemoryCustomerRepository({ clock: this.clock });
  }

  async create(
    draft: OrderDraft,
    estimate?: ReadyTimeEstimate,
  ): Promise<Order> {
    // Taken before the first await, as DynamoDB's atomic counter takes it,
    // and lost, as there, when the order then fails.
    const ticketNumber = (this.lastTickets.get(draft.businessDate) ?? 0) + 1;
    this.lastTickets.set(draft.businessDate, ticketNumber);
    const openAhead = this.countOpen(draft.businessDate);
    const offSale = await this.itemsOffSale(draft);
    if (this.orders.has(draft.orderId)) {
      throw new OrderAlreadyPlaced(draft.orderId);
    }
    if (offSale.length > 0) throw new ItemsUnavailable(draft.orderId, offSale);
    const order: Order = {
      ...structuredClone(draft),
      ...(estimate && { estimatedReadyAt: estimate(openAhead) }),
      ticketNumber,
      status: 'PLACED',
      updatedAt: draft.placedAt,
      version: 1,
    };
    this.orders.set(order.orderId, order);

    const customer = await this.customers.get(draft.callerNumber);
    const now = this.clock().toISOString();
    await this.customers.put(recordOrder(customer, order, now));

    return structuredClone(order);
  }

  get(orderId: string): Promise<Order | undefined> {
    const order = this.orders.get(orderId);

    return Promise.resolve(order && structuredClone(order));
  }

  listByCaller(phone: string, limit: number): Promise<Order[]> {
    const newestFirst = [...this.orders.values()]
      .filter((order) => order.callerNumber === phone)
      .sort((a, b) => b.placedAt.localeCompare(a.placedAt));

    return Promise.resolve(
      newestFirst.slice(0, Math.max(limit, 0)).map((o) => structuredClone(o)),
    );
  }

  private countOpen(businessDate: string): number {
    const open = [...this.orders.values()].filter(
      (order) =>
        order.businessDate === businessDate && isOpenStatus(order.status),
    );

    return open.length;
  }

  /** The draft's items the menu does not have on sale, each once. */
  private async itemsOffSale(draft: OrderDraft): Promise<string[]> {
    if (this.menu === undefined) return [];
    const { items } = await this.menu.getMenu();
    const onSale = new Set(
      items.filter((item) => item.available).map((item) => item.itemId),
    );
    const ordered = [...new Set(draft.lines.map((line) => line.itemId))];

    return ordered.filter((itemId) => !onSale.has(itemId));
  }

  listByStatus(
    businessDate: string,
    status: OrderStatus,
    page: PageRequest,
  ): Promise<OrderPage> {
    // In an executor, a bad cursor rejects the promise as DynamoDB's would.
    return new Promise((resolve) => {
      resolve(this.readPage(businessDate, status, page));
    });
  }

  private readPage(
    businessDate: string,
    status: OrderStatus,
    page: PageRequest,
  ): OrderPage {
    const listing = `${businessDate}#${status}`;
    const after =
      page.cursor === undefined ? undefined : readCursor(page.cursor, listing);
    const newestFirst = [...this.orders.values()]
      .filter((o) => o.businessDate === businessDate && o.status === status)
      .sort((a, b) => position(b).localeCompare(position(a)))
      .filter((o) => after === undefined || position(o) < after);
    const orders = newestFirst.slice(0, Math.max(page.limit, 0));
    const last = orders.at(-1);
    const more = last !== undefined && newestFirst.length > orders.length;

    return {
      orders: orders.map((o) => structuredClone(o)),
      ...(more && { nextCursor: writeCursor(listing, position(last)) }),
    };
  }

  changeStatus(
    orderId: string,
    expected: OrderStatus,
    next: OrderStatus,
    at: Date,
  ): Promise<Order> {
    const order = this.orders.get(orderId);
    if (order === undefined) return Promise.reject(new OrderNotFound(orderId));
    if (order.status !== expected) {
      return Promise.reject(new StatusConflict(orderId, order.status));
    }
    const moved: Order = {
      ...order,
      status: next,
      updatedAt: at.toISOString(),
      version: order.version + 1,
    };
    this.orders.set(orderId, moved);

    return Promise.resolve(structuredClone(moved));
  }

  /**
   * Stores an order as given, e.g. one moved on to READY (test setup). It
   * takes no ticket number and leaves customers alone.
   */
  put(order: Order): Promise<void> {
    this.orders.set(order.orderId, structuredClone(order));

    return Promise.resolve();
  }
}

/** The caller's customer record after `order`, as the transaction does it. */
function recordOrder(
  customer: Customer | undefined,
  order: Order,
  now: string,
): Customer {
  return {
    ...customer,
    phone: order.callerNumber,
    name: customer?.name ?? (order.customerName || undefined),
    lastOrderId: order.orderId,
    orderCount: (customer?.orderCount ?? 0) + 1,
    createdAt: customer?.createdAt ?? now,
    updatedAt: now,
  };
}

/** Where an order sorts in a listing, as the DynamoDB index sorts it. */
function position(order: Order): string {
  return `${order.placedAt}#${order.orderId}`;
}

/** A cursor: the listing it belongs to and the last position served. */
function writeCursor(listing: string, after: string): string {
  return Buffer.from(JSON.stringify({ listing, after })).toString('base64url');
}

/** The position a cursor of `listing` ends at; InvalidCursor otherwise. */
function readCursor(cursor: string, listing: string): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor('not a cursor');
  }
  const fields = decoded as { listing?: unknown; after?: unknown } | null;
  if (fields?.listing !== listing || typeof fields.after !== 'string') {
    throw new InvalidCursor('not a cursor of this listing');
  }

  return fields.after;
}
