/**
 * The staff API on a DynamoDB Local table of its own, with the real
 * adapters, called the way API Gateway calls the function. Every answer
 * is checked against the API's description before a test sees it.
 */
import {
  httpApiEvent,
  type ClaimValue,
} from '../../../src/local/http-api-event';
import { parseMenu } from '../../../src/menu/menu-schema';
import sampleMenu from '../../../src/menu/sample-menu.json';
import type { OrderDraft, Order } from '../../../src/orders/model';
import {
  createStaffApi,
  type StaffApiLog,
} from '../../../src/staff-api/router';
import { DynamoDbCustomerRepository } from '../../../src/storage/dynamodb-customer-repository';
import { DynamoDbMenuRepository } from '../../../src/storage/dynamodb-menu-repository';
import { DynamoDbOrderRepository } from '../../../src/storage/dynamodb-order-repository';
import { seedMenu } from '../../../src/storage/seed-menu';
import { createTestTable, type TestTable } from '../../support/dynamodb';
import { orderDraft } from '../../orders/order-draft';
import { expectDocumented } from './documented';

/** The live board's origin in these tests. */
export const BOARD_ORIGIN = 'https://board.example.com';
/** "Now" for the API: 12:00 on 2030-06-15 in New York. */
export const NOW = new Date('2030-06-15T16:00:00.000Z');
export const TODAY = '2030-06-15';

/** A request as a test writes it. */
export interface ApiRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  /** Sent as JSON unless it is a string, which is sent as it is. */
  body?: unknown;
  /** The token's groups; `null` for a request without claims. */
  groups?: string[] | string | null;
  headers?: Record<string, string>;
}

/** An answer with its body parsed. */
export interface ApiResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: unknown;
}

/** What a test file works with. */
export interface ApiFixture {
  table: TestTable;
  orders: DynamoDbOrderRepository;
  customers: DynamoDbCustomerRepository;
  logged: { message: string; fields: Record<string, unknown> }[];
  call(request: ApiRequest): Promise<ApiResponse>;
  /** Places an order through the real transaction. */
  place(overrides?: Partial<OrderDraft>): Promise<Order>;
  dispose(): Promise<void>;
}

/** Creates the table, seeds the sample menu and builds the API. */
export async function createApiFixture(): Promise<ApiFixture> {
  const table = await createTestTable();
  await seedMenu(table.client, table.tableName, parseMenu(sampleMenu));
  const clock = () => NOW;
  const orders = new DynamoDbOrderRepository({ ...table, clock });
  const customers = new DynamoDbCustomerRepository({ ...table, clock });
  const logged: ApiFixture['logged'] = [];
  const log: StaffApiLog = {
    info: () => undefined,
    error: (message, fields) => logged.push({ message, fields }),
  };
  const api = createStaffApi({
    orders,
    customers,
    menu: new DynamoDbMenuRepository({ ...table, cacheTtlMs: 0 }),
    timeZone: 'America/New_York',
    now: clock,
    boardOrigin: BOARD_ORIGIN,
    log,
  });

  return {
    table,
    orders,
    customers,
    logged,
    call: async (request) => {
      const result = await api(eventOf(request));
      const body: unknown =
        result.body === '' ? undefined : JSON.parse(result.body);
      expectDocumented(request.method, request.path, result.statusCode, body);

      return { statusCode: result.statusCode, headers: result.headers, body };
    },
    place: (overrides) => orders.create(orderDraft(overrides)),
    dispose: () => table.dispose(),
  };
}

function eventOf(request: ApiRequest) {
  const groups = request.groups === undefined ? ['staff'] : request.groups;
  const claims: Record<string, ClaimValue> | undefined =
    groups === null
      ? undefined
      : {
          sub: 'a0b1c2d3-staff',
          'cognito:groups': groups,
          token_use: 'id',
          email: 'cook@example.com',
        };

  return httpApiEvent({
    method: request.method,
    rawPath: request.path,
    rawQueryString: new URLSearchParams(request.query).toString(),
    headers: { host: 'api.example.com', ...request.headers },
    body:
      request.body === undefined || typeof request.body === 'string'
        ? request.body
        : JSON.stringify(request.body),
    routeKey: `${request.method} ${request.path}`,
    claims,
  });
}
