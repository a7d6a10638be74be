/**
 * What every OrderRepository must do, run against each adapter so that the
 * in-memory store used by call-flow tests behaves like the DynamoDB one.
 */
import type { CustomerRepository } from '../../src/customers/model';
import type { MenuRepository } from '../../src/menu/model';
import {
  InvalidCursor,
  ItemsUnavailable,
  type Order,
  OrderAlreadyPlaced,
  OrderNotFound,
  type OrderRepository,
  type OrderStatus,
  StatusConflict,
} from '../../src/orders/model';
import { orderDraft, uniqueBusinessDate, uniquePhone } from './order-draft';

/** An adapter under test, with the hooks the contract needs. */
export interface OrderRepositorySubject {
  orders: OrderRepository;
  customers: CustomerRepository;
  /** The sample menu the store checks new orders' items against. */
  menu: MenuRepository;
  /**
   * Puts an order in another status directly, as test set-up: not a move
   * the kitchen makes, so it counts nothing.
   */
  setStatus: (order: Order, status: OrderStatus) => Promise<void>;
  /** The time the subject's clock reports (stamps customers). */
  now: string;
}

/** Declares the contract's tests for the subject `subject()` returns. */
export function describeOrderRepositoryContract(
  subject: () => OrderRepositorySubject,
): void {
  describeTicketNumbers(subject);
  describeReadyTime(subject);
  describeItemsOnSale(subject);
  describeStoredOrder(subject);
  describeCustomerRecord(subject);
  describeQueries(subject);
  describeStatusListing(subject);
  describeStatusChanges(subject);
}

function describeTicketNumbers(subject: () => OrderRepositorySubject): void {
  it('gives the first order of a day ticket 1 and the next one ticket 2', async () => {
    const { orders } = subject();
    const businessDate = uniqueBusinessDate();

    const first = await orders.create(orderDraft({ businessDate }));
    const second = await orders.create(orderDraft({ businessDate }));

    expect([first.ticketNumber, second.ticketNumber]).toEqual([1, 2]);
  });

  it('starts the ticket numbers again at 1 on the next day', async () => {
    const { orders } = subject();
    await orders.create(orderDraft({ businessDate: uniqueBusinessDate() }));

    const nextDay = await orders.create(
      orderDraft({ businessDate: uniqueBusinessDate() }),
    );

    expect(nextDay.ticketNumber).toBe(1);
  });

  it('gives 20 simultaneous orders tickets 1 to 20, none twice', async () => {
    const { orders } = subject();
    const businessDate = uniqueBusinessDate();

    const placed = await Promise.all(
      Array.from({ length: 20 }, () =>
        orders.create(orderDraft({ businessDate })),
      ),
    );

    const tickets = placed.map((o) => o.ticketNumber).sort((a, b) => a - b);
    expect(tickets).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('refuses a second order with the same id and keeps the first', async () => {
    const { orders } = subject();
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });
    const first = await orders.create(draft);

    const again = orders.create({ ...draft, totalCents: 1 });

    await expect(again).rejects.toThrow(OrderAlreadyPlaced);
    await expect(again).rejects.toMatchObject({ orderId: draft.orderId });
    expect(await orders.get(draft.orderId)).toEqual(first);
    const next = await orders.create(
      orderDraft({ businessDate: draft.businessDate }),
    );
    // The refused duplicate spent number 2: numbers stay distinct, rising.
    expect(next.ticketNumber).toBe(3);
  });
}

/** The open orders ahead of the next order of `businessDate`. */
async function openAheadOfNext(
  orders: OrderRepository,
  businessDate: string,
): Promise<number> {
  let seen = Number.NaN;
  await orders.create(orderDraft({ businessDate }), (openOrders) => {
    seen = openOrders;

    return '2030-01-01T19:00:00.000Z';
  });

  return seen;
}

function describeReadyTime(subject: () => OrderRepositorySubject): void {
  it('estimates the ready time from the open orders of the day only', async () => {
    const { orders } = subject();
    const businessDate = uniqueBusinessDate();
    const placed = await Promise.all(
      [1, 2, 3, 4].map(() => orders.create(orderDraft({ businessDate }))),
    );
    await orders.create(orderDraft({ businessDate: uniqueBusinessDate() }));
    const at = new Date('2030-01-01T18:30:00.000Z');

    await orders.changeStatus(placed[0]!.orderId, 'PLACED', 'PREPARING', at);
    await orders.changeStatus(placed[1]!.orderId, 'PLACED', 'READY', at);
    await orders.changeStatus(placed[2]!.orderId, 'PLACED', 'CANCELLED', at);

    expect(await openAheadOfNext(orders, businessDate)).toBe(2);
  });

  it("stores the estimate's ready time on the order", async () => {
    const { orders } = subject();
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });

    const order = await orders.create(draft, (openOrders) =>
      openOrders === 0 ? '2030-01-01T18:20:00.000Z' : 'wrong',
    );

    expect(order.estimatedReadyAt).toBe('2030-01-01T18:20:00.000Z');
    expect(await orders.get(draft.orderId)).toEqual(order);
  });

  it('counts no open orders ahead of the first order of a day', async () => {
    const { orders } = subject();

    expect(await openAheadOfNext(orders, uniqueBusinessDate())).toBe(0);
  });
}

function describeItemsOnSale(subject: () => OrderRepositorySubject): void {
  it('refuses an order of a sold-out item, naming it, and stores nothing', async () => {
    const { orders, menu } = subject();
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });
    await menu.setAvailability('cola', false);
    try {
      const placing = orders.create(draft);

      await expect(placing).rejects.toThrow(ItemsUnavailable);
      await expect(placing).rejects.toMatchObject({ itemIds: ['cola'] });
      expect(await orders.get(draft.orderId)).toBeUndefined();
    } finally {
      await menu.setAvailability('cola', true);
    }
  });

  it('refuses an item that is not on the menu', async () => {
    const { orders } = subject();
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });
    const line = { ...draft.lines[1]!, itemId: 'not-on-the-menu' };

    const placing = orders.create({ ...draft, lines: [line] });

    await expect(placing).rejects.toMatchObject({
      itemIds: ['not-on-the-menu'],
    });
  });
}

function describeStoredOrder(subject: () => OrderRepositorySubject): void {
  it('stores the order as placed, version 1, updated when placed', async () => {
    const { orders } = subject();
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });

    const created = await orders.create(draft);

    expect(created).toEqual({
      ...draft,
      ticketNumber: 1,
      status: 'PLACED',
      version: 1,
      updatedAt: draft.placedAt,
    });
    expect(await orders.get(draft.orderId)).toEqual(created);
  });

  it('finds no order under an unknown id', async () => {
    expect(await subject().orders.get('no-such-order')).toBeUndefined();
  });
}

function describeCustomerRecord(subject: () => OrderRepositorySubject): void {
  it('creates the caller as a customer on a first order', async () => {
    const { orders, customers, now } = subject();
    const draft = orderDraft({
      callerNumber: uniquePhone(),
      customerName: 'Ana',
    });

    await orders.create(draft);

    expect(await customers.get(draft.callerNumber)).toEqual({
      phone: draft.callerNumber,
      name: 'Ana',
      lastOrderId: draft.orderId,
      orderCount: 1,
      createdAt: now,
      updatedAt: now,
    });
  });

  it('counts a returning caller and keeps the name on file', async () => {
    const { orders, customers } = subject();
    const callerNumber = uniquePhone();
    await orders.create(orderDraft({ callerNumber, customerName: 'Ana' }));

    const second = orderDraft({ callerNumber, customerName: 'Anna B' });
    await orders.create(second);

    expect(await customers.get(callerNumber)).toMatchObject({
      name: 'Ana',
      lastOrderId: second.orderId,
      orderCount: 2,
    });
  });

  it('records a caller who gave no name without one', async () => {
    const { orders, customers } = subject();
    const draft = orderDraft({ callerNumber: uniquePhone() });

    await orders.create(draft);

    const customer = await customers.get(draft.callerNumber);
    expect(customer?.orderCount).toBe(1);
    expect(customer?.name).toBeUndefined();
  });
}

function describeQueries(subject: () => OrderRepositorySubject): void {
  it("lists a caller's orders newest first, up to the limit", async () => {
    const { orders } = subject();
    const callerNumber = uniquePhone();
    const placedAt = (minute: number) =>
      `2030-02-01T18:${String(minute).padStart(2, '0')}:00.000Z`;
    for (const minute of [10, 30, 20]) {
      await orders.create(
        orderDraft({ callerNumber, placedAt: placedAt(minute) }),
      );
    }
    await orders.create(orderDraft({ callerNumber: uniquePhone() }));

    const recent = await orders.listByCaller(callerNumber, 2);

    expect(recent.map((o) => o.placedAt)).toEqual([placedAt(30), placedAt(20)]);
  });
}

/** `count` orders of one new day, placed a minute apart (oldest first). */
async function placeDay(
  orders: OrderRepository,
  count: number,
): Promise<Order[]> {
  const businessDate = uniqueBusinessDate();
  const placed: Order[] = [];
  for (let minute = 0; minute < count; minute += 1) {
    const placedAt = `${businessDate}T18:${String(minute).padStart(2, '0')}:00.000Z`;
    placed.push(await orders.create(orderDraft({ businessDate, placedAt })));
  }

  return placed;
}

function describeStatusListing(subject: () => OrderRepositorySubject): void {
  it('lists the orders of a day in one status, newest first', async () => {
    const { orders, setStatus } = subject();
    const placed = await placeDay(orders, 3);
    await orders.create(orderDraft({ businessDate: uniqueBusinessDate() }));
    await setStatus(placed[1]!, 'CONFIRMED');

    const page = await orders.listByStatus(placed[0]!.businessDate, 'PLACED', {
      limit: 10,
    });

    expect(page.orders.map((o) => o.orderId)).toEqual([
      placed[2]!.orderId,
      placed[0]!.orderId,
    ]);
    expect(page.nextCursor).toBeUndefined();
  });

  it('pages through a listing with cursors, ending without one', async () => {
    const { orders } = subject();
    const placed = await placeDay(orders, 4);
    const day = placed[0]!.businessDate;

    const first = await orders.listByStatus(day, 'PLACED', { limit: 2 });
    const second = await orders.listByStatus(day, 'PLACED', {
      limit: 2,
      cursor: first.nextCursor,
    });

    const ids = [...first.orders, ...second.orders].map((o) => o.orderId);
    expect(ids).toEqual(placed.map((o) => o.orderId).reverse());
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(second.nextCursor).toBeUndefined();
  });

  it('refuses a cursor issued for another status or day', async () => {
    const { orders } = subject();
    const placed = await placeDay(orders, 2);
    const day = placed[0]!.businessDate;
    const { nextCursor } = await orders.listByStatus(day, 'PLACED', {
      limit: 1,
    });

    const otherStatus = orders.listByStatus(day, 'READY', {
      limit: 1,
      cursor: nextCursor,
    });
    const otherDay = orders.listByStatus(uniqueBusinessDate(), 'PLACED', {
      limit: 1,
      cursor: nextCursor,
    });

    await expect(otherStatus).rejects.toThrow(InvalidCursor);
    await expect(otherDay).rejects.toThrow(InvalidCursor);
  });

  it('refuses a cursor that is not one', async () => {
    const listing = subject().orders.listByStatus(
      uniqueBusinessDate(),
      'PLACED',
      { limit: 1, cursor: 'bm90LWEtY3Vyc29y' },
    );

    await expect(listing).rejects.toThrow(InvalidCursor);
  });
}

const movedAt = new Date('2030-03-01T12:00:00.000Z');

function describeStatusChanges(subject: () => OrderRepositorySubject): void {
  it('moves an order, stamps it and lists it under its new status', async () => {
    const { orders } = subject();
    const [order] = await placeDay(orders, 1);
    const { orderId, businessDate } = order!;

    const moved = await orders.changeStatus(
      orderId,
      'PLACED',
      'CONFIRMED',
      movedAt,
    );

    expect(moved).toEqual({
      ...order,
      status: 'CONFIRMED',
      version: 2,
      updatedAt: movedAt.toISOString(),
    });
    expect(await orders.get(orderId)).toEqual(moved);
    const listed = async (status: OrderStatus) =>
      (await orders.listByStatus(businessDate, status, { limit: 5 })).orders;
    expect(await listed('PLACED')).toEqual([]);
    expect(await listed('CONFIRMED')).toEqual([moved]);
  });

  it('stops counting an order as open once it is ready', async () => {
    const { orders, setStatus } = subject();
    const [order] = await placeDay(orders, 1);
    await setStatus(order!, 'PREPARING');

    await orders.changeStatus(order!.orderId, 'PREPARING', 'READY', movedAt);

    expect(await openAheadOfNext(orders, order!.businessDate)).toBe(0);
  });

  it('refuses a move from a status the order is no longer in', async () => {
    const { orders, setStatus } = subject();
    const [order] = await placeDay(orders, 1);
    await setStatus(order!, 'CONFIRMED');

    const stale = orders.changeStatus(
      order!.orderId,
      'PLACED',
      'CANCELLED',
      movedAt,
    );

    await expect(stale).rejects.toThrow(StatusConflict);
    await expect(stale).rejects.toMatchObject({ currentStatus: 'CONFIRMED' });
    expect((await orders.get(order!.orderId))?.status).toBe('CONFIRMED');
  });

  it('lets exactly one of two simultaneous moves through', async () => {
    const { orders } = subject();
    const [order] = await placeDay(orders, 1);
    const move = (to: OrderStatus) =>
      orders.changeStatus(order!.orderId, 'PLACED', to, movedAt);

    const outcomes = await Promise.allSettled([
      move('CONFIRMED'),
      move('CANCELLED'),
    ]);

    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(
      StatusConflict,
    );
    expect((await orders.get(order!.orderId))?.version).toBe(2);
  });

  it('reports an unknown order as not found', async () => {
    const move = subject().orders.changeStatus(
      'no-such-order',
      'PLACED',
      'CONFIRMED',
      movedAt,
    );

    await expect(move).rejects.toThrow(OrderNotFound);
  });
}
