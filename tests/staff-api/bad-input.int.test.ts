/**
 * Each malformed request on its own: the status, the error code and the
 * field named, and nothing stored.
 */
import {
  type ApiFixture,
  type ApiRequest,
  createApiFixture,
} from './support/api-fixture';

let api: ApiFixture;
let orderId: string;

beforeAll(async () => {
  api = await createApiFixture();
  orderId = (await api.place()).orderId;
});

afterAll(() => api.dispose());

async function expectRejected(
  request: ApiRequest,
  code: string,
  field?: string,
): Promise<void> {
  const response = await api.call(request);

  expect(response.statusCode).toBe(400);
  expect(response.body).toEqual({
    error: {
      code,
      message: expect.any(String) as string,
      ...(field !== undefined && { field }),
    },
  });
  const { message } = (response.body as { error: { message: string } }).error;
  if (field !== undefined) expect(message.startsWith(`${field}: `)).toBe(true);
}

const statusMove = (body: unknown): ApiRequest => ({
  method: 'POST',
  path: `/orders/${orderId}/status`,
  body,
});

const listing = (query: Record<string, string>): ApiRequest => ({
  method: 'GET',
  path: '/orders',
  query,
});

describe('GET /orders with a bad query', () => {
  it('needs a status', async () => {
    await expectRejected(listing({}), 'missing_field', 'query.status');
  });

  it('refuses a status that does not exist', async () => {
    await expectRejected(
      listing({ status: 'EATEN' }),
      'invalid_field',
      'query.status',
    );
  });

  it('refuses a date that is not YYYY-MM-DD', async () => {
    await expectRejected(
      listing({ status: 'PLACED', date: '15/06/2030' }),
      'invalid_field',
      'query.date',
    );
  });

  it('refuses a date that is not on the calendar', async () => {
    await expectRejected(
      listing({ status: 'PLACED', date: '2030-02-30' }),
      'invalid_field',
      'query.date',
    );
  });

  it('refuses a limit of 0', async () => {
    await expectRejected(
      listing({ status: 'PLACED', limit: '0' }),
      'invalid_field',
      'query.limit',
    );
  });

  it('refuses a limit over 100', async () => {
    await expectRejected(
      listing({ status: 'PLACED', limit: '101' }),
      'invalid_field',
      'query.limit',
    );
  });

  it('refuses a limit that is not a number', async () => {
    await expectRejected(
      listing({ status: 'PLACED', limit: 'ten' }),
      'invalid_field',
      'query.limit',
    );
  });

  it('refuses a query parameter it does not know', async () => {
    await expectRejected(
      listing({ status: 'PLACED', sort: 'oldest' }),
      'unknown_field',
      'query.sort',
    );
  });

  it('refuses a status given twice', async () => {
    const response = await api.call({
      method: 'GET',
      path: '/orders',
      query: { status: 'PLACED,READY' },
    });

    expect(response.body).toMatchObject({
      error: { code: 'invalid_field', field: 'query.status' },
    });
  });

  it('refuses a cursor that is not base64url JSON', async () => {
    await expectRejected(
      listing({ status: 'PLACED', cursor: 'not a cursor!' }),
      'invalid_cursor',
      'query.cursor',
    );
  });

  it('refuses a cursor longer than any it issues', async () => {
    await expectRejected(
      listing({ status: 'PLACED', cursor: 'A'.repeat(1025) }),
      'invalid_field',
      'query.cursor',
    );
  });
});

describe('POST /orders/{orderId}/status with a bad body', () => {
  it('refuses malformed JSON', async () => {
    await expectRejected(
      statusMove('{"from": "PLACED",'),
      'invalid_json',
      'body',
    );
  });

  it('refuses a request without a body', async () => {
    await expectRejected(statusMove(undefined), 'missing_field', 'body');
  });

  it('refuses a body that is not an object', async () => {
    await expectRejected(statusMove(['PLACED']), 'invalid_field', 'body');
  });

  it('refuses a body without to', async () => {
    await expectRejected(
      statusMove({ from: 'PLACED' }),
      'missing_field',
      'body.to',
    );
  });

  it('refuses a status of the wrong type', async () => {
    await expectRejected(
      statusMove({ from: 'PLACED', to: 2 }),
      'invalid_field',
      'body.to',
    );
  });

  it('refuses a status in lower case', async () => {
    await expectRejected(
      statusMove({ from: 'placed', to: 'CONFIRMED' }),
      'invalid_field',
      'body.from',
    );
  });

  it('refuses a field it does not know', async () => {
    await expectRejected(
      statusMove({ from: 'PLACED', to: 'CONFIRMED', force: true }),
      'unknown_field',
      'body.force',
    );
  });

  it('refuses a body over 16 KB', async () => {
    const padding = 'x'.repeat(16 * 1024);

    await expectRejected(
      statusMove({ from: 'PLACED', to: 'CONFIRMED', padding }),
      'body_too_large',
      'body',
    );
  });

  it('refuses an order id that could not be a key', async () => {
    await expectRejected(
      {
        method: 'POST',
        path: '/orders/ORDER%23x/status',
        body: { from: 'PLACED', to: 'CONFIRMED' },
      },
      'invalid_field',
      'path.orderId',
    );
  });

  it('leaves the order as it was', async () => {
    expect(await api.orders.get(orderId)).toMatchObject({
      status: 'PLACED',
      version: 1,
    });
  });
});

describe('other routes with bad input', () => {
  it('refuses availability given as text', async () => {
    await expectRejected(
      {
        method: 'PUT',
        path: '/menu/items/cola/availability',
        body: { available: 'no' },
      },
      'invalid_field',
      'body.available',
    );
  });

  it('refuses a phone number that is not E.164', async () => {
    await expectRejected(
      { method: 'GET', path: '/customers/5550100', groups: ['managers'] },
      'invalid_field',
      'path.phone',
    );
  });

  it('refuses a phone number with a broken escape', async () => {
    await expectRejected(
      { method: 'GET', path: '/customers/%E0%A4%A', groups: ['managers'] },
      'invalid_field',
      'path.phone',
    );
  });

  it('refuses an email that is not one', async () => {
    await expectRejected(
      {
        method: 'PATCH',
        path: '/customers/%2B15550100999',
        body: { email: 'ana-at-example' },
        groups: ['managers'],
      },
      'invalid_field',
      'body.email',
    );
  });

  it('refuses a customer change that changes nothing', async () => {
    await expectRejected(
      {
        method: 'PATCH',
        path: '/customers/%2B15550100999',
        body: {},
        groups: ['managers'],
      },
      'invalid_field',
      'body',
    );
  });

  it('refuses a query parameter on a route that takes none', async () => {
    await expectRejected(
      { method: 'GET', path: '/menu', query: { fresh: 'yes' } },
      'unknown_field',
      'query.fresh',
    );
  });
});
