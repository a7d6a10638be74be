import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Customer } from '../../src/customers/model';
import sampleMenu from '../../src/menu/sample-menu.json';
import type { OrderDraft } from '../../src/orders/model';
import { DynamoDbCallerDirectory } from '../../src/storage/dynamodb-caller-directory';
import { DynamoDbCustomerRepository } from '../../src/storage/dynamodb-customer-repository';
import { DynamoDbMenuRepository } from '../../src/storage/dynamodb-menu-repository';
import { DynamoDbOrderRepository } from '../../src/storage/dynamodb-order-repository';
import { orderKey } from '../../src/storage/order-item';
import { parseMenu, seedMenu } from '../../src/storage/seed-menu';
import {
  CALLER_NUMBER,
  callerWith,
  flowFixture,
  heardTexts,
  OPEN_TIME,
  type FlowFixture,
} from '../support/call-flow-fixture';
import { createTestTable, type TestTable } from '../support/dynamodb';

/**
 * Whole keypad calls on the real DynamoDB adapters and DynamoDB Local: the
 * order, the ticket counter and the customer are written by the one
 * transaction the deployed function uses. Each test has a table of its own.
 */

const PLACED_AT = OPEN_TIME.toISOString();
const TWO_ITEM_ORDER = '1 1 2 2 1 1 3 1 1 3 1';
const ADDRESS = '5 Elm Street, Apt 2';
const LARGE_PEPPERONI = {
  itemId: 'pepperoni',
  name: 'Pepperoni',
  sizeId: 'large',
  sizeName: 'Large',
  unitPriceCents: 1899,
  quantity: 1,
};
const COLA = { itemId: 'cola', name: 'Cola', unitPriceCents: 249, quantity: 1 };
const SIDES =
  'Garlic Knots, 5 dollars and 99 cents, press 1. ' +
  'Buffalo Wings, 10 dollars and 99 cents, 2. ' +
  'Caesar Salad, 8 dollars and 99 cents, 3.';

let table: TestTable;

beforeEach(async () => {
  table = await createTestTable();
  await seedMenu(table.client, table.tableName, parseMenu(sampleMenu));
});

afterEach(() => table.dispose());

interface DynamoDbFlow {
  fixture: FlowFixture;
  orders: DynamoDbOrderRepository;
  customers: DynamoDbCustomerRepository;
}

/** The call flow on this test's table, as functions/sma wires it. */
function dynamoDbFlow(menuCacheTtlMs?: number): DynamoDbFlow {
  const orders = new DynamoDbOrderRepository({
    ...table,
    clock: () => OPEN_TIME,
  });
  const customers = new DynamoDbCustomerRepository(table);
  const menu = new DynamoDbMenuRepository({
    ...table,
    cacheTtlMs: menuCacheTtlMs,
  });

  // As functions/sma finds callers: one query of the caller index.
  const callers = new DynamoDbCallerDirectory(table);

  return {
    fixture: flowFixture({ orders, customers, menu, callers }),
    orders,
    customers,
  };
}

/** The ticket number a caller heard in the goodbye. */
function ticketHeard(heard: string[]): number {
  const ticket = /Your ticket number is ([\d ]+)\./.exec(heard.at(-1) ?? '');

  return Number(ticket?.[1]?.replaceAll(' ', ''));
}

describe('keypad ordering on DynamoDB', () => {
  it("stores a first-time caller's order with ticket 1 and reads it back", async () => {
    // Prepare
    const { fixture, customers } = dynamoDbFlow();
    const itemsBefore = await table.countItems();

    // Act
    const record = await fixture.call(TWO_ITEM_ORDER);

    // Assess
    expect(heardTexts(record).at(-1)).toBe(
      'Thank you! Your ticket number is 1. ' +
        'Your total is 23 dollars and 39 cents, ready around 6:15 PM. ' +
        'Goodbye.',
    );
    const expected = {
      orderId: record.transactionId,
      channel: 'KEYPAD',
      callerNumber: CALLER_NUMBER,
      lines: [LARGE_PEPPERONI, COLA],
      subtotalCents: 2148,
      taxCents: 191,
      totalCents: 2339,
      currency: 'USD',
      fulfilment: 'PICKUP',
      businessDate: '2026-12-01',
      placedAt: PLACED_AT,
      estimatedReadyAt: '2026-12-01T23:15:00.000Z',
      ticketNumber: 1,
      status: 'PLACED',
      updatedAt: PLACED_AT,
      version: 1,
    };
    expect(await fixture.orders.get(record.transactionId)).toEqual(expected);
    expect(await fixture.orders.listByCaller(CALLER_NUMBER, 5)).toEqual([
      expected,
    ]);
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.tableName,
        Key: orderKey(record.transactionId),
      }),
    );
    expect(Item).toMatchObject({ ...expected, entity: 'ORDER' });
    expect(await customers.get(CALLER_NUMBER)).toEqual({
      phone: CALLER_NUMBER,
      lastOrderId: record.transactionId,
      orderCount: 1,
      createdAt: PLACED_AT,
      updatedAt: PLACED_AT,
    });
    // The order, the day's ticket counter and the customer.
    expect(await table.countItems()).toBe(itemsBefore + 3);
  });

  it("repeats a returning caller's last order for delivery", async () => {
    // Prepare
    const { fixture, orders, customers } = dynamoDbFlow();
    const previous: OrderDraft = {
      orderId: 'previous-call',
      businessDate: '2026-11-20',
      channel: 'KEYPAD',
      callerNumber: CALLER_NUMBER,
      customerName: 'Maria',
      lines: [{ ...LARGE_PEPPERONI, quantity: 2 }, COLA],
      subtotalCents: 4047,
      taxCents: 359,
      totalCents: 4406,
      currency: 'USD',
      fulfilment: 'PICKUP',
      placedAt: '2026-11-20T23:00:00.000Z',
      estimatedReadyAt: '2026-11-20T23:15:00.000Z',
    };
    await orders.create(previous);
    const maria: Customer = {
      phone: CALLER_NUMBER,
      name: 'Maria',
      deliveryAddress: ADDRESS,
      lastOrderId: 'previous-call',
      orderCount: 1,
      createdAt: '2026-11-20T23:00:00.000Z',
      updatedAt: '2026-11-20T23:00:00.000Z',
    };
    await customers.putCustomer(maria);

    // Act
    const record = await fixture.call('3 1 2 1');

    // Assess
    expect(heardTexts(record)).toEqual([
      "Thanks for calling Tony's Pizzeria. Welcome back, Maria! " +
        'To order, press 1. To repeat your last order, press 3. ' +
        'For your order status, press 4.',
      'Here is your last order. You have: 2 large Pepperoni, ' +
        '37 dollars and 98 cents. 1 Cola, 2 dollars and 49 cents. ' +
        'Total with tax, 44 dollars and 6 cents. Press 1 to finish, ' +
        '2 to remove the last item, 3 to start over, or 4 to add more.',
      `Press 1 for pickup, or 2 for delivery to ${ADDRESS}.`,
      'Your total is 44 dollars and 6 cents with tax, for delivery. ' +
        'Press 1 to place your order, or star to go back.',
      'Thank you! Your ticket number is 1. ' +
        'Your total is 44 dollars and 6 cents, delivered around 6:15 PM. ' +
        'Goodbye.',
    ]);
    expect(await orders.get(record.transactionId)).toEqual({
      ...previous,
      orderId: record.transactionId,
      fulfilment: 'DELIVERY',
      deliveryAddress: ADDRESS,
      businessDate: '2026-12-01',
      placedAt: PLACED_AT,
      estimatedReadyAt: '2026-12-01T23:15:00.000Z',
      ticketNumber: 1,
      status: 'PLACED',
      updatedAt: PLACED_AT,
      version: 1,
    });
    expect(await customers.get(CALLER_NUMBER)).toEqual({
      ...maria,
      lastOrderId: record.transactionId,
      orderCount: 2,
      updatedAt: PLACED_AT,
    });
  });

  it('stores exactly one order when Chime delivers every event twice', async () => {
    // Prepare
    const { fixture } = dynamoDbFlow();
    const itemsBefore = await table.countItems();

    // Act
    const record = await fixture.call(TWO_ITEM_ORDER, {
      duplicateDelivery: true,
    });

    // Assess
    for (const { answers } of record.exchanges) {
      expect(answers).toHaveLength(2);
      expect(answers[1]).toEqual(answers[0]);
    }
    expect(ticketHeard(heardTexts(record))).toBe(1);
    const stored = await fixture.orders.listByCaller(CALLER_NUMBER, 5);
    expect(stored.map((order) => [order.orderId, order.ticketNumber])).toEqual([
      [record.transactionId, 1],
    ]);
    expect(await table.countItems()).toBe(itemsBefore + 3);
  });

  it('gives 10 concurrent calls the tickets 1 to 10, each its own', async () => {
    // Prepare
    const { fixture } = dynamoDbFlow();
    const callers = Array.from(
      { length: 10 },
      (_, index) => `+1206555${String(200 + index).padStart(4, '0')}`,
    );

    // Act
    const records = await Promise.all(
      callers.map((from) => fixture.call(TWO_ITEM_ORDER, { from })),
    );

    // Assess
    const heard = records.map((record) => ticketHeard(heardTexts(record)));
    expect([...heard].sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    for (const [index, from] of callers.entries()) {
      const stored = await fixture.orders.listByCaller(from, 5);
      expect(stored.map((order) => order.orderId)).toEqual([
        records[index]!.transactionId,
      ]);
      expect(stored[0]?.ticketNumber).toBe(heard[index]);
    }
  });

  it('takes an item staff sold out during the call off the order as it is placed', async () => {
    // Prepare
    const { fixture } = dynamoDbFlow();
    const staff = new DynamoDbMenuRepository(table);
    const markSoldOut = async () => {
      await staff.setAvailability('garlic-knots', false);
    };

    // Act: knots (1) x1, finish, place; then wings (2) x1, finish, place.
    const record = await fixture.call(
      callerWith('1 2', markSoldOut, '1 1 3 1 2 2 1 3 1'),
    );

    // Assess
    const heard = heardTexts(record);
    expect(heard[2]).toBe(SIDES);
    const refused = heard.findIndex((text) =>
      text.startsWith(
        'Sorry, Garlic Knots is sold out now and off your order.',
      ),
    );
    expect(refused).toBeGreaterThan(0);
    expect(heard[refused + 1]).toBe(
      'Buffalo Wings, 10 dollars and 99 cents, press 2. ' +
        'Caesar Salad, 8 dollars and 99 cents, 3.',
    );
    expect(heard.at(-1)).toMatch(/^Thank you! Your ticket number is/);
    const orders = await fixture.orders.listByCaller(CALLER_NUMBER, 5);
    expect(orders.map((order) => order.lines)).toEqual([
      [
        {
          itemId: 'buffalo-wings',
          name: 'Buffalo Wings',
          unitPriceCents: 1099,
          quantity: 1,
        },
      ],
    ]);
  });
});
