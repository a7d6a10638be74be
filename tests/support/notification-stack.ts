/**
 * A notification pipeline of one's own for the integration tests: a fresh
 * table with a customer who has an email on file, the pipeline on it,
 * and ways to place and move orders and to read what was sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Order, OrderStatus } from '../../src/orders/model';
import {
  OutboxSmsSender,
  readSmsOutbox,
} from '../../src/notifications/adapters/sms-outbox';
import type { SmsSender } from '../../src/notifications/ports';
import {
  type NotificationPipeline,
  type NotificationPipelineOptions,
  startNotificationPipeline,
} from '../../src/local/notification-pipeline';
import { DynamoDbCustomerRepository } from '../../src/storage/dynamodb-customer-repository';
import { DynamoDbOrderRepository } from '../../src/storage/dynamodb-order-repository';
import { orderKey } from '../../src/storage/order-item';
import { createTestTable, dynamoDbEndpoint, type TestTable } from './dynamodb';
import { sampleDraft, sampleOrder } from './order-event-fixtures';

const ENVIRONMENT = {
  SERVICE_NAME: 'phone-orders',
  EVENT_BUS_NAME: 'orders-test',
  RESTAURANT_NAME: "Tony's Pizzeria",
  RESTAURANT_ADDRESS: '12 Main Street, Springfield',
  TIME_ZONE: 'America/New_York',
  EMAIL_FROM_ADDRESS: 'orders@tonys.example',
};

const silentLog = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Where outboxes and dead letters go; {@link removeStackFiles} clears it. */
export const directory = mkdtempSync(join(tmpdir(), 'notification-pipeline-'));

/** Deletes the files every stack of this process wrote. */
export function removeStackFiles(): void {
  rmSync(directory, { recursive: true, force: true });
}

/** A table, a pipeline on it, and a caller with an email on file. */
export interface Stack {
  table: TestTable;
  pipeline: NotificationPipeline;
  orders: DynamoDbOrderRepository;
  outboxPath: string;
  email: string;
  printed: string[];
}

let stackCount = 0;

/** Starts a stack; `options` override the pipeline's. */
export async function startStack(
  options: Partial<NotificationPipelineOptions> = {},
): Promise<Stack> {
  stackCount += 1;
  const table = await createTestTable();
  const outboxPath = join(directory, `outbox-${stackCount}.jsonl`);
  const email = `sam+${stackCount}@example.com`;
  const printed: string[] = [];
  await new DynamoDbCustomerRepository({
    client: table.client,
    tableName: table.tableName,
  }).putCustomer({
    phone: sampleOrder().callerNumber,
    name: 'Sam',
    email,
    orderCount: 0,
    createdAt: '2026-11-01T12:00:00.000Z',
    updatedAt: '2026-11-01T12:00:00.000Z',
  });
  const pipeline = await startNotificationPipeline({
    tableName: table.tableName,
    dynamodbEndpoint: dynamoDbEndpoint(),
    sesPort: 0,
    outboxPath,
    deadLetterPath: join(directory, `dead-letters-${stackCount}.jsonl`),
    environment: ENVIRONMENT,
    pollIntervalMs: 50,
    retry: { delayMs: 20 },
    log: silentLog,
    print: (text) => printed.push(text),
    ...options,
  });
  const orders = new DynamoDbOrderRepository({
    client: table.client,
    tableName: table.tableName,
  });

  return { table, pipeline, orders, outboxPath, email, printed };
}

/** Stops the pipeline and deletes the table. */
export async function stopStack(stack: Stack): Promise<void> {
  await stack.pipeline.stop();
  await stack.table.dispose();
}

/** Places the sample order (as the call flow would) under `orderId`. */
export function place(stack: Stack, orderId: string): Promise<Order> {
  return stack.orders.create(sampleDraft({ orderId }));
}

/** Moves the order from `from` along `path`, one change at a time. */
export async function advance(
  stack: Stack,
  orderId: string,
  from: OrderStatus,
  path: OrderStatus[],
): Promise<void> {
  let expected = from;
  for (const next of path) {
    await stack.orders.changeStatus(orderId, expected, next, new Date());
    expected = next;
  }
}

/** The whole life of a pickup order, as staff would move it. */
export async function orderLifetime(
  stack: Stack,
  orderId: string,
): Promise<void> {
  await place(stack, orderId);
  await advance(stack, orderId, 'PLACED', [
    'CONFIRMED',
    'PREPARING',
    'READY',
    'COMPLETED',
  ]);
  await stack.pipeline.settle();
}

/** Subjects of the emails to the stack's customer, oldest first. */
export async function emailsTo(stack: Stack): Promise<string[]> {
  const mailbox = await stack.pipeline.mailbox();

  return mailbox
    .filter((email) => email.to.includes(stack.email))
    .map((email) => email.subject);
}

/** Bodies of the texts in the stack's outbox, oldest first. */
export function texts(stack: Stack): string[] {
  return readSmsOutbox(stack.outboxPath).map((entry) => entry.body);
}

/** What a pickup order's life sends: five texts, two emails. */
export const LIFETIME_SENDS = [
  'EMAIL order-confirmation',
  'EMAIL order-invoice',
  'SMS order-completed',
  'SMS order-confirmed',
  'SMS order-placed',
  'SMS order-preparing',
  'SMS order-ready-for-pickup',
];

/** Sends as sorted text: texts and emails of one event race each other. */
export function sends(
  records: { channel: string; template: string }[],
): string[] {
  return records
    .map(({ channel, template }) => `${channel} ${template}`)
    .sort();
}

/** The sends recorded on an order item. */
export async function notificationsOn(
  stack: Stack,
  orderId: string,
): Promise<{ channel: string; template: string }[]> {
  const { Item } = await stack.table.client.send(
    new GetCommand({
      TableName: stack.table.tableName,
      Key: orderKey(orderId),
      ConsistentRead: true,
    }),
  );

  return (Item?.notifications ?? []) as { channel: string; template: string }[];
}

/** The outbox driver behind a provider that fails `failures` times. */
export function flakyProvider(outboxPath: string, failures: number): SmsSender {
  const outbox = new OutboxSmsSender({ path: outboxPath });
  let left = failures;

  return {
    send: (message) => {
      if (left <= 0) return outbox.send(message);
      left -= 1;

      return Promise.reject(new Error('provider unavailable'));
    },
  };
}
