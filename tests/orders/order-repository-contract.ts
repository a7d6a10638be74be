/**
 * What every OrderRepository must do, run against each adapter so that the
 * in-memory store used by call-flow tests behaves like the DynamoDB one.
 */
import type { CustomerRepository } from '../../src/customers/model';
import {
  type Order,
  OrderAlreadyPlaced,
  type OrderRepository,
  type OrderStatus,
} from '../../src/orders/model';
import { orderDraft, uniqueBusinessDate, uniquePhone } from './order-draft';

/** An adapter under test, with the hooks the contract needs. */
export interface OrderRepositorySubject {
  orders: OrderRepository;
  customers: CustomerRepository;
  /** Moves an order to another status, as the kitchen would. */
  setStatus: (order: Order, status: OrderStatus) => Promise<void>;
  /** The time the subject's clock reports (stamps customers). */
  now: string;
}

/** Declares the contract's tests for the subject `subject()` returns. */
export function describeOrderRepositoryContract(
  subject: () => OrderRepositorySubject,
): void {
  describeTicketNumbers(subject);
  describeStoredOrder(subject);
  describeCustomerRecord(subject);
  describeQueries(subject);
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
    expect(next.ticketNumber).toBe(2);
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

  it('counts the open orders of a day only', async () => {
    const { orders, setStatus } = subject();
    const businessDate = uniqueBusinessDate();
    const placed = await Promise.all(
      [1, 2, 3, 4].map(() => orders.create(orderDraft({ businessDate }))),
    );
    await orders.create(orderDraft({ businessDate: uniqueBusinessDate() }));

    await setStatus(placed[0]!, 'PREPARING');
    await setStatus(placed[1]!, 'READY');
    await setStatus(placed[2]!, 'CANCELLED');

    expect(await orders.countOpen(businessDate)).toBe(2);
  });

  it('counts no open orders on a day without orders', async () => {
    expect(await subject().orders.countOpen(uniqueBusinessDate())).toBe(0);
  });
}
