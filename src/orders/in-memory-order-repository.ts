/**
 * The order store in memory, with the DynamoDB store's rules: ticket
 * numbers from 1 each business day, one order per id, the caller's
 * customer record kept up to date, open orders counted by status.
 */
import type { Customer } from '../customers/model';
import { InMemoryCustomerRepository } from '../customers/in-memory-customer-repository';
import {
  type Order,
  type OrderDraft,
  OrderAlreadyPlaced,
  isOpenStatus,
  type OrderRepository,
} from './model';

/** Constructor arguments of {@link InMemoryOrderRepository}. */
export interface InMemoryOrderRepositoryOptions {
  /** Where customers are recorded; a new, empty store by default. */
  customers?: InMemoryCustomerRepository;
  /** Stamps the customer record. Default: the system clock. */
  clock?: () => Date;
}

/** {@link OrderRepository} in memory; reads return copies. */
export class InMemoryOrderRepository implements OrderRepository {
  /** The customers this store records orders on. */
  readonly customers: InMemoryCustomerRepository;
  private readonly clock: () => Date;
  private readonly orders = new Map<string, Order>();
  private readonly lastTickets = new Map<string, number>();

  constructor(options: InMemoryOrderRepositoryOptions = {}) {
    this.customers = options.customers ?? new InMemoryCustomerRepository();
    this.clock = options.clock ?? (() => new Date());
  }

  async create(draft: OrderDraft): Promise<Order> {
    if (this.orders.has(draft.orderId)) {
      throw new OrderAlreadyPlaced(draft.orderId);
    }
    // Taken before the first await, as the transaction takes it atomically.
    const ticketNumber = (this.lastTickets.get(draft.businessDate) ?? 0) + 1;
    this.lastTickets.set(draft.businessDate, ticketNumber);
    const order: Order = {
      ...structuredClone(draft),
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

  countOpen(businessDate: string): Promise<number> {
    const open = [...this.orders.values()].filter(
      (order) =>
        order.businessDate === businessDate && isOpenStatus(order.status),
    );

    return Promise.resolve(open.length);
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
