import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbCustomerRepository } from '../../src/storage/dynamodb-customer-repository';
import type { Customer } from '../../src/customers/model';
import { createTestTable, type TestTable } from '../support/dynamodb';
import { describeCustomerUpdateContract } from './customer-update-contract';

let table: TestTable;

beforeAll(async () => {
  table = await createTestTable();
});

afterAll(() => table.dispose());

const ana: Customer = {
  phone: '+15550100001',
  name: 'Ana',
  smsOptOut: false,
  orderCount: 3,
  createdAt: '2030-01-01T18:00:00.000Z',
  updatedAt: '2030-01-03T18:00:00.000Z',
};

describe('DynamoDbCustomerRepository', () => {
  const now = '2030-01-01T18:00:05.000Z';
  describeCustomerUpdateContract(() => ({
    customers: new DynamoDbCustomerRepository({
      ...table,
      clock: () => new Date(now),
    }),
    now,
  }));

  it('stores a profile under CUSTOMER#<phone> / PROFILE', async () => {
    await new DynamoDbCustomerRepository(table).putCustomer(ana);

    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.tableName,
        Key: { PK: `CUSTOMER#${ana.phone}`, SK: 'PROFILE' },
      }),
    );
    expect(Item).toMatchObject({ entity: 'CUSTOMER', phone: ana.phone });
  });

  it('reads back a stored profile without the table keys', async () => {
    const customers = new DynamoDbCustomerRepository(table);
    await customers.putCustomer({ ...ana, email: undefined });

    expect(await customers.get(ana.phone)).toStrictEqual(ana);
  });

  it('knows no one it was not given', async () => {
    const customers = new DynamoDbCustomerRepository(table);

    expect(await customers.get('+15550100002')).toBeUndefined();
  });
});
