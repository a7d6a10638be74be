/**
 * fast-check arbitraries for the staff API: requests of any method, path,
 * query, headers, body and groups, requests for its routes with inputs
 * good and bad, and requests a staff client may send.
 */
import fc from 'fast-check';
import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';
import {
  ORDER_STATUSES,
  type Order,
  type OrderDraft,
} from '../../src/orders/model';
import { STAFF_API_ROUTES } from '../../src/staff-api/routes';

/** The live board's origin, the one CORS lets read answers. */
export const BOARD_ORIGIN = 'https://board.example.com';

const MENU = parseMenu(sampleMenu);

/** A request as the fuzzer writes it. */
export interface FuzzedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: string;
  isBase64Encoded: boolean;
  groups: readonly string[] | string | null;
}

const pathSegment = fc.oneof(
  fc.constantFrom('%', '%E0%A4%A', '%2B12065550142', '..', ' ', 'a#b', 'x'),
  fc.string({ maxLength: 70 }),
);

/** Anything at all, mostly for no route. */
const anyRequest: fc.Arbitrary<FuzzedRequest> = fc.record({
  method: fc.oneof(
    fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
    fc.string({ maxLength: 8 }),
  ),
  path: fc.oneof(
    fc.constantFrom('/orders', '/menu', '/orders/', '/', '', '/menu/items'),
    fc
      .tuple(
        fc.constantFrom(
          (x: string) => `/orders/${x}`,
          (x: string) => `/orders/${x}/status`,
          (x: string) => `/menu/items/${x}/availability`,
          (x: string) => `/customers/${x}`,
        ),
        pathSegment,
      )
      .map(([template, segment]) => template(segment)),
    fc.webPath(),
    fc.string({ maxLength: 40 }),
  ),
  query: fc.dictionary(
    fc.oneof(
      fc.constantFrom('status', 'date', 'limit', 'cursor'),
      fc.string({ maxLength: 8 }),
    ),
    fc.oneof(
      fc.constantFrom(
        ...ORDER_STATUSES,
        '2030-06-15',
        '2030-02-30',
        '0',
        '101',
      ),
      fc.string({ maxLength: 40 }),
    ),
    { maxKeys: 4 },
  ),
  headers: fc.dictionary(
    fc.oneof(
      fc.constantFrom('origin', 'content-type', 'authorization'),
      fc.string({ minLength: 1, maxLength: 12 }),
    ),
    fc.oneof(fc.constant(BOARD_ORIGIN), fc.string({ maxLength: 40 })),
    { maxKeys: 4 },
  ),
  body: fc.option(
    fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        '{"from":"PLACED","to":"CONFIRMED"}',
        '{"available":false}',
        '{"name":"Sam"}',
        '{',
        'x'.repeat(20_000),
      ),
      fc
        .uint8Array({ maxLength: 200 })
        .map((bytes) => Buffer.from(bytes).toString('base64')),
    ),
    { nil: undefined },
  ),
  isBase64Encoded: fc.boolean(),
  groups: fc.oneof(
    fc.constant(null),
    fc.constantFrom(['staff'], ['managers'], ['staff', 'managers'], [], ['x']),
    fc.string({ maxLength: 20 }),
  ),
});

/** Bodies close to the ones the routes take, and some far from them. */
const nearBody = fc.oneof(
  fc.record(
    {
      from: fc.oneof(fc.constantFrom(...ORDER_STATUSES), fc.jsonValue()),
      to: fc.oneof(fc.constantFrom(...ORDER_STATUSES), fc.jsonValue()),
    },
    { requiredKeys: [] },
  ),
  fc.record({
    from: fc.constantFrom(...ORDER_STATUSES),
    to: fc.constantFrom(...ORDER_STATUSES),
  }),
  fc.record(
    { available: fc.oneof(fc.boolean(), fc.jsonValue()) },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      name: fc.string({ maxLength: 120 }),
      email: fc.oneof(fc.emailAddress(), fc.string()),
      deliveryAddress: fc.string({ maxLength: 320 }),
      extra: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A request for one of the API's routes, with inputs good and bad. */
const routedRequest: fc.Arbitrary<FuzzedRequest> = fc
  .record({
    route: fc.constantFrom(...STAFF_API_ROUTES),
    segment: fc.oneof(
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          'margherita',
          'cola',
          '%2B12065550142',
          'order-1',
        ),
      },
      { weight: 1, arbitrary: pathSegment },
    ),
    query: fc.oneof(
      fc.constant({}),
      fc.record(
        {
          status: fc.oneof(fc.constantFrom(...ORDER_STATUSES), fc.string()),
          date: fc.oneof(
            fc.constantFrom('2030-06-15', '2030-02-30'),
            fc.string(),
          ),
          limit: fc.oneof(
            fc.integer({ min: -5, max: 200 }).map(String),
            fc.string(),
          ),
          cursor: fc.oneof(fc.base64String({ maxLength: 80 }), fc.string()),
        },
        { requiredKeys: [] },
      ),
    ),
    body: fc.option(
      nearBody.map((value) => JSON.stringify(value)),
      {
        nil: undefined,
      },
    ),
    groups: fc.constantFrom(['staff'], ['managers'], ['staff', 'managers']),
  })
  .map(({ route, segment, query, body, groups }) => ({
    method: route.method,
    path: route.path.replace(/\{\w+\}/g, segment),
    // Only the listing reads a query; the others refuse any parameter.
    query: route.path === '/orders' ? query : {},
    headers: { origin: BOARD_ORIGIN, 'content-type': 'application/json' },
    body,
    isBase64Encoded: false,
    groups,
  }));

/** Requests of every kind: most for a route, some for none at all. */
export const fuzzedRequest = fc.oneof(
  { weight: 1, arbitrary: anyRequest },
  { weight: 3, arbitrary: routedRequest },
);

/** Places an order for a request to act on. */
export type PlaceOrder = (overrides?: Partial<OrderDraft>) => Promise<Order>;

/** A request written once what it acts on exists. */
export type ValidRequest = (api: {
  place: PlaceOrder;
}) => Promise<FuzzedRequest>;

const asStaff = (groups: string[] = ['staff']) => ({
  query: {},
  headers: { origin: BOARD_ORIGIN },
  isBase64Encoded: false,
  groups,
});

const personName = fc.stringMatching(/^[A-Z][a-z]{1,12}( [A-Z][a-z]{1,12})?$/);
const emailAddress = fc
  .stringMatching(/^[a-z][a-z0-9]{0,15}$/)
  .map((local) => `${local}@example.com`);
const address = fc.stringMatching(/^[1-9]\d{0,3} [A-Z][a-z]{2,12} Street$/);

/** Requests a staff client may send, each against something that exists. */
export const validRequest: fc.Arbitrary<ValidRequest> = fc.oneof(
  fc
    .record(
      {
        status: fc.constantFrom(...ORDER_STATUSES),
        date: fc.constantFrom('2030-06-15', '2030-06-14', '2024-02-29'),
        limit: fc.integer({ min: 1, max: 100 }).map(String),
      },
      { requiredKeys: ['status'] },
    )
    .map(
      (query): ValidRequest =>
        () =>
          Promise.resolve({
            ...asStaff(),
            method: 'GET',
            path: '/orders',
            query,
          }),
    ),
  fc.constant<ValidRequest>(async ({ place }) => ({
    ...asStaff(),
    method: 'GET',
    path: `/orders/${(await place()).orderId}`,
  })),
  fc
    .constantFrom('CONFIRMED', 'CANCELLED')
    .map((to): ValidRequest => async ({ place }) => ({
      ...asStaff(),
      method: 'POST',
      path: `/orders/${(await place()).orderId}/status`,
      body: JSON.stringify({ from: 'PLACED', to }),
    })),
  fc.constant<ValidRequest>(() =>
    Promise.resolve({ ...asStaff(['managers']), method: 'GET', path: '/menu' }),
  ),
  fc.tuple(fc.constantFrom(...MENU.items), fc.boolean()).map(
    ([item, available]): ValidRequest =>
      () =>
        Promise.resolve({
          ...asStaff(),
          method: 'PUT',
          path: `/menu/items/${item.itemId}/availability`,
          body: JSON.stringify({ available }),
        }),
  ),
  fc.constant<ValidRequest>(async ({ place }) => ({
    ...asStaff(['managers']),
    method: 'GET',
    path: `/customers/${encodeURIComponent((await place()).callerNumber)}`,
  })),
  fc
    .tuple(
      fc.stringMatching(/^[1-9]\d{6,13}$/),
      fc.record(
        { name: personName, email: emailAddress, deliveryAddress: address },
        { requiredKeys: [] },
      ),
    )
    .filter(([, changes]) => Object.keys(changes).length > 0)
    .map(
      ([digits, changes]): ValidRequest =>
        () =>
          Promise.resolve({
            ...asStaff(['staff', 'managers']),
            method: 'PATCH',
            path: `/customers/%2B${digits}`,
            body: JSON.stringify(changes),
          }),
    ),
  fc
    .constantFrom('/orders', '/menu', '/orders/abc/status', '/customers/%2B1')
    .map(
      (path): ValidRequest =>
        () =>
          Promise.resolve({ ...asStaff(), method: 'OPTIONS', path }),
    ),
);
