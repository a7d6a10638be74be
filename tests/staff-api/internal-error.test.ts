/**
 * A failure nobody planned for: the answer says "internal error" and
 * nothing more, and the log gets the error with the route, not the path.
 */
import { InMemoryCustomerRepository } from '../../src/customers/in-memory-customer-repository';
import { httpApiEvent } from '../../src/local/http-api-event';
import { InMemoryMenuRepository } from '../../src/menu/in-memory-menu-repository';
import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';
import { InMemoryOrderRepository } from '../../src/orders/in-memory-order-repository';
import { createStaffApi } from '../../src/staff-api/router';

class BrokenStore extends InMemoryOrderRepository {
  override get(): Promise<never> {
    return Promise.reject(
      new Error('ProvisionedThroughputExceededException at table orders-dev'),
    );
  }
}

describe('an unexpected failure', () => {
  const logged: { message: string; fields: Record<string, unknown> }[] = [];
  const api = createStaffApi({
    orders: new BrokenStore(),
    customers: new InMemoryCustomerRepository(),
    menu: new InMemoryMenuRepository(parseMenu(sampleMenu)),
    timeZone: 'UTC',
    now: () => new Date(),
    boardOrigin: 'https://board.example.com',
    log: {
      info: () => undefined,
      error: (message, fields) => logged.push({ message, fields }),
    },
  });

  it('answers 500 with "internal error" only, and logs the cause', async () => {
    const response = await api(
      httpApiEvent({
        method: 'GET',
        rawPath: '/orders/abc',
        rawQueryString: '',
        headers: {},
        routeKey: 'GET /orders/{orderId}',
        claims: { sub: 'someone', 'cognito:groups': ['staff'] },
      }),
    );

    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: 'internal_error', message: 'internal error' },
    });
    expect(logged).toEqual([
      {
        message: 'staff request failed',
        fields: {
          method: 'GET',
          route: '/orders/{orderId}',
          error: expect.any(Error) as Error,
        },
      },
    ]);
  });
});
