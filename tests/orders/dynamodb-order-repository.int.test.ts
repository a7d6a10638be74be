import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import { DynamoDbCustomerRepository } from '../../src/storage/dynamodb-customer-repository';
import { DynamoDbMenuRepository } from '../../src/storage/dynamodb-menu-repository';
import { DynamoDbOrderRepository } from '../../src/storage/dynamodb-order-repository';
import { OrderAlreadyPlaced } from '../../src/orders/model';
import { orderKey, toOrderItem } from '../../src/storage/order-item';
import { OrderWriteRejected } from '../../src/storage/order-store-errors';
import { ticketCounterKey } from '../../src/storage/place-order-transaction';
import { createDocumentClient } from '../../src/local/document-client';
import {
  createTestTable,
  dynamoDbEndpoint,
  type TestTable,
} from '../support/dynamodb';
import { orderDraft, uniqueBusinessDate } from './order-draft';
import { describeOrderRepositoryContract } from './order-repository-contract';

const now = '2030-01-01T18:00:05.000Z';
const clock = () => new Date(now);

let table: TestTable;
let orders: DynamoDbOrderRepository;
const ownClients: DynamoDBDocumentClient[] = [];

beforeAll(async () => {
  table = await createTestTable();
  orders = new DynamoDbOrderRepository({ ...table, clock });
});

afterAll(async () => {
  ownClients.forEach((client) => {
    client.destroy();
  });
  await table.dispose();
});

describe('DynamoDbOrderRepository', () => {
  describeOrderRepositoryContract(() => ({
    orders,
    customers: new DynamoDbCustomerRepository(table),
    menu: new DynamoDbMenuRepository({ ...table, cacheTtlMs: 0 }),
    now,
    setStatus: async (order, status) => {
      const moved = { ...order, status, version: order.version + 1 };
      await table.client.send(
        new PutCommand({
          TableName: table.tableName,
          Item: toOrderItem(moved),
        }),
      );
    },
  }));

  it('stores the order with the keys of both indexes', async () => {
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });
    const { businessDate, placedAt, orderId, callerNumber } = draft;

    await orders.create(draft);

    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.tableName, Key: orderKey(orderId) }),
    );
    expect(Item).toMatchObject({
      PK: `ORDER#${orderId}`,
      SK: 'ORDER',
      entity: 'ORDER',
      GSI1PK: `STATUS#${businessDate}#PLACED`,
      GSI1SK: `${placedAt}#${orderId}`,
      GSI2PK: `CALLER#${callerNumber}`,
      GSI2SK: placedAt,
      status: 'PLACED',
      ticketNumber: 1,
    });
  });

  it('writes no second order when an order is placed twice', async () => {
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });
    await orders.create(draft);
    const before = await table.countItems();

    await expect(orders.create(draft)).rejects.toThrow(OrderAlreadyPlaced);

    expect(await table.countItems()).toBe(before);
    const { Item: counter } = await table.client.send(
      new GetCommand({
        TableName: table.tableName,
        Key: ticketCounterKey(draft.businessDate),
      }),
    );
    expect(counter?.lastTicket).toBe(2);
  });

  it('gives 50 simultaneous orders tickets 1 to 50 in one try each', async () => {
    const businessDate = uniqueBusinessDate();
    const counted = countingRepository();

    const placed = await Promise.all(
      Array.from({ length: 50 }, () =>
        counted.orders.create(orderDraft({ businessDate })),
      ),
    );

    const tickets = placed.map((o) => o.ticketNumber).sort((a, b) => a - b);
    expect(tickets).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(counted.sent).toEqual({
      UpdateItemCommand: 50,
      TransactWriteItemsCommand: 50,
    });
  });

  it('tries again when another transaction held an item', async () => {
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });
    const conflicted = conflictingRepository(2);

    const order = await conflicted.orders.create(draft);

    expect(await orders.get(draft.orderId)).toEqual(order);
    expect(conflicted.conflicts()).toBe(2);
  });

  it('gives up with OrderWriteRejected when items stay held', async () => {
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });
    const conflicted = conflictingRepository(Infinity);

    const placing = conflicted.orders.create(draft);

    await expect(placing).rejects.toThrow(OrderWriteRejected);
    await expect(placing).rejects.toMatchObject({
      reasons: ['None', 'TransactionConflict'],
    });
    expect(conflicted.conflicts()).toBe(3);
    expect(await orders.get(draft.orderId)).toBeUndefined();
  });
});

/** A client of its own, so middleware does not act on the shared one. */
function ownClient(): DynamoDBDocumentClient {
  const client = createDocumentClient({ endpoint: dynamoDbEndpoint() });
  ownClients.push(client);

  return client;
}

/** A repository that counts the commands it sends, by name. */
function countingRepository(): {
  orders: DynamoDbOrderRepository;
  sent: Record<string, number>;
} {
  const client = ownClient();
  const sent: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => (args) => {
      const name = context.commandName ?? 'unknown';
      sent[name] = (sent[name] ?? 0) + 1;

      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  const repository = new DynamoDbOrderRepository({
    client,
    tableName: table.tableName,
    clock,
  });

  return { orders: repository, sent };
}

/**
 * A repository (3 attempts, short waits) whose first `times` placing
 * transactions are cancelled as DynamoDB cancels one that met another
 * transaction on the customer item.
 */
function conflictingRepository(times: number): {
  orders: DynamoDbOrderRepository;
  conflicts: () => number;
} {
  const client = ownClient();
  let conflicts = 0;
  client.middlewareStack.add(
    (next, context) => (args) => {
      const placing = context.commandName === 'TransactWriteItemsCommand';
      if (!placing || conflicts >= times) {
        return next(args);
      }
      conflicts += 1;

      return Promise.reject(
        new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: {},
          CancellationReasons: [
            { Code: 'None' },
            { Code: 'TransactionConflict' },
          ],
        }),
      );
    },
    { step: 'initialize', name: 'conflict' },
  );
  const repository = new DynamoDbOrderRepository({
    client,
    tableName: table.tableName,
    clock,
    conflictRetry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
  });

  return { orders: repository, conflicts: () => conflicts };
}
