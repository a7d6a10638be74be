/**
 * The DynamoDB side of a status change that the contract cannot see: the
 * index keys written, and a move that loses the race between its read and
 * its conditional update.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../src/local/document-client';
import { StatusConflict } from '../../src/orders/model';
import { DynamoDbOrderRepository } from '../../src/storage/dynamodb-order-repository';
import { orderKey } from '../../src/storage/order-item';
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

describe('a status change on DynamoDB', () => {
  it('files the order under its new status and keeps it open', async () => {
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });
    await orders.create(draft);

    await orders.changeStatus(draft.orderId, 'PLACED', 'CONFIRMED', at);

    expect(await storedItem(draft.orderId)).toMatchObject({
      GSI1PK: `STATUS#${draft.businessDate}#CONFIRMED`,
      GSI1SK: `${draft.placedAt}#${draft.orderId}`,
      GSI3PK: `OPEN#${draft.businessDate}`,
    });
  });

  it('takes a cancelled order out of the open index', async () => {
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });
    await orders.create(draft);

    await orders.changeStatus(draft.orderId, 'PLACED', 'CANCELLED', at);

    const item = await storedItem(draft.orderId);
    expect(item).toMatchObject({
      GSI1PK: `STATUS#${draft.businessDate}#CANCELLED`,
    });
    expect(item).not.toHaveProperty('GSI3PK');
    expect(item).not.toHaveProperty('GSI3SK');
  });

  it('reports the status another update set after the read', async () => {
    const draft = orderDraft({ businessDate: uniqueBusinessDate() });
    await orders.create(draft);
    const racing = repositoryMovedBeforeUpdate(draft.orderId, 'CANCELLED');

    const move = racing.changeStatus(draft.orderId, 'PLACED', 'CONFIRMED', at);

    await expect(move).rejects.toThrow(StatusConflict);
    await expect(move).rejects.toMatchObject({ currentStatus: 'CANCELLED' });
  });
});

/** A repository whose order another person moves just before it updates. */
function repositoryMovedBeforeUpdate(
  orderId: string,
  status: string,
): DynamoDbOrderRepository {
  const client = createDocumentClient({ endpoint: dynamoDbEndpoint() });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'UpdateItemCommand') {
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
