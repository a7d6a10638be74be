import { DynamoDbCallerDirectory } from '../../src/storage/dynamodb-caller-directory';
import { DynamoDbCustomerRepository } from '../../src/storage/dynamodb-customer-repository';
import { DynamoDbOrderRepository } from '../../src/storage/dynamodb-order-repository';
import { orderDraft, uniquePhone } from '../orders/order-draft';
import { createTestTable, type TestTable } from '../support/dynamodb';

describe('DynamoDbCallerDirectory', () => {
  let table: TestTable;
  let callers: DynamoDbCallerDirectory;
  let orders: DynamoDbOrderRepository;

  beforeAll(async () => {
    table = await createTestTable();
    const options = { client: table.client, tableName: table.tableName };
    callers = new DynamoDbCallerDirectory(options);
    orders = new DynamoDbOrderRepository(options);
  });

  afterAll(async () => {
    await table.dispose();
  });

  it('knows nothing of a first-time caller', async () => {
    const record = await callers.lookup(uniquePhone());

    expect(record).toEqual({ customer: undefined, lastOrder: undefined });
  });

  it('finds the profile and the latest of several orders', async () => {
    const phone = uniquePhone();
    await orders.create(
      orderDraft({
        callerNumber: phone,
        customerName: 'Sam',
        placedAt: '2030-01-01T18:00:00.000Z',
      }),
    );
    const latest = await orders.create(
      orderDraft({ callerNumber: phone, placedAt: '2030-01-02T18:00:00.000Z' }),
    );

    const record = await callers.lookup(phone);

    expect(record.lastOrder?.orderId).toBe(latest.orderId);
    expect(record.customer).toMatchObject({
      phone,
      name: 'Sam',
      orderCount: 2,
    });
  });

  it('finds a profile saved by staff before any order', async () => {
    const phone = uniquePhone();
    const customers = new DynamoDbCustomerRepository({
      client: table.client,
      tableName: table.tableName,
    });
    await customers.putCustomer({
      phone,
      name: 'Ada',
      deliveryAddress: '1 Elm Street',
      orderCount: 0,
      createdAt: '2030-01-01T00:00:00.000Z',
      updatedAt: '2030-01-01T00:00:00.000Z',
    });

    const record = await callers.lookup(phone);

    expect(record.customer?.deliveryAddress).toBe('1 Elm Street');
    expect(record.lastOrder).toBeUndefined();
  });

  it('keeps the profile out of the list of a caller orders', async () => {
    const phone = uniquePhone();
    await orders.create(orderDraft({ callerNumber: phone }));

    const listed = await orders.listByCaller(phone, 5);

    expect(listed).toHaveLength(1);
    expect(listed[0]?.callerNumber).toBe(phone);
  });
});
