import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { DynamoDbCustomerRepository } from '../../src/storage/dynamodb-customer-repository';
import { DynamoDbOrderRepository } from '../../src/storage/dynamodb-order-repository';
import { OrderAlreadyPlaced } from '../../src/orders/model';
import { orderKey, toOrderItem } from '../../src/storage/order-item';
import { TicketNumberContention } from '../../src/storage/order-store-errors';
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
const racingClients: DynamoDBDocumentClient[] = [];

beforeAll(async () => {
  table = await createTestTable();
  orders = new DynamoDbOrderRepository({ ...table, clock });
});

afterAll(async () => {
  racingClients.forEach((client) => {
    client.destroy();
  });
  await table.dispose();
});

describe('DynamoDbOrderRepository', () => {
  describeOrderRepositoryContract(() => ({
    orders,
    customers: new DynamoDbCustomerRepository(table),
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

  it('stores the order with the keys of all three indexes', async () => {
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
      GSI3PK: `OPEN#${businessDate}`,
      GSI3SK: `${placedAt}#${orderId}`,
      status: 'PLACED',
      ticketNumber: 1,
    });
  });

  it('writes nothing more when an order is placed twice', async () => {
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
    expect(counter?.lastTicket).toBe(1);
  });

  it('takes the ticket after the one another order just took', async () => {
    const businessDate = uniqueBusinessDate();
    const racing = repositoryWhoseCounterMoves(businessDate, 1);

    const order = await racing.create(orderDraft({ businessDate }));

    expect(order.ticketNumber).toBe(8);
  });

  it('gives up with TicketNumberContention when the counter keeps moving', async () => {
    const businessDate = uniqueBusinessDate();
    const racing = repositoryWhoseCounterMoves(businessDate, Infinity, 3);
    const draft = orderDraft({ businessDate });

    const placing = racing.create(draft);

    await expect(placing).rejects.toThrow(TicketNumberContention);
    await expect(placing).rejects.toMatchObject({
      orderId: draft.orderId,
      attempts: 3,
    });
    expect(await orders.get(draft.orderId)).toBeUndefined();
  });
});

/**
 * A repository on its own client whose ticket counter another "order" moves
 * (to 7, then 8, ...) just before each of its first `times` transactions.
 */
function repositoryWhoseCounterMoves(
  businessDate: string,
  times: number,
  maxAttempts = 5,
): DynamoDbOrderRepository {
  const client = createRacingClient(businessDate, times);

  return new DynamoDbOrderRepository({
    client,
    tableName: table.tableName,
    clock,
    ticketRetry: { maxAttempts, baseDelayMs: 1, maxDelayMs: 2 },
  });
}

function createRacingClient(
  businessDate: string,
  times: number,
): DynamoDBDocumentClient {
  // A client of its own, so the middleware does not act on the shared one.
  const client = createDocumentClient({ endpoint: dynamoDbEndpoint() });
  racingClients.push(client);
  let moves = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (
        context.commandName === 'TransactWriteItemsCommand' &&
        moves < times
      ) {
        moves += 1;
        await table.client.send(
          new UpdateCommand({
            TableName: table.tableName,
            Key: ticketCounterKey(businessDate),
            UpdateExpression: 'SET lastTicket = :moved',
            ExpressionAttributeValues: { ':moved': 6 + moves },
          }),
        );
      }

      return next(args);
    },
    { step: 'initialize', name: 'moveTicketCounter' },
  );

  return client;
}
