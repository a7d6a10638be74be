/**
 * Faults, one at a time, on in-memory adapters wrapped to fail: the order
 * store at the moment of commit, the database as a call comes in, the SMS
 * and email providers, the voice bot, and a caller who hangs up at any
 * point of an order. What is asserted is what people see: the words the
 * caller hears, the orders stored, the messages sent or dead-lettered.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RepositoryCallerDirectory } from '../../src/customers/caller-directory';
import { DeadLetterBox } from '../../src/local/dead-letters';
import { LocalEventBus } from '../../src/local/event-bus';
import { readEventRules } from '../../src/local/event-rules';
import { InMemoryMenuRepository } from '../../src/menu/in-memory-menu-repository';
import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';
import type { EmailSender, SmsSender } from '../../src/notifications/ports';
import { InMemoryOrderRepository } from '../../src/orders/in-memory-order-repository';
import { DynamoDbOrderRepository } from '../../src/storage/dynamodb-order-repository';
import type { BusEvent } from '../../src/wiring/order-event-consumer';
import {
  CALLER_NUMBER,
  flowFixture,
  heardTexts,
  OPEN_TIME,
  STAFF_NUMBER,
  type FlowFixture,
} from '../support/call-flow-fixture';
import {
  type CommitFailure,
  failingEmailSender,
  FailingCallerDirectory,
  FailingMenuRepository,
  FailingOrderRepository,
  failingSmsSender,
  emailRefused,
  Outage,
  smsRefused,
  throttled,
  unreachable,
} from '../support/failing-adapters';
import {
  completedEvent,
  orderIn,
  placedEvent,
  statusChangedEvent,
} from '../support/order-event-fixtures';
import { inMemoryConsumers, SILENT_LOG } from '../support/in-memory-consumers';
import { smaPhone } from '../support/sma-answer';
import { localBotEngine, voiceFixture } from '../support/voice-fixture';

const ORDER_KEYS = '1 1 2 2 1 1 3 1 1 3 1';
const VOICE_ORDER = `2 "two large pepperoni and a coke" "that's all" "yes" 1`;
const STRANGER_GREETING =
  "Thanks for calling Tony's Pizzeria. To order, press 1. " +
  'To speak with someone, press 0.';
const PLACED =
  'Thank you! Your ticket number is 1. Your total is 23 dollars and ' +
  '39 cents, ready around 6:15 PM. Goodbye.';
const NOT_PLACED = 'Sorry, we could not place your order just now.';
const SORRY = 'Sorry, something went wrong on our side.';

/** The call flow on an order store that fails as `outage` says. */
function storeFailing(
  outage: Outage,
  options: { staff?: boolean; when?: CommitFailure } = {},
): FlowFixture & { stored: InMemoryOrderRepository } {
  const stored = new InMemoryOrderRepository({ clock: () => OPEN_TIME });
  const fixture = flowFixture({
    orders: new FailingOrderRepository(stored, outage, options.when),
    customers: stored.customers,
    settings: options.staff === false ? {} : { staffPhoneNumber: STAFF_NUMBER },
  });

  return { ...fixture, stored };
}

/** Every order the store holds for the test's caller. */
function ordersOf(fixture: { stored: InMemoryOrderRepository }) {
  return fixture.stored.listByCaller(CALLER_NUMBER, 10);
}

describe('an order store that fails at the moment of commit', () => {
  it.each([
    ['throttled', throttled],
    ['unreachable', unreachable],
  ])(
    'apologises and offers a retry or a person, storing nothing, when %s',
    async (_what, error) => {
      // Prepare
      const fixture = storeFailing(new Outage(Infinity, error));

      // Act
      const record = await fixture.call(ORDER_KEYS);

      // Assess
      expect(heardTexts(record).at(-1)).toBe(
        `${NOT_PLACED} Press 1 to try again, or 0 to speak with someone.`,
      );
      expect(await ordersOf(fixture)).toEqual([]);
      expect(await fixture.stored.customers.get(CALLER_NUMBER)).toBeUndefined();
      expect(fixture.metrics).toContain('OrderFailures');
      expect(record.problems).toEqual([]);
    },
  );

  it('places the order once the caller tries again after the store recovers', async () => {
    // Prepare
    const outage = new Outage(1);
    const fixture = storeFailing(outage);

    // Act
    const record = await fixture.call(`${ORDER_KEYS} 1`);

    // Assess
    expect(heardTexts(record).slice(-2)).toEqual([
      `${NOT_PLACED} Press 1 to try again, or 0 to speak with someone.`,
      PLACED,
    ]);
    const orders = await ordersOf(fixture);
    expect(orders.map((order) => order.orderId)).toEqual([
      record.transactionId,
    ]);
    expect(outage.refused).toBe(1);
  });

  it('puts the caller through to staff when they ask after a failure', async () => {
    // Prepare
    const fixture = storeFailing(new Outage(Infinity));

    // Act
    const record = await fixture.call(`${ORDER_KEYS} 0`);

    // Assess
    expect(heardTexts(record).at(-1)).toBe(
      'Sure. Connecting you to our staff now.',
    );
    expect(record.transferredTo).toBe(STAFF_NUMBER);
    expect(await ordersOf(fixture)).toEqual([]);
  });

  it('hands the caller to staff after three failed attempts', async () => {
    // Prepare
    const outage = new Outage(Infinity);
    const fixture = storeFailing(outage);

    // Act
    const record = await fixture.call(`${ORDER_KEYS} 1 1 1`);

    // Assess
    expect(heardTexts(record).at(-1)).toBe(
      `${NOT_PLACED} Connecting you to our staff now.`,
    );
    expect(record.transferredTo).toBe(STAFF_NUMBER);
    expect(outage.refused).toBe(3);
    expect(await ordersOf(fixture)).toEqual([]);
  });

  it('tells the caller how to reach the restaurant when no staff line is set', async () => {
    // Prepare
    const fixture = storeFailing(new Outage(Infinity), { staff: false });

    // Act
    const record = await fixture.call(`${ORDER_KEYS} 1 1 1`);

    // Assess
    expect(heardTexts(record).slice(-3)).toEqual([
      `${NOT_PLACED} Press 1 to try again.`,
      `${NOT_PLACED} Press 1 to try again.`,
      `${NOT_PLACED} Please call again in a few minutes, ` +
        'or visit us at 12 Main Street. Goodbye.',
    ]);
    expect(record.ending).toBe('application-hung-up');
    expect(await ordersOf(fixture)).toEqual([]);
  });

  it('stores one order, and tells its ticket, when a stored commit lost its answer', async () => {
    // Prepare
    const fixture = storeFailing(new Outage(1), { when: 'answer-lost' });

    // Act
    const record = await fixture.call(`${ORDER_KEYS} 1`);

    // Assess
    expect(heardTexts(record).at(-1)).toBe(PLACED);
    const orders = await ordersOf(fixture);
    expect(orders.map((order) => [order.orderId, order.ticketNumber])).toEqual([
      [record.transactionId, 1],
    ]);
  });
});

/** Which write of placing an order DynamoDB throttles. */
type ThrottledWrite = 'the ticket' | 'the transaction';

/**
 * A document client that reads an empty table and refuses `throttled`
 * with `error`, as DynamoDB does when throttling; the writes it was sent
 * are kept, so a test can tell nothing else was attempted.
 */
function throttlingDocumentClient(
  error: () => Error,
  throttled: ThrottledWrite,
) {
  const writes: string[] = [];
  const refused =
    throttled === 'the ticket' ? 'UpdateCommand' : 'TransactWriteCommand';
  const client = {
    send: (command: object) => {
      const name = command.constructor.name;
      if (name === 'GetCommand') return Promise.resolve({});
      if (name === 'QueryCommand') {
        return Promise.resolve({ Items: [], Count: 0 });
      }
      writes.push(name);
      if (name !== refused) {
        return Promise.resolve({ Attributes: { lastTicket: 1 } });
      }

      return Promise.reject(error());
    },
  };

  return { client: client as unknown as DynamoDBDocumentClient, writes };
}

/** A cancelled placing transaction, one of its items throttled. */
function throttledTransaction(): Error {
  return new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: [
      { Code: 'None' },
      { Code: 'ThrottlingError' },
      { Code: 'None' },
    ],
  });
}

describe('DynamoDB throttling the placing writes', () => {
  it.each<[string, () => Error, ThrottledWrite, string[]]>([
    [
      'cancels the transaction for throttling',
      throttledTransaction,
      'the transaction',
      ['UpdateCommand', 'TransactWriteCommand'],
    ],
    [
      'refuses the transaction for throughput',
      throttled,
      'the transaction',
      ['UpdateCommand', 'TransactWriteCommand'],
    ],
    [
      'refuses the ticket for throughput',
      throttled,
      'the ticket',
      ['UpdateCommand'],
    ],
  ])(
    'apologises and offers a retry when DynamoDB %s',
    async (_what, error, write, attempted) => {
      // Prepare
      const { client, writes } = throttlingDocumentClient(error, write);
      const fixture = flowFixture({
        orders: new DynamoDbOrderRepository({ client, tableName: 'orders' }),
        settings: { staffPhoneNumber: STAFF_NUMBER },
      });

      // Act
      const record = await fixture.call(ORDER_KEYS);

      // Assess
      expect(heardTexts(record).at(-1)).toBe(
        `${NOT_PLACED} Press 1 to try again, or 0 to speak with someone.`,
      );
      expect(writes).toEqual(attempted);
      expect(fixture.logs).toContainEqual(
        expect.objectContaining({
          level: 'error',
          message: 'order could not be placed',
        }),
      );
    },
  );
});

describe('a database that fails as the call comes in', () => {
  it('greets a known caller as a stranger and still takes the order', async () => {
    // Prepare
    const orders = new InMemoryOrderRepository({ clock: () => OPEN_TIME });
    await orders.customers.put({
      phone: CALLER_NUMBER,
      name: 'Maria',
      orderCount: 3,
      createdAt: '2026-11-01T12:00:00.000Z',
      updatedAt: '2026-11-01T12:00:00.000Z',
    });
    const outage = new Outage(Infinity, unreachable);
    const fixture = flowFixture({
      orders,
      settings: { staffPhoneNumber: STAFF_NUMBER },
      callers: new FailingCallerDirectory(
        new RepositoryCallerDirectory(orders.customers, orders),
        outage,
      ),
    });

    // Act
    const record = await fixture.call(ORDER_KEYS);

    // Assess
    expect(heardTexts(record)[0]).toBe(STRANGER_GREETING);
    expect(heardTexts(record).at(-1)).toBe(PLACED);
    expect(outage.refused).toBe(1);
    const stored = await orders.listByCaller(CALLER_NUMBER, 5);
    expect(stored.map((order) => order.orderId)).toEqual([
      record.transactionId,
    ]);
  });

  it.each([
    [
      'puts the caller through to staff',
      STAFF_NUMBER,
      ['Connecting you to our staff now.'],
    ],
    [
      'asks the caller to call again',
      undefined,
      ['Please call again in a few minutes. Goodbye.'],
    ],
  ])(
    'apologises and %s when the menu cannot be read',
    async (_what, staffPhoneNumber, after) => {
      // Prepare
      const menu = new FailingMenuRepository(
        new InMemoryMenuRepository(parseMenu(sampleMenu)),
        new Outage(Infinity, unreachable),
      );
      const fixture = flowFixture({ menu, settings: { staffPhoneNumber } });

      // Act
      const record = await smaPhone(fixture.dependencies).call('1');

      // Assess
      expect(heardTexts(record)).toEqual([SORRY, ...after]);
      expect(record.transferredTo).toBe(staffPhoneNumber);
      expect(record.problems).toEqual([]);
    },
  );
});

/** The consumers on in-memory records, behind the bus, with its rules. */
function notificationBus(providers: { sms: SmsSender; email: EmailSender }) {
  const consumers = inMemoryConsumers(providers);
  const deadLetters = new DeadLetterBox();
  const bus = new LocalEventBus({
    rules: readEventRules({ stage: 'test' }),
    consumers: { sendSms: consumers.sendSms, sendEmail: consumers.sendEmail },
    deadLetters,
    log: SILENT_LOG,
    source: 'phone-orders',
    retryDelayMs: 1,
  });

  return { bus, deadLetters, ...consumers };
}

describe('an SMS provider that fails', () => {
  it('tries three times, then keeps the event whole in the dead letters', async () => {
    // Prepare
    const sms = failingSmsSender(new Outage(Infinity, smsRefused));
    const email = failingEmailSender(new Outage(0));
    const { bus, deadLetters } = notificationBus({ sms, email });
    const placed = placedEvent();

    // Act
    await bus.publish([placed]);
    await bus.idle();

    // Assess
    expect(sms.attempts).toBe(3);
    expect(sms.accepted).toEqual([]);
    expect(deadLetters.letters).toEqual([
      expect.objectContaining({
        kind: 'event',
        target: 'sendSms',
        attempts: 3,
        error:
          'SmsNotSent: text not sent through end-user-messaging: ' +
          'ThrottlingException (HTTP 429)',
        payload: expect.objectContaining({
          'detail-type': 'OrderPlaced',
          detail: placed.detail,
        }) as unknown,
      }),
    ]);
    expect(email.accepted.map((message) => message.subject)).toEqual([
      "Your order #12 at Tony's Pizzeria",
    ]);
  });

  it('sends the dead-lettered text once when it is redriven after the outage', async () => {
    // Prepare
    const outage = new Outage(Infinity, smsRefused);
    const sms = failingSmsSender(outage);
    const email = failingEmailSender(new Outage(0));
    const { bus, deadLetters, sendSms } = notificationBus({ sms, email });
    await bus.publish([placedEvent()]);
    await bus.idle();
    outage.end();

    // Act
    const outcomes = [];
    for (const letter of [...deadLetters.letters, ...deadLetters.letters]) {
      outcomes.push(await sendSms(letter.payload as BusEvent));
    }

    // Assess
    expect(outcomes).toEqual(['sent', 'duplicate']);
    expect(sms.accepted).toEqual([
      {
        to: '+12065550142',
        body: expect.stringContaining('order #12 received') as string,
      },
    ]);
  });

  it('sends the text once when the provider recovers within the retries', async () => {
    // Prepare
    const sms = failingSmsSender(new Outage(2, smsRefused));
    const email = failingEmailSender(new Outage(0));
    const { bus, deadLetters } = notificationBus({ sms, email });

    // Act
    await bus.publish([placedEvent()]);
    await bus.idle();

    // Assess
    expect(sms.attempts).toBe(3);
    expect(sms.accepted).toHaveLength(1);
    expect(deadLetters.letters).toEqual([]);
  });
});

describe('an email provider that fails', () => {
  it('dead-letters the invoice whole, texts anyway, and emails it once on redrive', async () => {
    // Prepare
    const outage = new Outage(Infinity, emailRefused);
    const sms = failingSmsSender(new Outage(0));
    const email = failingEmailSender(outage);
    const { bus, deadLetters, sendEmail } = notificationBus({ sms, email });
    const order = orderIn('COMPLETED');
    const completed = completedEvent(order);

    // Act
    await bus.publish([statusChangedEvent(order, 'READY'), completed]);
    await bus.idle();
    outage.end();
    const redriven = await sendEmail(
      deadLetters.letters[0]!.payload as BusEvent,
    );

    // Assess
    expect(deadLetters.letters).toEqual([
      expect.objectContaining({
        kind: 'event',
        target: 'sendEmail',
        attempts: 3,
        error: 'EmailNotSent: email not sent: ServiceUnavailable (HTTP 503)',
        payload: expect.objectContaining({
          'detail-type': 'OrderCompleted',
          detail: completed.detail,
        }) as unknown,
      }),
    ]);
    expect(sms.accepted.map((message) => message.body)).toEqual([
      "Tony's Pizzeria: order #12 is complete. Thank you for ordering!",
    ]);
    expect(email.attempts).toBe(4);
    expect(redriven).toBe('sent');
    expect(email.accepted.map((message) => message.subject)).toEqual([
      "Invoice for order #12 at Tony's Pizzeria",
    ]);
  });
});

describe('a voice bot that fails', () => {
  const KEYPAD_FALLBACK =
    "Sorry, I'm having trouble understanding. " +
    'Press star to go back at any time. Pizzas, press 1. Sides, 2. Drinks, 3.';

  it('carries on by keypad when the bot engine throws', async () => {
    // Prepare
    const fixture = voiceFixture({
      engine: { converse: () => Promise.reject(unreachable()) },
    });

    // Act
    const record = await fixture.call(`2 ${ORDER_KEYS.slice(2)}`);

    // Assess
    expect(heardTexts(record)[1]).toBe(KEYPAD_FALLBACK);
    expect(heardTexts(record).at(-1)).toBe(PLACED);
    expect(await fixture.orders.get(record.transactionId)).toMatchObject({
      channel: 'KEYPAD',
      ticketNumber: 1,
    });
  });

  it('carries on by keypad when the code hook cannot read the menu', async () => {
    // Prepare
    const failingMenu = new FailingMenuRepository(
      new InMemoryMenuRepository(parseMenu(sampleMenu)),
      new Outage(Infinity, throttled),
    );
    const fixture = voiceFixture({ engine: localBotEngine(failingMenu) });

    // Act
    const record = await fixture.call(
      `2 "two large pepperoni" ${ORDER_KEYS.slice(2)}`,
    );

    // Assess
    expect(heardTexts(record).slice(1, 4)).toEqual([
      'What would you like?',
      SORRY,
      KEYPAD_FALLBACK,
    ]);
    expect(heardTexts(record).at(-1)).toBe(PLACED);
    expect(record.problems).toEqual([]);
  });
});

/** Every proper prefix of a script's actions, as scripts ending in hangup. */
function hangupsDuring(script: string): [number, string][] {
  const actions = script.match(/"[^"]*"|\S+/g) ?? [];

  return actions.map((_, count) => [
    count,
    [...actions.slice(0, count), 'hangup'].join(' '),
  ]);
}

describe('a caller who hangs up part way through', () => {
  it.each(hangupsDuring(ORDER_KEYS))(
    'stores nothing and counts the call abandoned after %i keypad actions',
    async (_count, script) => {
      // Prepare
      const fixture = flowFixture();

      // Act
      const record = await fixture.call(script);

      // Assess
      expect(record.ending).toBe('caller-hung-up');
      expect(await fixture.orders.listByCaller(CALLER_NUMBER, 5)).toEqual([]);
      expect(
        fixture.metrics.filter((metric) => metric === 'AbandonedCalls'),
      ).toHaveLength(1);
      expectNoFailure(fixture, record);
    },
  );

  it.each(hangupsDuring(VOICE_ORDER))(
    'stores nothing and counts the call abandoned after %i voice actions',
    async (_count, script) => {
      // Prepare
      const fixture = voiceFixture();

      // Act
      const record = await fixture.call(script);

      // Assess
      expect(record.ending).toBe('caller-hung-up');
      expect(await fixture.orders.listByCaller(CALLER_NUMBER, 5)).toEqual([]);
      expect(
        fixture.metrics.filter((metric) => metric === 'AbandonedCalls'),
      ).toHaveLength(1);
      expectNoFailure(fixture, record);
    },
  );
});

/** Every event was answered, validly, and nothing was logged as an error. */
function expectNoFailure(
  fixture: FlowFixture,
  record: Awaited<ReturnType<FlowFixture['call']>>,
): void {
  const answers = record.exchanges.flatMap((exchange) => exchange.answers);
  expect(answers.filter((answer) => answer.kind !== 'response')).toEqual([]);
  expect(record.problems).toEqual([]);
  expect(fixture.logs.filter((log) => log.level === 'error')).toEqual([]);
}
