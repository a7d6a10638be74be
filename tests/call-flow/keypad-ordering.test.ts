import type { Customer } from '../../src/customers/model';
import type { CallRecord } from '../../src/local/call-record';
import { InMemoryOrderRepository } from '../../src/orders/in-memory-order-repository';
import type { Order, OrderDraft, OrderStatus } from '../../src/orders/model';
import type { CallMetric, CallFlowSettings } from '../../src/call-flow/types';
import {
  CALLER_NUMBER,
  flowFixture,
  heardTexts,
  OPEN_TIME,
  STAFF_NUMBER,
  type FlowFixture,
} from '../support/call-flow-fixture';

/**
 * Whole keypad calls as a caller lives them: scripted key presses through
 * the phone simulator, the call flow on in-memory adapters. Each test reads
 * the exact words heard and the order stored.
 */

const WELCOME = "Thanks for calling Tony's Pizzeria.";
const MAIN_MENU = 'To order, press 1.';
const GO_BACK = 'Press star to go back at any time.';
const CATEGORIES = 'Pizzas, press 1. Sides, 2. Drinks, 3.';
const PIZZAS =
  'Margherita, from 12 dollars and 99 cents, press 1. ' +
  'Pepperoni, from 14 dollars and 49 cents, 2. ' +
  'Veggie Supreme, from 14 dollars and 99 cents, 3. ' +
  'Meat Lovers, from 15 dollars and 99 cents, 4.';
const PEPPERONI_SIZES =
  'Medium, 14 dollars and 49 cents, press 1. Large, 18 dollars and 99 cents, 2.';
const SIDES =
  'Garlic Knots, 5 dollars and 99 cents, press 1. ' +
  'Buffalo Wings, 10 dollars and 99 cents, 2. ' +
  'Caesar Salad, 8 dollars and 99 cents, 3.';
const DRINKS =
  'Cola, 2 dollars and 49 cents, press 1. ' +
  'Lemon-Lime Soda, 2 dollars and 49 cents, 2. ' +
  'Iced Tea, 2 dollars and 79 cents, 3. ' +
  'Bottled Water, 1 dollar and 99 cents, 4.';
/** The quantity question, naming the item chosen. */
const howMany = (item: string) => `How many ${item}? Press 1 to 9.`;
const AFTER_ITEM = 'Press 1 to add more, 2 to review, or 3 to finish.';
const REVIEW_KEYS =
  'Press 1 to finish, 2 to remove the last item, 3 to start over, ' +
  'or 4 to add more.';
const REVIEW_PEPPERONI =
  'You have: 1 large Pepperoni, 18 dollars and 99 cents. ' +
  `Total with tax, 20 dollars and 68 cents. ${REVIEW_KEYS}`;
const CONFIRM_PEPPERONI =
  'Your total is 20 dollars and 68 cents with tax, for pickup. ' +
  'Press 1 to place your order, or star to go back.';
/** Chime's own failure prompt, set by the flow on every question. */
const NOT_CAUGHT = 'Sorry, I did not catch that.';
const GIVE_UP = 'I still could not get that.';
const TO_STAFF = 'Connecting you to our staff now.';
const PLACE_FAILED = 'Sorry, we could not place your order just now.';

/** Order, pizzas, pepperoni, large, one: the cart holds a large pepperoni. */
const LARGE_PEPPERONI = '1 1 2 2 1';
/** A large pepperoni and a cola, finished and placed. */
const TWO_ITEM_ORDER = '1 1 2 2 1 1 3 1 1 3 1';

const PLACED_AT = OPEN_TIME.toISOString();
const ADDRESS = '5 Elm Street, Apt 2';

const LARGE_PEPPERONI_LINE = {
  itemId: 'pepperoni',
  name: 'Pepperoni',
  sizeId: 'large',
  sizeName: 'Large',
  unitPriceCents: 1899,
  quantity: 1,
};

const MARIA: Customer = {
  phone: CALLER_NUMBER,
  name: 'Maria',
  deliveryAddress: ADDRESS,
  lastOrderId: 'previous-call',
  orderCount: 1,
  createdAt: '2026-11-20T23:00:00.000Z',
  updatedAt: '2026-11-20T23:00:00.000Z',
};

/** Maria's order of 20 November: two large Margheritas and garlic knots. */
function previousOrder(status: OrderStatus): Order {
  return {
    orderId: 'previous-call',
    channel: 'KEYPAD',
    callerNumber: CALLER_NUMBER,
    customerName: 'Maria',
    lines: [
      {
        itemId: 'margherita',
        name: 'Margherita',
        sizeId: 'large',
        sizeName: 'Large',
        unitPriceCents: 1699,
        quantity: 2,
      },
      {
        itemId: 'garlic-knots',
        name: 'Garlic Knots',
        unitPriceCents: 599,
        quantity: 1,
      },
    ],
    subtotalCents: 3997,
    taxCents: 355,
    totalCents: 4352,
    currency: 'USD',
    fulfilment: 'PICKUP',
    businessDate: '2026-11-20',
    placedAt: '2026-11-20T23:00:00.000Z',
    estimatedReadyAt: '2026-11-20T23:15:00.000Z',
    ticketNumber: 12,
    status,
    updatedAt: '2026-11-20T23:40:00.000Z',
    version: 3,
  };
}

/** An order store whose first `create` fails, as a throttled table would. */
class FailingOnceOrderRepository extends InMemoryOrderRepository {
  private failed = false;

  override create(draft: OrderDraft): Promise<Order> {
    if (this.failed) return super.create(draft);
    this.failed = true;

    return Promise.reject(new Error('ProvisionedThroughputExceeded'));
  }
}

type Caller = 'first-time' | 'returning' | 'failing-store';

/** The flow for a kind of caller: new, Maria, or one whose store fails. */
async function fixtureFor(
  caller: Caller,
  settings: Partial<CallFlowSettings> = {},
  status: OrderStatus = 'COMPLETED',
): Promise<FlowFixture> {
  const clock = () => OPEN_TIME;
  const orders =
    caller === 'failing-store'
      ? new FailingOnceOrderRepository({ clock })
      : new InMemoryOrderRepository({ clock });
  if (caller === 'returning') {
    await orders.customers.put(MARIA);
    await orders.put(previousOrder(status));
  }

  return flowFixture({ orders, settings });
}

function countOf(fixture: FlowFixture, metric: CallMetric): number {
  return fixture.metrics.filter((counted) => counted === metric).length;
}

/** Every order the call stored: none, or the one keyed by its call. */
async function ordersOfCall(
  fixture: FlowFixture,
  record: CallRecord,
): Promise<Order[]> {
  const order = await fixture.orders.get(record.transactionId);

  return order === undefined ? [] : [order];
}

describe('keypad ordering', () => {
  describe('a first-time caller', () => {
    it('orders a large pepperoni and a cola for pickup and hears ticket 1', async () => {
      // Prepare
      const fixture = flowFixture();

      // Act
      const record = await fixture.call(TWO_ITEM_ORDER);

      // Assess
      expect(heardTexts(record)).toEqual([
        `${WELCOME} ${MAIN_MENU}`,
        `${GO_BACK} ${CATEGORIES}`,
        PIZZAS,
        PEPPERONI_SIZES,
        howMany('large Pepperoni'),
        `Added 1 large Pepperoni. ${AFTER_ITEM}`,
        CATEGORIES,
        DRINKS,
        howMany('Cola'),
        `Added 1 Cola. ${AFTER_ITEM}`,
        'Your total is 23 dollars and 39 cents with tax, for pickup. ' +
          'Press 1 to place your order, or star to go back.',
        'Thank you! Your ticket number is 1. ' +
          'Your total is 23 dollars and 39 cents, ready around 6:15 PM. ' +
          'Goodbye.',
      ]);
      expect(record.transcript.at(-1)).toEqual({
        kind: 'hung-up',
        by: 'application',
      });
      expect(record.ending).toBe('application-hung-up');
      expect(record.problems).toEqual([]);
      expect(fixture.metrics).toEqual(['Calls', 'OrdersPlaced']);
      expect(await fixture.orders.listByCaller(CALLER_NUMBER, 5)).toEqual([
        {
          orderId: record.transactionId,
          channel: 'KEYPAD',
          callerNumber: CALLER_NUMBER,
          lines: [
            LARGE_PEPPERONI_LINE,
            { itemId: 'cola', name: 'Cola', unitPriceCents: 249, quantity: 1 },
          ],
          // 21.48 dollars with 8.875 % tax: 1.90635, rounded to 1.91.
          subtotalCents: 2148,
          taxCents: 191,
          totalCents: 2339,
          currency: 'USD',
          fulfilment: 'PICKUP',
          businessDate: '2026-12-01',
          placedAt: PLACED_AT,
          // 6:15 PM in New York, said as such, not as 23:15 UTC.
          estimatedReadyAt: '2026-12-01T23:15:00.000Z',
          ticketNumber: 1,
          status: 'PLACED',
          updatedAt: PLACED_AT,
          version: 1,
        },
      ]);
    });

    it('speaks under 1,500 characters for a two-item order', async () => {
      // Prepare
      const fixture = flowFixture();

      // Act
      const record = await fixture.call(TWO_ITEM_ORDER);

      // Assess
      expect(record.spokenCharacters).toBe(heardTexts(record).join('').length);
      expect(record.spokenCharacters).toBeLessThan(1_500);
    });

    it('promises a later ready time and the next ticket while orders wait', async () => {
      // Prepare
      const fixture = flowFixture();
      await fixture.call(TWO_ITEM_ORDER, { from: '+12065550101' });
      await fixture.call(TWO_ITEM_ORDER, { from: '+12065550102' });

      // Act
      const record = await fixture.call(TWO_ITEM_ORDER);

      // Assess
      // 15 minutes and 4 for each of the 2 open orders, rounded up to 6:25.
      expect(heardTexts(record).at(-1)).toBe(
        'Thank you! Your ticket number is 3. ' +
          'Your total is 23 dollars and 39 cents, ready around 6:25 PM. ' +
          'Goodbye.',
      );
      const [order] = await ordersOfCall(fixture, record);
      expect(order?.ticketNumber).toBe(3);
      expect(order?.estimatedReadyAt).toBe('2026-12-01T23:25:00.000Z');
    });
  });

  describe('a returning caller', () => {
    it('is welcomed by name and repeats the last order for delivery to the address on file', async () => {
      // Prepare
      const fixture = await fixtureFor('returning');

      // Act
      const record = await fixture.call('3 1 2 1');

      // Assess
      expect(heardTexts(record)).toEqual([
        `${WELCOME} Welcome back, Maria! ${MAIN_MENU} ` +
          'To repeat your last order, press 3.',
        'Here is your last order. You have: 2 large Margherita, ' +
          '33 dollars and 98 cents. 1 Garlic Knots, 5 dollars and 99 ' +
          `cents. Total with tax, 43 dollars and 52 cents. ${REVIEW_KEYS}`,
        `Press 1 for pickup, or 2 for delivery to ${ADDRESS}.`,
        'Your total is 43 dollars and 52 cents with tax, for delivery. ' +
          'Press 1 to place your order, or star to go back.',
        'Thank you! Your ticket number is 1. ' +
          'Your total is 43 dollars and 52 cents, delivered around 6:15 PM. ' +
          'Goodbye.',
      ]);
      const previous = previousOrder('COMPLETED');
      expect(await ordersOfCall(fixture, record)).toEqual([
        {
          orderId: record.transactionId,
          channel: 'KEYPAD',
          callerNumber: CALLER_NUMBER,
          customerName: 'Maria',
          lines: previous.lines,
          subtotalCents: 3997,
          taxCents: 355,
          totalCents: 4352,
          currency: 'USD',
          fulfilment: 'DELIVERY',
          deliveryAddress: ADDRESS,
          businessDate: '2026-12-01',
          placedAt: PLACED_AT,
          estimatedReadyAt: '2026-12-01T23:15:00.000Z',
          ticketNumber: 1,
          status: 'PLACED',
          updatedAt: PLACED_AT,
          version: 1,
        },
      ]);
      expect(await fixture.customers.get(CALLER_NUMBER)).toEqual({
        ...MARIA,
        lastOrderId: record.transactionId,
        orderCount: 2,
        updatedAt: PLACED_AT,
      });
    });

    it('may still choose pickup', async () => {
      // Prepare
      const fixture = await fixtureFor('returning');

      // Act
      const record = await fixture.call('3 1 1 1');

      // Assess
      expect(heardTexts(record).slice(3)).toEqual([
        'Your total is 43 dollars and 52 cents with tax, for pickup. ' +
          'Press 1 to place your order, or star to go back.',
        'Thank you! Your ticket number is 1. ' +
          'Your total is 43 dollars and 52 cents, ready around 6:15 PM. ' +
          'Goodbye.',
      ]);
      const [order] = await ordersOfCall(fixture, record);
      expect(order?.fulfilment).toBe('PICKUP');
      expect(order?.deliveryAddress).toBeUndefined();
    });

    it.each([
      ['PLACED', 'has been received'],
      ['CONFIRMED', 'is confirmed'],
      ['PREPARING', 'is being prepared'],
      ['READY', 'is ready'],
      ['OUT_FOR_DELIVERY', 'is out for delivery'],
    ] as const)(
      'hears that the open order %s %s, then the main menu again',
      async (status, phrase) => {
        // Prepare
        const fixture = await fixtureFor('returning', {}, status);
        const menu =
          `${MAIN_MENU} To repeat your last order, press 3. ` +
          'For your order status, press 4.';

        // Act
        const record = await fixture.call('4');

        // Assess
        expect(heardTexts(record)).toEqual([
          `${WELCOME} Welcome back, Maria! ${menu}`,
          `Your order, ticket 1 2, ${phrase}. ${menu}`,
        ]);
        expect(await ordersOfCall(fixture, record)).toEqual([]);
        expect(fixture.logs).toContainEqual({
          level: 'info',
          message: 'call abandoned',
          fields: { step: 'MAIN', cartLines: 0 },
        });
      },
    );

    it('is neither offered nor told the status of a completed order', async () => {
      // Prepare
      const fixture = await fixtureFor('returning', {}, 'COMPLETED');

      // Act
      const record = await fixture.call('4');

      // Assess
      const menu = `${MAIN_MENU} To repeat your last order, press 3.`;
      expect(heardTexts(record)).toEqual([
        `${WELCOME} Welcome back, Maria! ${menu}`,
        NOT_CAUGHT,
        menu,
      ]);
    });
  });

  describe('outside the opening hours', () => {
    it.each([
      ['on Sunday, closed all day', '2026-12-06T18:00:00Z'],
      ['on Tuesday after 10 PM', '2026-12-02T03:00:00Z'],
      ['on Tuesday before 11 AM', '2026-12-01T15:59:00Z'],
    ])('tells the caller the hours and hangs up %s', async (_when, instant) => {
      // Prepare
      const fixture = flowFixture({ now: new Date(instant) });

      // Act
      const record = await fixture.call(TWO_ITEM_ORDER);

      // Assess
      expect(record.transcript).toEqual([
        {
          kind: 'heard',
          text:
            `${WELCOME} We are closed now. Our hours are ` +
            'Monday to Saturday 11 AM to 10 PM. Goodbye.',
        },
        { kind: 'hung-up', by: 'application' },
      ]);
      expect(record.ending).toBe('application-hung-up');
      expect(fixture.metrics).toEqual(['Calls', 'ClosedHoursCalls']);
      expect(await fixture.orders.listByCaller(CALLER_NUMBER, 5)).toEqual([]);
    });
  });

  describe('a sold-out item', () => {
    it('is not listed, and its key is answered with "sold out" and the list again', async () => {
      // Prepare
      const fixture = flowFixture();

      // Act
      const record = await fixture.call('1 2 4 1 1 3 1');

      // Assess
      expect(heardTexts(record)).toEqual([
        `${WELCOME} ${MAIN_MENU}`,
        `${GO_BACK} ${CATEGORIES}`,
        SIDES,
        `Sorry, Mozzarella Sticks is sold out today. ${SIDES}`,
        howMany('Garlic Knots'),
        `Added 1 Garlic Knots. ${AFTER_ITEM}`,
        'Your total is 6 dollars and 52 cents with tax, for pickup. ' +
          'Press 1 to place your order, or star to go back.',
        'Thank you! Your ticket number is 1. ' +
          'Your total is 6 dollars and 52 cents, ready around 6:15 PM. ' +
          'Goodbye.',
      ]);
      expect(SIDES).not.toContain('Mozzarella');
      const [order] = await ordersOfCall(fixture, record);
      expect(order?.lines).toEqual([
        {
          itemId: 'garlic-knots',
          name: 'Garlic Knots',
          unitPriceCents: 599,
          quantity: 1,
        },
      ]);
    });
  });

  describe('the review', () => {
    it('reads each line with its price and the total, removes the last line and starts over', async () => {
      // Prepare
      const fixture = flowFixture();
      const twoColas = `${LARGE_PEPPERONI} 1 3 1 2`;

      // Act
      const record = await fixture.call(`${twoColas} 2 2 3 2 1 1 3 1`);

      // Assess
      expect(heardTexts(record).slice(9)).toEqual([
        `Added 2 Cola. ${AFTER_ITEM}`,
        'You have: 1 large Pepperoni, 18 dollars and 99 cents. 2 Cola, ' +
          '4 dollars and 98 cents. Total with tax, 26 dollars and 10 cents. ' +
          REVIEW_KEYS,
        `Removed 2 Cola. ${REVIEW_PEPPERONI}`,
        `Let's start over. ${CATEGORIES}`,
        SIDES,
        howMany('Garlic Knots'),
        `Added 1 Garlic Knots. ${AFTER_ITEM}`,
        'Your total is 6 dollars and 52 cents with tax, for pickup. ' +
          'Press 1 to place your order, or star to go back.',
        'Thank you! Your ticket number is 1. ' +
          'Your total is 6 dollars and 52 cents, ready around 6:15 PM. ' +
          'Goodbye.',
      ]);
      const [order] = await ordersOfCall(fixture, record);
      expect(order).toMatchObject({
        lines: [
          {
            itemId: 'garlic-knots',
            name: 'Garlic Knots',
            unitPriceCents: 599,
            quantity: 1,
          },
        ],
        subtotalCents: 599,
        taxCents: 53,
        totalCents: 652,
      });
    });

    it('says the order is empty and asks for a category when its only line is removed', async () => {
      // Prepare
      const fixture = flowFixture();

      // Act
      const record = await fixture.call(`${LARGE_PEPPERONI} 2 2`);

      // Assess
      expect(heardTexts(record).slice(-2)).toEqual([
        REVIEW_PEPPERONI,
        `Removed 1 large Pepperoni. Your order is empty. ${CATEGORIES}`,
      ]);
      expect(await ordersOfCall(fixture, record)).toEqual([]);
    });

    it('goes on adding with 4', async () => {
      // Prepare
      const fixture = flowFixture();

      // Act
      const record = await fixture.call(`${LARGE_PEPPERONI} 2 4 3 4 1 3 1`);

      // Assess
      expect(heardTexts(record).slice(6, 9)).toEqual([
        REVIEW_PEPPERONI,
        CATEGORIES,
        DRINKS,
      ]);
      const [order] = await ordersOfCall(fixture, record);
      expect(order?.lines).toEqual([
        LARGE_PEPPERONI_LINE,
        {
          itemId: 'bottled-water',
          name: 'Bottled Water',
          unitPriceCents: 199,
          quantity: 1,
        },
      ]);
    });
  });

  describe('star', () => {
    it.each([
      ['category', 'the main menu', 'first-time', '1 *', MAIN_MENU, 'MAIN'],
      ['item', 'category', 'first-time', '1 1 *', CATEGORIES, 'CATEGORY'],
      ['size', 'item', 'first-time', '1 1 2 *', PIZZAS, 'ITEM'],
      ['quantity', 'size', 'first-time', '1 1 2 2 *', PEPPERONI_SIZES, 'SIZE'],
      ['quantity of a drink', 'item', 'first-time', '1 3 1 *', DRINKS, 'ITEM'],
      [
        'category with a line in the cart',
        'the question after an item',
        'first-time',
        `${LARGE_PEPPERONI} 1 *`,
        AFTER_ITEM,
        'NEXT',
      ],
      [
        'review',
        'the question after an item',
        'first-time',
        `${LARGE_PEPPERONI} 2 *`,
        AFTER_ITEM,
        'NEXT',
      ],
      [
        'confirm',
        'review',
        'first-time',
        `${LARGE_PEPPERONI} 3 *`,
        REVIEW_PEPPERONI,
        'REVIEW',
      ],
      [
        'fulfilment',
        'review',
        'returning',
        '3 1 *',
        'You have: 2 large Margherita, 33 dollars and 98 cents. ' +
          '1 Garlic Knots, 5 dollars and 99 cents. Total with tax, ' +
          `43 dollars and 52 cents. ${REVIEW_KEYS}`,
        'REVIEW',
      ],
      [
        'confirm',
        'fulfilment',
        'returning',
        '3 1 2 *',
        `Press 1 for pickup, or 2 for delivery to ${ADDRESS}.`,
        'FULFILMENT',
      ],
    ] as const)(
      'at %s goes back to %s',
      async (_from, _to, caller, script, question, step) => {
        // Prepare
        const fixture = await fixtureFor(caller);

        // Act
        const record = await fixture.call(script);

        // Assess
        expect(heardTexts(record).at(-1)).toBe(question);
        expect(record.transcript.at(-2)).toEqual({
          kind: 'heard',
          text: question,
        });
        expect(fixture.logs).toContainEqual(
          expect.objectContaining({
            message: 'call abandoned',
            fields: expect.objectContaining({ step }) as unknown,
          }),
        );
        expect(await ordersOfCall(fixture, record)).toEqual([]);
      },
    );

    it('after an item takes it back out and asks its quantity again', async () => {
      // Prepare
      const fixture = flowFixture();

      // Act
      const record = await fixture.call(`${LARGE_PEPPERONI} * 2 3 1`);

      // Assess
      expect(heardTexts(record).slice(5, 8)).toEqual([
        `Added 1 large Pepperoni. ${AFTER_ITEM}`,
        `Removed 1 large Pepperoni. ${howMany('large Pepperoni')}`,
        `Added 2 large Pepperoni. ${AFTER_ITEM}`,
      ]);
      const [order] = await ordersOfCall(fixture, record);
      expect(order?.lines).toEqual([{ ...LARGE_PEPPERONI_LINE, quantity: 2 }]);
    });
  });

  describe('every question', () => {
    const steps = [
      ['the main menu', 'first-time', '', '2', MAIN_MENU, 'MAIN'],
      ['a category', 'first-time', '1', '4', CATEGORIES, 'CATEGORY'],
      ['an item', 'first-time', '1 1', '5', PIZZAS, 'ITEM'],
      ['a size', 'first-time', '1 1 2', '3', PEPPERONI_SIZES, 'SIZE'],
      [
        'a quantity',
        'first-time',
        '1 1 2 2',
        '0',
        howMany('large Pepperoni'),
        'QUANTITY',
      ],
      [
        'the question after an item',
        'first-time',
        LARGE_PEPPERONI,
        '4',
        AFTER_ITEM,
        'NEXT',
      ],
      [
        'the review',
        'first-time',
        `${LARGE_PEPPERONI} 2`,
        '5',
        REVIEW_PEPPERONI,
        'REVIEW',
      ],
      [
        'pickup or delivery',
        'returning',
        '3 1',
        '3',
        `Press 1 for pickup, or 2 for delivery to ${ADDRESS}.`,
        'FULFILMENT',
      ],
      [
        'the confirmation',
        'first-time',
        `${LARGE_PEPPERONI} 3`,
        '2',
        CONFIRM_PEPPERONI,
        'CONFIRM',
      ],
      [
        'trying again to place',
        'failing-store',
        `${LARGE_PEPPERONI} 3 1`,
        '2',
        'Press 1 to try again.',
        'RETRY_PLACE',
      ],
    ] as const;

    it.each(steps)(
      'at %s refuses a wrong key and asks again',
      async (_step, caller, script, wrongKey, question, step) => {
        // Prepare
        const fixture = await fixtureFor(caller);

        // Act
        const record = await fixture.call(`${script} ${wrongKey}`);

        // Assess
        expect(record.transcript.slice(-4)).toEqual([
          { kind: 'pressed', keys: wrongKey },
          { kind: 'heard', text: NOT_CAUGHT },
          { kind: 'heard', text: question },
          { kind: 'hung-up', by: 'caller' },
        ]);
        expect(countOf(fixture, 'Reprompts')).toBe(1);
        expect(fixture.logs).toContainEqual(
          expect.objectContaining({
            message: 'call abandoned',
            fields: expect.objectContaining({ step }) as unknown,
          }),
        );
      },
    );

    it.each(steps)(
      'at %s asks again after silence',
      async (_step, caller, script, _wrongKey, question, step) => {
        // Prepare
        const fixture = await fixtureFor(caller);

        // Act
        const record = await fixture.call(`${script} _`);

        // Assess
        expect(record.transcript.slice(-4)).toEqual([
          { kind: 'silence' },
          { kind: 'heard', text: NOT_CAUGHT },
          { kind: 'heard', text: question },
          { kind: 'hung-up', by: 'caller' },
        ]);
        expect(countOf(fixture, 'Reprompts')).toBe(1);
        expect(fixture.logs).toContainEqual(
          expect.objectContaining({
            message: 'call abandoned',
            fields: expect.objectContaining({ step }) as unknown,
          }),
        );
      },
    );

    it('transfers the caller to staff after 3 failed attempts at one step', async () => {
      // Prepare
      const fixture = flowFixture({
        settings: { staffPhoneNumber: STAFF_NUMBER },
      });

      // Act
      const record = await fixture.call('1 9 _ 9 1');

      // Assess
      expect(record.transcript.slice(2)).toEqual([
        { kind: 'heard', text: `${GO_BACK} ${CATEGORIES}` },
        { kind: 'pressed', keys: '9' },
        { kind: 'heard', text: NOT_CAUGHT },
        { kind: 'heard', text: CATEGORIES },
        { kind: 'silence' },
        { kind: 'heard', text: NOT_CAUGHT },
        { kind: 'heard', text: CATEGORIES },
        { kind: 'pressed', keys: '9' },
        { kind: 'heard', text: NOT_CAUGHT },
        { kind: 'heard', text: `${GIVE_UP} ${TO_STAFF}` },
        { kind: 'transferred', to: STAFF_NUMBER },
        { kind: 'hung-up', by: 'caller' },
      ]);
      expect(record.ending).toBe('transferred');
      expect(record.transferredTo).toBe(STAFF_NUMBER);
      expect(fixture.metrics).toEqual([
        'Calls',
        'Reprompts',
        'Reprompts',
        'Reprompts',
        'Transfers',
      ]);
    });

    it('tells the caller to call again or visit after 3 failed attempts when no staff line is set', async () => {
      // Prepare
      const fixture = flowFixture();

      // Act
      const record = await fixture.call('1 9 _ 9 1');

      // Assess
      expect(record.transcript.slice(-3)).toEqual([
        { kind: 'heard', text: NOT_CAUGHT },
        {
          kind: 'heard',
          text:
            `${GIVE_UP} Please call again in a few minutes, ` +
            'or visit us at 12 Main Street. Goodbye.',
        },
        { kind: 'hung-up', by: 'application' },
      ]);
      expect(record.ending).toBe('application-hung-up');
      expect(fixture.metrics).toEqual([
        'Calls',
        'Reprompts',
        'Reprompts',
        'Reprompts',
      ]);
    });

    it('tells the caller to call again when there is neither a staff line nor an address', async () => {
      // Prepare
      const fixture = flowFixture({ settings: { address: undefined } });

      // Act
      const record = await fixture.call('2 2 2');

      // Assess
      expect(heardTexts(record).at(-1)).toBe(
        `${GIVE_UP} Please call again in a few minutes. Goodbye.`,
      );
      expect(record.ending).toBe('application-hung-up');
    });

    it('counts failed attempts afresh at each step', async () => {
      // Prepare
      const fixture = flowFixture();

      // Act
      const record = await fixture.call('1 9 9 1 9 9 2 2 1 3 1');

      // Assess
      expect(heardTexts(record).at(-1)).toBe(
        'Thank you! Your ticket number is 1. ' +
          'Your total is 20 dollars and 68 cents, ready around 6:15 PM. ' +
          'Goodbye.',
      );
      expect(countOf(fixture, 'Reprompts')).toBe(4);
    });
  });

  describe('a person on the line', () => {
    it('is offered at the main menu and reached with 0 when a staff line is set', async () => {
      // Prepare
      const fixture = flowFixture({
        settings: { staffPhoneNumber: STAFF_NUMBER },
      });

      // Act
      const record = await fixture.call('0');

      // Assess
      expect(record.transcript).toEqual([
        {
          kind: 'heard',
          text: `${WELCOME} ${MAIN_MENU} To speak with someone, press 0.`,
        },
        { kind: 'pressed', keys: '0' },
        { kind: 'heard', text: `Sure. ${TO_STAFF}` },
        { kind: 'transferred', to: STAFF_NUMBER },
        { kind: 'hung-up', by: 'caller' },
      ]);
      expect(record.transferredTo).toBe(STAFF_NUMBER);
      expect(fixture.metrics).toEqual(['Calls', 'Transfers']);
    });

    it('is neither offered nor reached with 0 when no staff line is set', async () => {
      // Prepare
      const fixture = flowFixture();

      // Act
      const record = await fixture.call('0');

      // Assess
      expect(heardTexts(record)).toEqual([
        `${WELCOME} ${MAIN_MENU}`,
        NOT_CAUGHT,
        MAIN_MENU,
      ]);
      expect(record.transferredTo).toBeUndefined();
      expect(fixture.metrics).toEqual(['Calls', 'Reprompts', 'AbandonedCalls']);
    });

    it.each(['3', '4'])(
      'refuses %s to a caller with no previous order',
      async (key) => {
        // Prepare
        const fixture = flowFixture();

        // Act
        const record = await fixture.call(key);

        // Assess
        expect(heardTexts(record)).toEqual([
          `${WELCOME} ${MAIN_MENU}`,
          NOT_CAUGHT,
          MAIN_MENU,
        ]);
      },
    );
  });

  describe('a caller who hangs up', () => {
    it.each([
      ['the main menu', 'first-time', '', 'MAIN', 0],
      ['a category', 'first-time', '1', 'CATEGORY', 0],
      ['an item', 'first-time', '1 1', 'ITEM', 0],
      ['a size', 'first-time', '1 1 2', 'SIZE', 0],
      ['a quantity', 'first-time', '1 1 2 2', 'QUANTITY', 0],
      ['the question after an item', 'first-time', LARGE_PEPPERONI, 'NEXT', 1],
      ['the review', 'first-time', `${LARGE_PEPPERONI} 2`, 'REVIEW', 1],
      ['pickup or delivery', 'returning', '3 1', 'FULFILMENT', 2],
      ['the confirmation', 'first-time', `${LARGE_PEPPERONI} 3`, 'CONFIRM', 1],
    ] as const)(
      'at %s leaves no order and is counted as abandoned',
      async (_step, caller, script, step, cartLines) => {
        // Prepare
        const fixture = await fixtureFor(caller);

        // Act
        const record = await fixture.call(`${script} hangup 1 1 1`);

        // Assess
        expect(record.ending).toBe('caller-hung-up');
        expect(record.transcript.at(-1)).toEqual({
          kind: 'hung-up',
          by: 'caller',
        });
        expect(await ordersOfCall(fixture, record)).toEqual([]);
        expect(countOf(fixture, 'AbandonedCalls')).toBe(1);
        expect(countOf(fixture, 'OrdersPlaced')).toBe(0);
        expect(fixture.logs.at(-1)).toEqual({
          level: 'info',
          message: 'call abandoned',
          fields: { step, cartLines },
        });
      },
    );

    it('after the goodbye is not counted as abandoned', async () => {
      // Prepare
      const fixture = flowFixture();

      // Act
      await fixture.call(TWO_ITEM_ORDER);

      // Assess
      expect(countOf(fixture, 'AbandonedCalls')).toBe(0);
      expect(fixture.logs.map((entry) => entry.message)).not.toContain(
        'call abandoned',
      );
    });
  });

  describe('duplicate delivery', () => {
    it('stores and counts one order and answers both deliveries of every event alike', async () => {
      // Prepare
      const fixture = flowFixture();

      // Act
      const record = await fixture.call(TWO_ITEM_ORDER, {
        duplicateDelivery: true,
      });

      // Assess
      expect(record.exchanges).toHaveLength(13);
      for (const { answers } of record.exchanges) {
        expect(answers).toHaveLength(2);
        expect(answers[1]).toEqual(answers[0]);
      }
      expect(heardTexts(record).at(-1)).toBe(
        'Thank you! Your ticket number is 1. ' +
          'Your total is 23 dollars and 39 cents, ready around 6:15 PM. ' +
          'Goodbye.',
      );
      const stored = await fixture.orders.listByCaller(CALLER_NUMBER, 5);
      expect(stored.map((order) => order.orderId)).toEqual([
        record.transactionId,
      ]);
      expect(stored[0]?.ticketNumber).toBe(1);
      expect(stored[0]?.estimatedReadyAt).toBe('2026-12-01T23:15:00.000Z');
      expect(countOf(fixture, 'OrdersPlaced')).toBe(1);
      expect(record.problems).toEqual([]);
    });

    it('of a reorder stores one delivery order', async () => {
      // Prepare
      const fixture = await fixtureFor('returning');

      // Act
      const record = await fixture.call('3 1 2 1', { duplicateDelivery: true });

      // Assess
      for (const { answers } of record.exchanges) {
        expect(answers[1]).toEqual(answers[0]);
      }
      const stored = await fixture.orders.listByCaller(CALLER_NUMBER, 5);
      expect(stored.map((order) => order.orderId)).toEqual([
        record.transactionId,
        'previous-call',
      ]);
      expect(stored[0]?.deliveryAddress).toBe(ADDRESS);
    });
  });

  describe('a failure to store the order', () => {
    it('is apologised for, and pressing 1 places the order', async () => {
      // Prepare
      const fixture = await fixtureFor('failing-store');

      // Act
      const record = await fixture.call(`${LARGE_PEPPERONI} 3 1 1`);

      // Assess
      expect(heardTexts(record).slice(-3)).toEqual([
        CONFIRM_PEPPERONI,
        `${PLACE_FAILED} Press 1 to try again.`,
        'Thank you! Your ticket number is 1. ' +
          'Your total is 20 dollars and 68 cents, ready around 6:15 PM. ' +
          'Goodbye.',
      ]);
      const stored = await fixture.orders.listByCaller(CALLER_NUMBER, 5);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        orderId: record.transactionId,
        lines: [LARGE_PEPPERONI_LINE],
        totalCents: 2068,
        ticketNumber: 1,
        status: 'PLACED',
      });
      expect((await fixture.customers.get(CALLER_NUMBER))?.orderCount).toBe(1);
      expect(fixture.metrics).toEqual([
        'Calls',
        'OrderFailures',
        'OrdersPlaced',
      ]);
      expect(fixture.logs).toContainEqual({
        level: 'error',
        message: 'order could not be placed',
        fields: { error: 'Error: ProvisionedThroughputExceeded' },
      });
    });

    it('leaves nothing stored when the caller hangs up instead of trying again', async () => {
      // Prepare
      const fixture = await fixtureFor('failing-store');

      // Act
      const record = await fixture.call(`${LARGE_PEPPERONI} 3 1`);

      // Assess
      expect(heardTexts(record).at(-1)).toBe(
        `${PLACE_FAILED} Press 1 to try again.`,
      );
      expect(await fixture.orders.listByCaller(CALLER_NUMBER, 5)).toEqual([]);
      expect(await fixture.customers.get(CALLER_NUMBER)).toBeUndefined();
      expect(fixture.logs.at(-1)).toEqual({
        level: 'info',
        message: 'call abandoned',
        fields: { step: 'RETRY_PLACE', cartLines: 1 },
      });
    });

    it('offers a person when a staff line is set', async () => {
      // Prepare
      const fixture = await fixtureFor('failing-store', {
        staffPhoneNumber: STAFF_NUMBER,
      });

      // Act
      const record = await fixture.call(`${LARGE_PEPPERONI} 3 1 0`);

      // Assess
      expect(record.transcript.slice(-5)).toEqual([
        {
          kind: 'heard',
          text: `${PLACE_FAILED} Press 1 to try again, or 0 to speak with someone.`,
        },
        { kind: 'pressed', keys: '0' },
        { kind: 'heard', text: `Sure. ${TO_STAFF}` },
        { kind: 'transferred', to: STAFF_NUMBER },
        { kind: 'hung-up', by: 'caller' },
      ]);
      expect(await fixture.orders.listByCaller(CALLER_NUMBER, 5)).toEqual([]);
    });
  });
});
