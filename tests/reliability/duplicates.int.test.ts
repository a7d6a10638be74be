/**
 * At-least-once everywhere, at volume: 200 calls through the phone
 * simulator with Chime delivering every event twice, on DynamoDB Local
 * with the real adapters, while the notification pipeline runs with its
 * stream poller and its bus each handing everything over twice. Callers
 * must each get one order and one ticket; customers one text per change
 * and one email of each kind.
 */
import type { CallRecord } from '../../src/local/call-record';
import { readSmsOutbox } from '../../src/notifications/adapters/sms-outbox';
import type { Order, OrderStatus } from '../../src/orders/model';
import { DynamoDbCustomerRepository } from '../../src/storage/dynamodb-customer-repository';
import { heardTexts } from '../support/call-flow-fixture';
import {
  dynamoDbCallFlow,
  seedSampleMenu,
} from '../support/dynamodb-call-flow';
import {
  removeStackFiles,
  type Stack,
  startStack,
  stopStack,
} from '../support/notification-stack';
import { mapConcurrently } from '../support/worker-pool';

const CALLS = 200;
const CONCURRENCY = 10;
const RESTAURANT = "Tony's Pizzeria";

/**
 * Whole orders, each with the total the caller hears and is texted. A
 * caller told the order could not be placed presses 1 to try again, as
 * the call flow asks; one whose order went through hangs up before that.
 */
const ORDERS = [
  { script: '1 2 1 2 3 1 1 1', total: '$13.04' },
  { script: '1 3 4 2 3 1 1 1', total: '$4.33' },
];
/** Callers who hang up before placing anything. */
const HANG_UPS = ['hangup', '1 2 hangup', '1 3 4 2 3 hangup'];

/** What one simulated caller does, and from which number. */
interface Caller {
  from: string;
  email: string;
  script: string;
  total?: string;
}

/** Every other caller hangs up; the others order one of ORDERS. */
const CALLERS: Caller[] = Array.from({ length: CALLS }, (_, index) => {
  const from = `+1206555${String(2000 + index)}`;
  const email = `caller-${index}@example.com`;
  if (index % 2 === 1) {
    return { from, email, script: HANG_UPS[(index >> 1) % HANG_UPS.length]! };
  }

  return { from, email, ...ORDERS[(index >> 1) % ORDERS.length]! };
});

/** How staff move the orders, by position in ticket order. */
const LIVES: OrderStatus[][] = [
  ['CONFIRMED', 'PREPARING', 'READY', 'COMPLETED'],
  ['CONFIRMED', 'CANCELLED'],
  ['CONFIRMED'],
  [],
  [],
  [],
  [],
  [],
];

/** What a text says for a move into a status, after "Name: order #N". */
const STATUS_TEXT: Partial<Record<OrderStatus, string>> = {
  CONFIRMED: 'is confirmed. Ready about',
  PREPARING: 'is being prepared.',
  READY: 'is ready for pickup. See you soon!',
  COMPLETED: 'is complete. Thank you for ordering!',
  CANCELLED: 'was cancelled. Please call us if you did not expect this.',
};

/** The ticket number the caller heard in the goodbye, if any. */
function ticketHeard(record: CallRecord): number | undefined {
  const match = /Your ticket number is ([\d ]+)\./.exec(
    heardTexts(record).at(-1) ?? '',
  );

  return match?.[1] === undefined
    ? undefined
    : Number(match[1].replaceAll(' ', ''));
}

/** An answer that placed the order, or could not place it yet. */
const PLACING = /Your ticket number is|could not place your order/;

/** The ticket an answer tells, if it tells one. */
function ticketSaid(answer: string): string | undefined {
  return /Your ticket number is ([\d ]+)\./.exec(answer)?.[1];
}

afterAll(removeStackFiles);

describe('200 calls with every event delivered twice', () => {
  let stack: Stack;
  let records: CallRecord[];
  let placed: Map<string, Order>;

  beforeAll(async () => {
    // Prepare
    stack = await startStack({ deliverTwice: true });
    await seedSampleMenu(stack.table);
    const customers = new DynamoDbCustomerRepository(stack.table);
    await mapConcurrently(CALLERS, CONCURRENCY, (caller) =>
      customers.update(caller.from, { email: caller.email }),
    );
    const flow = dynamoDbCallFlow(stack.table);

    // Act
    records = await mapConcurrently(CALLERS, CONCURRENCY, (caller) =>
      flow.call(caller.script, { from: caller.from, duplicateDelivery: true }),
    );
    await stack.pipeline.settle();
    const stored = await mapConcurrently(CALLERS, CONCURRENCY, (caller) =>
      stack.orders.listByCaller(caller.from, 5),
    );
    placed = new Map();
    for (const [index, orders] of stored.entries()) {
      expect(orders.length).toBeLessThanOrEqual(1);
      if (orders[0] !== undefined) placed.set(CALLERS[index]!.from, orders[0]);
    }
  }, 120_000);

  afterAll(async () => {
    await stopStack(stack);
  });

  it('stores exactly one order for each completed call, none for the others', () => {
    // Assess
    for (const [index, caller] of CALLERS.entries()) {
      const record = records[index]!;
      const order = placed.get(caller.from);
      if (caller.total === undefined) {
        expect(record.ending).toBe('caller-hung-up');
        expect(order).toBeUndefined();
      } else {
        expect(record.ending).toBe('application-hung-up');
        expect(order?.orderId).toBe(record.transactionId);
        expect(order?.ticketNumber).toBe(ticketHeard(record));
      }
    }
    expect(placed.size).toBe(CALLERS.filter((c) => c.total).length);
  });

  it('gives every order a ticket of its own, spending at most one more on its duplicate', () => {
    // Assess
    const tickets = [...placed.values()].map((order) => order.ticketNumber);

    // The second delivery of a commit takes a number before it learns the
    // order is stored, so numbers are skipped, never shared.
    expect(new Set(tickets).size).toBe(placed.size);
    expect(Math.min(...tickets)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...tickets)).toBeLessThanOrEqual(2 * placed.size);
  });

  it('answers every delivery of an event alike, or with the same ticket', () => {
    // Assess
    for (const record of records) {
      for (const { answers } of record.exchanges) {
        const responses = answers.flatMap((answer) =>
          answer.kind === 'response' ? [JSON.stringify(answer.response)] : [],
        );
        expect(responses.length).toBeGreaterThanOrEqual(2);
        if (responses.some((text) => PLACING.test(text))) {
          const tickets = responses.flatMap((text) => ticketSaid(text) ?? []);
          expect(new Set(tickets).size).toBeLessThanOrEqual(1);
        } else {
          expect(new Set(responses).size).toBe(1);
        }
      }
      expect(record.problems).toEqual([]);
    }
  });

  describe('then staff move the orders along', () => {
    /** Each order's status changes, in ticket order, as staff make them. */
    let moves: Map<string, OrderStatus[]>;

    beforeAll(async () => {
      // Act
      const byTicket = [...placed.values()].sort(
        (a, b) => a.ticketNumber - b.ticketNumber,
      );
      moves = new Map();
      await mapConcurrently(byTicket, CONCURRENCY, async (order, index) => {
        const life = LIVES[index % LIVES.length]!;
        moves.set(order.orderId, life);
        let from: OrderStatus = 'PLACED';
        for (const to of life) {
          await stack.orders.changeStatus(order.orderId, from, to, new Date());
          from = to;
        }
      });
      await stack.pipeline.settle();
    }, 120_000);

    it('texts each customer once when placed and once per status change', () => {
      // Assess
      const outbox = readSmsOutbox(stack.outboxPath);
      for (const [from, order] of placed) {
        const ticket = `${RESTAURANT}: order #${order.ticketNumber}`;
        const caller = CALLERS.find((c) => c.from === from)!;
        const texts = outbox
          .filter((entry) => entry.to === from)
          .map((entry) => entry.body);
        const expected = [
          new RegExp(
            `^${escape(`${ticket} received, total ${caller.total!}. Ready about`)} ` +
              `\\d{1,2}(:\\d{2})? [AP]M\\. ${escape("We'll text you updates.")}`,
          ),
          ...moves
            .get(order.orderId)!
            .map(
              (status) =>
                new RegExp(`^${escape(`${ticket} ${STATUS_TEXT[status]!}`)}`),
            ),
        ];
        expect(texts).toHaveLength(expected.length);
        for (const pattern of expected) {
          expect(texts.filter((text) => pattern.test(text))).toHaveLength(1);
        }
      }
    });

    it('emails one confirmation per order and one invoice per completed order', async () => {
      // Assess
      const mailbox = await stack.pipeline.mailbox();
      for (const [from, order] of placed) {
        const caller = CALLERS.find((c) => c.from === from)!;
        const subjects = mailbox
          .filter((email) => email.to.includes(caller.email))
          .map((email) => email.subject)
          .sort();
        const completed = moves.get(order.orderId)!.includes('COMPLETED');

        expect(subjects).toEqual([
          ...(completed
            ? [`Invoice for order #${order.ticketNumber} at ${RESTAURANT}`]
            : []),
          `Your order #${order.ticketNumber} at ${RESTAURANT}`,
        ]);
      }
    });

    it('sends nothing to callers who hung up, and loses nothing', async () => {
      // Assess
      const quiet = CALLERS.filter((caller) => caller.total === undefined);
      const outbox = readSmsOutbox(stack.outboxPath);
      const mailbox = await stack.pipeline.mailbox();

      for (const caller of quiet) {
        expect(outbox.filter((entry) => entry.to === caller.from)).toEqual([]);
        expect(
          mailbox.filter((email) => email.to.includes(caller.email)),
        ).toEqual([]);
      }
      expect(stack.pipeline.deadLetters.letters).toEqual([]);
    });
  });
});

/** `text` as a regular expression matching it literally. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
