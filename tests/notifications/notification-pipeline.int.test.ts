/**
 * The whole notification path on the local emulators: orders written
 * through the order repository, DynamoDB Local's stream read by the
 * poller, events routed by the local bus with serverless.yml's patterns,
 * texts in the outbox and emails in aws-ses-v2-local's mailbox.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { readSmsOutbox } from '../../src/notifications/adapters/sms-outbox';
import { deliveryClaimKey } from '../../src/storage/dynamodb-delivery-claims';
import {
  advance,
  directory,
  emailsTo,
  flakyProvider,
  LIFETIME_SENDS,
  notificationsOn,
  orderLifetime,
  place,
  removeStackFiles,
  sends,
  type Stack,
  startStack,
  stopStack,
  texts,
} from '../support/notification-stack';

afterAll(removeStackFiles);

describe('an order through the local notification pipeline', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stopStack(stack);
  });

  it('prints where texts and emails can be seen', () => {
    expect(stack.printed.join('')).toMatch(
      /^Notifications: texts in .*outbox-\d+\.jsonl \(npm run sms-outbox\), emails at http:\/\/127\.0\.0\.1:\d+\/\n$/,
    );
  });

  it('texts once and emails a confirmation once when placed', async () => {
    // Act
    await place(stack, 'order-a');
    await stack.pipeline.settle();

    // Assess
    expect(texts(stack)).toEqual([
      "Tony's Pizzeria: order #1 received, total $34.30. Ready about " +
        "6:25 PM. We'll text you updates. Reply STOP to opt out.",
    ]);
    expect(readSmsOutbox(stack.outboxPath)[0]?.to).toBe('+12065550142');
    expect(await emailsTo(stack)).toEqual(["Your order #1 at Tony's Pizzeria"]);
  });

  it('texts once for each status change', async () => {
    // Act
    await advance(stack, 'order-a', 'PLACED', [
      'CONFIRMED',
      'PREPARING',
      'READY',
    ]);
    await stack.pipeline.settle();

    // Assess: in any order, as EventBridge does not keep one either.
    expect(texts(stack).slice(1).sort()).toEqual([
      "Tony's Pizzeria: order #1 is being prepared.",
      "Tony's Pizzeria: order #1 is confirmed. Ready about 6:25 PM.",
      "Tony's Pizzeria: order #1 is ready for pickup. See you soon!",
    ]);
    expect(await emailsTo(stack)).toHaveLength(1);
  });

  it('emails the invoice, and texts once, when completed', async () => {
    // Act
    await advance(stack, 'order-a', 'READY', ['COMPLETED']);
    await stack.pipeline.settle();

    // Assess
    expect(texts(stack)).toHaveLength(5);
    expect(texts(stack)[4]).toBe(
      "Tony's Pizzeria: order #1 is complete. Thank you for ordering!",
    );
    const mailbox = await stack.pipeline.mailbox();
    const invoice = mailbox.find((email) =>
      email.subject.startsWith('Invoice'),
    );
    expect(invoice?.subject).toBe("Invoice for order #1 at Tony's Pizzeria");
    expect(invoice?.text).toContain('Margherita (Large)');
    expect(invoice?.text).toContain('12 Main Street, Springfield');
    expect(invoice?.html).toContain('Tony&#39;s Pizzeria');
  });

  it('lists each send on the order item', async () => {
    // Act
    const notifications = await notificationsOn(stack, 'order-a');

    // Assess
    expect(sends(notifications)).toEqual(LIFETIME_SENDS);
  });
});

describe('at-least-once delivery, everywhere at once', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ deliverTwice: true });
  });
  afterAll(async () => {
    await stopStack(stack);
  });

  it('sends nothing more when every record and every event comes twice', async () => {
    // Act
    await orderLifetime(stack, 'order-b');

    // Assess
    expect(texts(stack)).toHaveLength(5);
    expect((await emailsTo(stack)).sort()).toEqual([
      "Invoice for order #1 at Tony's Pizzeria",
      "Your order #1 at Tony's Pizzeria",
    ]);
    expect(sends(await notificationsOn(stack, 'order-b'))).toEqual(
      LIFETIME_SENDS,
    );
    expect(stack.pipeline.deadLetters.letters).toEqual([]);
  });
});

describe('an SMS provider that fails twice, then works', () => {
  let stack: Stack;
  beforeAll(async () => {
    const outboxPath = join(directory, 'flaky-outbox.jsonl');
    stack = await startStack({ smsSender: flakyProvider(outboxPath, 2) });
    stack.outboxPath = outboxPath;
  });
  afterAll(async () => {
    await stopStack(stack);
  });

  it('sends the text once, on the third attempt', async () => {
    // Act
    await place(stack, 'order-c');
    await stack.pipeline.settle();

    // Assess
    expect(texts(stack)).toHaveLength(1);
    expect(stack.pipeline.deadLetters.letters).toEqual([]);
    expect(sends(await notificationsOn(stack, 'order-c'))).toEqual([
      'EMAIL order-confirmation',
      'SMS order-placed',
    ]);
  });
});

describe('an SMS provider that always fails', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      smsSender: flakyProvider(join(directory, 'never.jsonl'), Infinity),
    });
  });
  afterAll(async () => {
    await stopStack(stack);
  });

  it('dead-letters the event, whole, and still sends the email', async () => {
    // Act
    await place(stack, 'order-d');
    await stack.pipeline.settle();

    // Assess
    expect(stack.pipeline.deadLetters.letters).toEqual([
      expect.objectContaining({
        kind: 'event',
        target: 'sendSms',
        attempts: 3,
        error: 'Error: provider unavailable',
        payload: expect.objectContaining({
          'detail-type': 'OrderPlaced',
          detail: expect.objectContaining({
            metadata: expect.objectContaining({
              id: 'order-d:1:PLACED:OrderPlaced',
            }) as unknown,
          }) as unknown,
        }) as unknown,
      }),
    ]);
    expect(await emailsTo(stack)).toEqual(["Your order #1 at Tony's Pizzeria"]);
    expect(sends(await notificationsOn(stack, 'order-d'))).toEqual([
      'EMAIL order-confirmation',
    ]);
  });

  it('leaves no claim behind, so a redrive can still send', async () => {
    // Act
    const { Item } = await stack.table.client.send(
      new GetCommand({
        TableName: stack.table.tableName,
        Key: deliveryClaimKey({
          eventId: 'order-d:1:PLACED:OrderPlaced',
          channel: 'SMS',
          orderId: 'order-d',
        }),
      }),
    );

    // Assess
    expect(Item).toBeUndefined();
  });
});

describe('latency', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ pollIntervalMs: 200 });
  });
  afterAll(async () => {
    await stopStack(stack);
  });

  it('has the text in the outbox within a second of the commit', async () => {
    // Act
    await place(stack, 'order-e');
    const committedAt = performance.now();
    while (
      texts(stack).length === 0 &&
      performance.now() - committedAt < 5000
    ) {
      await sleep(5);
    }
    const latencyMs = performance.now() - committedAt;

    // Assess
    if (process.env.NOTIFICATION_TIMING) {
      process.stderr.write(`\ncommit to text: ${latencyMs.toFixed(0)} ms\n`);
    }
    expect(texts(stack)).toHaveLength(1);
    expect(latencyMs).toBeLessThan(1000);
  });
});
