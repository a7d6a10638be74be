/**
 * The DynamoDB side of a status change that the contract cannot see: the
 * index keys written, the day's counter of closed orders, and a move that
 * loses the race between its read and its conditional write.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../src/local/document-client';
import { type OrderStatus, StatusConflict } from '../../src/orders/model';
import { DynamoDbOrderRepository } from '../../src/storage/dynamodb-order-repository';
import { orderKey } from '../../src/storage/order-item';
import { ticketCounterKey } from '../../src/storage/place-order-transaction';
import {
  createTestTable,
  dynamoDbEndpoint,
  type TestTable,
} from '../support/dynamodb';
import { orderDraft, uniqueBusinessDate } from './order-draft';

let table: TestTable;
let orders: DynamoDbOrderRepository;
const at = new Date('2030-01-01T19:00:00.000Z');

beforeAll(async () => {
  table = await createTestTable();
  orders = new DynamoDbOrderRepository(table);
});

const racingClients: { destroy(): void }[] = [];

afterAll(async () => {
  racingClients.forEach((client) => {
    client.destroy();
  });
  await table.dispose();
});

async function storedItem(orderId: string) {
  const { Item } = await table.client.send(
    new GetCommand({ TableName: table.tableName, Key: orderKey(orderId) }),
  );

  return Item;
}

async function closedTickets(businessDate: string) {
  const { Item } = await table.client.send(
    new GetCommand({
      TableName: table.tableName,
      Key: ticketCounterKey(businessDate),
    }),
  );

  return Item?.closedTickets as number | undefined;
}

describe('a status change on DynamoDB', () => {
  it('files the order under its new status and counts nothing closed', async () => {
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });
    await orders.create(draft);

    await orders.changeStatus(draft.orderId, 'PLACED', 'CONFIRMED', at);

    expect(await storedItem(draft.orderId)).toMatchObject({
      GSI1PK: `STATUS#${draft.businessDate}#CONFIRMED`,
      GSI1SK: `${draft.placedAt}#${draft.orderId}`,
    });
    expect(await closedTickets(draft.businessDate)).toBeUndefined();
  });

  it('counts a cancelled order closed on its day, once', async () => {
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });
    await orders.create(draft);

    const moved = await orders.changeStatus(
      draft.orderId,
      'PLACED',
      'CANCELLED',
      at,
    );
    const again = orders.changeStatus(draft.orderId, 'PLACED', 'CANCELLED', at);

    await expect(again).rejects.toThrow(StatusConflict);
    expect(moved).toMatchObject({ status: 'CANCELLED', version: 2 });
    expect(await storedItem(draft.orderId)).toMatchObject({
      GSI1PK: `STATUS#${draft.businessDate}#CANCELLED`,
    });
    expect(await closedTickets(draft.businessDate)).toBe(1);
  });

  it('counts nothing more when a ready order is completed', async () => {
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });
    await orders.create(draft);
    await orders.changeStatus(draft.orderId, 'PLACED', 'READY', at);

    await orders.changeStatus(draft.orderId, 'READY', 'COMPLETED', at);

    expect(await closedTickets(draft.businessDate)).toBe(1);
  });

  it.each<[string, OrderStatus]>([
    ['a closing write (with the counter)', 'READY'],
    ['an update', 'CONFIRMED'],
  ])(
    'reports the status another move set just before %s',
    async (_write, next) => {
      const draft = orderDraft({ businessDate: uniqueBusinessDate() });
      await orders.create(draft);
      const racing = repositoryMovedBeforeUpdate(draft.orderId, 'CANCELLED');

      const move = racing.changeStatus(draft.orderId, 'PLACED', next, at);

      await expect(move).rejects.toThrow(StatusConflict);
      await expect(move).rejects.toMatchObject({ currentStatus: 'CANCELLED' });
      expect(await closedTickets(draft.businessDate)).toBeUndefined();
    },
  );
});

/** A repository whose order another person moves just before it updates. */
function repositoryMovedBeforeUpdate(
  orderId: string,
  status: string,
): DynamoDbOrderRepository {
  const client = createDocumentClient({ endpoint: dynamoDbEndpoint() });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const writes = ['UpdateItemCommand', 'TransactWriteItemsCommand'];
      if (writes.includes(context.commandName ?? '')) {
        await table.client.send(
          new UpdateCommand({
            TableName: table.tableName,
            Key: orderKey(orderId),
            UpdateExpression: 'SET #status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': status },
          }),
        );
      }

      return next(args);
    },
    { step: 'initialize', name: 'moveOrderFirst' },
  );
  racingClients.push(client);

  return new DynamoDbOrderRepository({ client, tableName: table.tableName });
}
