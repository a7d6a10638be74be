import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DeliveryKey, SendRecord } from '../../src/notifications/ports';
import { DynamoDbOrderRepository } from '../../src/storage/dynamodb-order-repository';
import {
  deliveryClaimKey,
  DynamoDbDeliveryClaims,
} from '../../src/storage/dynamodb-delivery-claims';
import {
  DynamoDbSendLedger,
  OrderToRecordOnNotFound,
} from '../../src/storage/dynamodb-send-ledger';
import { orderKey } from '../../src/storage/order-item';
import { createTestTable, type TestTable } from '../support/dynamodb';
import { sampleDraft } from '../support/order-event-fixtures';

const NOW = new Date('2026-12-01T23:00:05.000Z');

let table: TestTable;
let key: DeliveryKey;
let sequence = 0;

beforeAll(async () => {
  table = await createTestTable();
});

afterAll(async () => {
  await table.dispose();
});

beforeEach(() => {
  sequence += 1;
  key = {
    eventId: `order-${sequence}:1:PLACED:OrderPlaced`,
    channel: 'SMS',
    orderId: `order-${sequence}`,
  };
});

function claims(clock: () => Date = () => NOW): DynamoDbDeliveryClaims {
  return new DynamoDbDeliveryClaims({
    client: table.client,
    tableName: table.tableName,
    ttlDays: 3,
    lockSeconds: 30,
    clock,
  });
}

const RECORD: SendRecord = {
  channel: 'SMS',
  template: 'order-placed',
  messageId: 'm-1',
  at: NOW.toISOString(),
};

async function readItem(item: { PK: string; SK: string }) {
  const { Item } = await table.client.send(
    new GetCommand({
      TableName: table.tableName,
      Key: item,
      ConsistentRead: true,
    }),
  );

  return Item;
}

describe('DynamoDbDeliveryClaims', () => {
  it('claims once: the record has a TTL days ahead and a lock', async () => {
    // Act
    const first = await claims().claim(key);
    const second = await claims().claim(key);

    // Assess
    expect(first).toEqual({ kind: 'claimed' });
    expect(second).toEqual({ kind: 'in-progress' });
    expect(await readItem(deliveryClaimKey(key))).toMatchObject({
      PK: `NOTIFY#${key.eventId}#SMS`,
      SK: 'NOTIFY',
      entity: 'NOTIFICATION',
      state: 'SENDING',
      orderId: key.orderId,
      lockedUntil: NOW.getTime() + 30_000,
      expiresAt: Math.floor(NOW.getTime() / 1000) + 3 * 86_400,
    });
  });

  it('answers with the earlier send once marked sent', async () => {
    // Prepare
    await claims().claim(key);
    await claims().markSent(key, RECORD);

    // Act
    const again = await claims().claim(key);

    // Assess
    expect(again).toEqual({ kind: 'sent', record: RECORD });
  });

  it('frees the claim on release, but never a sent record', async () => {
    // Prepare
    await claims().claim(key);

    // Act
    await claims().release(key);
    const retaken = await claims().claim(key);
    await claims().markSent(key, RECORD);
    await claims().release(key);

    // Assess
    expect(retaken).toEqual({ kind: 'claimed' });
    expect(await readItem(deliveryClaimKey(key))).toMatchObject({
      state: 'SENT',
    });
  });

  it('takes over a send whose lock ran out', async () => {
    // Prepare
    await claims().claim(key);

    // Act
    const later = await claims(() => new Date(NOW.getTime() + 31_000)).claim(
      key,
    );

    // Assess
    expect(later).toEqual({ kind: 'claimed' });
  });

  it('treats an expired record as absent, as DynamoDB Local never deletes it', async () => {
    // Prepare
    await table.client.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...deliveryClaimKey(key),
          state: 'SENT',
          expiresAt: Math.floor(NOW.getTime() / 1000) - 1,
        },
      }),
    );

    // Act
    const claim = await claims().claim(key);

    // Assess
    expect(claim).toEqual({ kind: 'claimed' });
  });
});

describe('DynamoDbSendLedger', () => {
  it('appends each message once, leaving status, version and index keys alone', async () => {
    // Prepare
    const orders = new DynamoDbOrderRepository({
      client: table.client,
      tableName: table.tableName,
    });
    const { orderId } = await orders.create(
      sampleDraft({ orderId: key.orderId }),
    );
    const before = await readItem(orderKey(orderId));
    const ledger = new DynamoDbSendLedger({
      client: table.client,
      tableName: table.tableName,
    });

    // Act
    await ledger.record(key, RECORD);
    await ledger.record(key, RECORD);
    await ledger.record(
      { ...key, channel: 'EMAIL' },
      { ...RECORD, channel: 'EMAIL' },
    );

    // Assess
    const after = await readItem(orderKey(orderId));
    expect(after?.notifications).toEqual([
      RECORD,
      { ...RECORD, channel: 'EMAIL' },
    ]);
    for (const name of [
      'status',
      'version',
      'updatedAt',
      'GSI1PK',
      'GSI1SK',
      'GSI2PK',
      'GSI3PK',
    ]) {
      expect(after?.[name]).toEqual(before?.[name]);
    }
  });

  it('throws OrderToRecordOnNotFound for an order that does not exist', async () => {
    // Prepare
    const ledger = new DynamoDbSendLedger({
      client: table.client,
      tableName: table.tableName,
    });

    // Act
    const act = ledger.record({ ...key, orderId: 'no-such-order' }, RECORD);

    // Assess
    await expect(act).rejects.toThrow(OrderToRecordOnNotFound);
  });
});
