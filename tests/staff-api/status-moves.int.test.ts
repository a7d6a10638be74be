import type { Fulfilment, Order, OrderStatus } from '../../src/orders/model';
import {
  type ApiFixture,
  type ApiResponse,
  createApiFixture,
} from './support/api-fixture';

let api: ApiFixture;

beforeAll(async () => {
  api = await createApiFixture();
});

afterAll(() => api.dispose());

function move(
  orderId: string,
  from: OrderStatus,
  to: OrderStatus,
): Promise<ApiResponse> {
  return api.call({
    method: 'POST',
    path: `/orders/${orderId}/status`,
    body: { from, to },
  });
}

/** An order of this fulfilment already moved along `path`. */
async function orderAt(
  path: OrderStatus[],
  fulfilment: Fulfilment = 'PICKUP',
): Promise<Order> {
  const order = await api.place({
    fulfilment,
    ...(fulfilment === 'DELIVERY' && { deliveryAddress: '1 Main St' }),
  });
  let status: OrderStatus = 'PLACED';
  for (const next of path) {
    await api.orders.changeStatus(order.orderId, status, next, new Date());
    status = next;
  }

  return { ...order, status };
}

const KITCHEN: OrderStatus[] = ['CONFIRMED', 'PREPARING', 'READY'];

describe('POST /orders/{orderId}/status: legal moves', () => {
  it('walks a pickup order from PLACED to COMPLETED', async () => {
    const order = await orderAt([]);
    const steps = [...KITCHEN, 'COMPLETED'] as OrderStatus[];

    let from: OrderStatus = 'PLACED';
    for (const [index, to] of steps.entries()) {
      const response = await move(order.orderId, from, to);

      expect(response.statusCode).toBe(200);
      expect(response.body).toMatchObject({ status: to, version: index + 2 });
      from = to;
    }
  });

  it('walks a delivery order out with a driver, then to COMPLETED', async () => {
    const order = await orderAt(KITCHEN, 'DELIVERY');

    const out = await move(order.orderId, 'READY', 'OUT_FOR_DELIVERY');
    const done = await move(order.orderId, 'OUT_FOR_DELIVERY', 'COMPLETED');

    expect(out.body).toMatchObject({
      status: 'OUT_FOR_DELIVERY',
      nextStatuses: ['COMPLETED'],
    });
    expect(done.body).toMatchObject({ status: 'COMPLETED', nextStatuses: [] });
  });

  it.each([
    ['PLACED', []],
    ['CONFIRMED', ['CONFIRMED']],
    ['PREPARING', ['CONFIRMED', 'PREPARING']],
  ] as [OrderStatus, OrderStatus[]][])(
    'cancels an order that is %s',
    async (status, path) => {
      const order = await orderAt(path);

      const response = await move(order.orderId, status, 'CANCELLED');

      expect(response.statusCode).toBe(200);
      expect(response.body).toMatchObject({
        status: 'CANCELLED',
        nextStatuses: [],
      });
    },
  );

  it('answers with the whole order, as GET /orders/{orderId} does', async () => {
    const order = await orderAt([]);

    const moved = await move(order.orderId, 'PLACED', 'CONFIRMED');
    const read = await api.call({
      method: 'GET',
      path: `/orders/${order.orderId}`,
    });

    expect(moved.body).toEqual(read.body);
  });
});

describe('POST /orders/{orderId}/status: refused moves', () => {
  it.each([
    ['skips a step', [], 'PLACED', 'READY', ['CONFIRMED', 'CANCELLED']],
    ['cancels a ready order', KITCHEN, 'READY', 'CANCELLED', ['COMPLETED']],
    [
      'moves a completed order',
      [...KITCHEN, 'COMPLETED'],
      'COMPLETED',
      'PLACED',
      [],
    ],
    [
      'goes back',
      ['CONFIRMED'],
      'CONFIRMED',
      'PLACED',
      ['PREPARING', 'CANCELLED'],
    ],
    [
      'sends a pickup order out for delivery',
      KITCHEN,
      'READY',
      'OUT_FOR_DELIVERY',
      ['COMPLETED'],
    ],
    ['stays where it is', [], 'PLACED', 'PLACED', ['CONFIRMED', 'CANCELLED']],
  ] as [string, OrderStatus[], OrderStatus, OrderStatus, OrderStatus[]][])(
    'answers 409 illegal_transition when a move %s',
    async (_, path, from, to, allowed) => {
      const order = await orderAt(path);

      const response = await move(order.orderId, from, to);

      expect(response.statusCode).toBe(409);
      expect(response.body).toEqual({
        error: {
          code: 'illegal_transition',
          message: `an order cannot move from ${from} to ${to}`,
          currentStatus: from,
          allowedStatuses: allowed,
        },
      });
      expect((await api.orders.get(order.orderId))?.status).toBe(from);
    },
  );

  it('refuses to complete a ready delivery that never went out', async () => {
    const order = await orderAt(KITCHEN, 'DELIVERY');

    const response = await move(order.orderId, 'READY', 'COMPLETED');

    expect(response.statusCode).toBe(409);
    expect(response.body).toMatchObject({
      error: { code: 'illegal_transition', currentStatus: 'READY' },
    });
  });

  it('answers 409 status_conflict when the order is no longer in from', async () => {
    const order = await orderAt(['CONFIRMED']);

    const response = await move(order.orderId, 'PLACED', 'CANCELLED');

    expect(response.statusCode).toBe(409);
    expect(response.body).toEqual({
      error: {
        code: 'status_conflict',
        message: 'the order is no longer in that status; it is CONFIRMED',
        currentStatus: 'CONFIRMED',
      },
    });
  });

  it('lets one of two people moving the same order through, not both', async () => {
    const order = await orderAt([]);

    const answers = await Promise.all([
      move(order.orderId, 'PLACED', 'CONFIRMED'),
      move(order.orderId, 'PLACED', 'CONFIRMED'),
    ]);

    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    const refused = answers.find((a) => a.statusCode === 409);
    expect(refused?.body).toMatchObject({
      error: { code: 'status_conflict', currentStatus: 'CONFIRMED' },
    });
    expect(await api.orders.get(order.orderId)).toMatchObject({
      status: 'CONFIRMED',
      version: 2,
    });
  });

  it('answers 404 order_not_found for an unknown order', async () => {
    const response = await move('no-such-order', 'PLACED', 'CONFIRMED');

    expect(response.statusCode).toBe(404);
    expect(response.body).toMatchObject({
      error: { code: 'order_not_found' },
    });
  });
});
