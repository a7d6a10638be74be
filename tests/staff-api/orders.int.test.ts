import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { orderKey } from '../../src/storage/order-item';
import { uniquePhone } from '../orders/order-draft';
import {
  type ApiFixture,
  createApiFixture,
  NOW,
  TODAY,
} from './support/api-fixture';

let api: ApiFixture;

beforeAll(async () => {
  api = await createApiFixture();
});

afterAll(() => api.dispose());

const placedToday = (minute: number) =>
  `${TODAY}T15:${String(minute).padStart(2, '0')}:00.000Z`;

describe('GET /orders', () => {
  it("lists today's orders in the status asked for, newest first", async () => {
    const older = await api.place({
      businessDate: TODAY,
      placedAt: placedToday(1),
    });
    const newer = await api.place({
      businessDate: TODAY,
      placedAt: placedToday(2),
    });
    const moved = await api.place({
      businessDate: TODAY,
      placedAt: placedToday(3),
    });
    await api.orders.changeStatus(moved.orderId, 'PLACED', 'CONFIRMED', NOW);

    const response = await api.call({
      method: 'GET',
      path: '/orders',
      query: { status: 'PLACED' },
    });

    expect(response.statusCode).toBe(200);
    const { orders, nextCursor } = response.body as {
      orders: { orderId: string }[];
      nextCursor?: string;
    };
    expect(orders.map((o) => o.orderId)).toEqual([
      newer.orderId,
      older.orderId,
    ]);
    expect(nextCursor).toBeUndefined();
  });

  it('lists another day when asked for its date', async () => {
    const order = await api.place({
      businessDate: '2030-06-01',
      placedAt: '2030-06-01T18:00:00.000Z',
    });

    const response = await api.call({
      method: 'GET',
      path: '/orders',
      query: { status: 'PLACED', date: '2030-06-01' },
    });

    expect(response.body).toMatchObject({
      orders: [{ orderId: order.orderId, businessDate: '2030-06-01' }],
    });
  });

  it('shows each order as a card with its next moves and a masked phone', async () => {
    const order = await api.place({
      businessDate: '2030-06-02',
      callerNumber: '+15550104321',
      customerName: 'Ana',
    });

    const response = await api.call({
      method: 'GET',
      path: '/orders',
      query: { status: 'PLACED', date: '2030-06-02' },
    });

    expect(response.body).toEqual({
      orders: [
        {
          orderId: order.orderId,
          ticketNumber: 1,
          status: 'PLACED',
          nextStatuses: ['CONFIRMED', 'CANCELLED'],
          fulfilment: 'PICKUP',
          channel: 'KEYPAD',
          businessDate: '2030-06-02',
          placedAt: order.placedAt,
          estimatedReadyAt: order.estimatedReadyAt,
          updatedAt: order.updatedAt,
          version: 1,
          items: order.lines,
          totals: {
            subtotalCents: 3147,
            taxCents: 279,
            totalCents: 3426,
            currency: 'USD',
          },
          customer: { phone: '********4321', name: 'Ana' },
        },
      ],
    });
  });
});

describe('GET /orders/{orderId}', () => {
  it('shows staff the order with a masked phone and no email', async () => {
    const callerNumber = uniquePhone();
    const order = await api.place({ callerNumber, customerName: 'Ana' });
    await api.customers.update(callerNumber, { email: 'ana@example.com' });

    const response = await api.call({
      method: 'GET',
      path: `/orders/${order.orderId}`,
    });

    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({
      orderId: order.orderId,
      items: order.lines,
      totals: { totalCents: order.totalCents },
      customer: {
        phone: `********${callerNumber.slice(-4)}`,
        name: 'Ana',
        orderCount: 1,
      },
      notifications: [],
    });
    expect(JSON.stringify(response.body)).not.toContain(callerNumber);
    expect(JSON.stringify(response.body)).not.toContain('ana@example.com');
  });

  it('shows a manager the phone number and email in full', async () => {
    const callerNumber = uniquePhone();
    const order = await api.place({ callerNumber });
    await api.customers.update(callerNumber, { email: 'ana@example.com' });

    const response = await api.call({
      method: 'GET',
      path: `/orders/${order.orderId}`,
      groups: ['managers'],
    });

    expect(response.body).toMatchObject({
      customer: { phone: callerNumber, email: 'ana@example.com' },
    });
  });

  it('lists the notifications recorded on the order', async () => {
    const order = await api.place();
    const sms = {
      channel: 'SMS',
      template: 'order-placed',
      messageId: 'msg-1',
      at: '2030-06-15T16:00:01.000Z',
    };
    await recordNotifications(order.orderId, [sms, { broken: true }]);

    const response = await api.call({
      method: 'GET',
      path: `/orders/${order.orderId}`,
    });

    expect(response.body).toMatchObject({ notifications: [sms] });
  });

  it('answers 404 order_not_found for an unknown order', async () => {
    const response = await api.call({
      method: 'GET',
      path: '/orders/no-such-order',
    });

    expect(response.statusCode).toBe(404);
    expect(response.body).toEqual({
      error: { code: 'order_not_found', message: 'no order has this id' },
    });
  });
});

/** Writes `notifications` on the order as the notifier does. */
async function recordNotifications(
  orderId: string,
  notifications: unknown[],
): Promise<void> {
  await api.table.client.send(
    new UpdateCommand({
      TableName: api.table.tableName,
      Key: orderKey(orderId),
      UpdateExpression: 'SET notifications = :list, notificationIds = :ids',
      ExpressionAttributeValues: { ':list': notifications, ':ids': ['x#SMS'] },
    }),
  );
}
