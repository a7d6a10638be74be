/**
 * The local HTTP API in front of the real staffApi function (bundled as
 * `sls package` bundles it) on DynamoDB Local: tokens are checked as API
 * Gateway's JWT authorizer checks them, CORS follows serverless.yml.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { localFunctionEnvironment } from '../../src/local/function-environment';
import { type HttpApi, startHttpApi } from '../../src/local/http-api-server';
import { LocalAuth, type StaffTokenRequest } from '../../src/local/local-auth';
import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';
import { DynamoDbOrderRepository } from '../../src/storage/dynamodb-order-repository';
import { seedMenu } from '../../src/storage/seed-menu';
import { orderDraft } from '../orders/order-draft';
import {
  createTestTable,
  dynamoDbEndpoint,
  type TestTable,
} from '../support/dynamodb';

/** serverless.yml's default `boardOrigin`, as stage dev resolves it. */
const BOARD_ORIGIN = 'http://localhost:8080';

let table: TestTable;
let api: HttpApi;
let auth: LocalAuth;
let bundles: string;

/** Jest cannot load @middy/core (ESM only): bundle as `sls package` does. */
async function importBundled(modulePath: string): Promise<unknown> {
  const outfile = join(bundles, `${basename(modulePath)}.cjs`);
  await build({
    entryPoints: [`${modulePath}.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  });

  return (await import(outfile)) as unknown;
}

beforeAll(async () => {
  table = await createTestTable();
  await seedMenu(table.client, table.tableName, parseMenu(sampleMenu));
  bundles = mkdtempSync(join(tmpdir(), 'http-api-bundles-'));
  auth = await LocalAuth.inMemory();
  api = await startHttpApi({
    port: 0,
    stage: 'dev',
    auth,
    importModule: importBundled,
    env: {
      ...localFunctionEnvironment({
        stage: 'dev',
        dynamodbEndpoint: dynamoDbEndpoint(),
        env: {},
      }),
      TABLE_NAME: table.tableName,
    },
  });
}, 60_000);

afterAll(async () => {
  await api.close();
  await table.dispose();
  rmSync(bundles, { recursive: true, force: true });
});

const staff: StaffTokenRequest = {
  groups: ['staff'],
  email: 'cook@tonys.example',
};

async function get(
  path: string,
  token?: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(new URL(path, api.endpoint), {
    headers: {
      ...headers,
      ...(token !== undefined && { authorization: `Bearer ${token}` }),
    },
  });
}

describe('the local HTTP API', () => {
  it('serves the routes of serverless.yml behind the staffJwt authorizer', () => {
    expect(
      api.routes.map((r) => `${r.method} ${r.path} ${r.authorizer ?? ''}`),
    ).toContain('GET /orders/{orderId} staffJwt');
  });

  it('passes a staff token on to the function, which serves the menu', async () => {
    const reply = await get('/menu', await auth.issueStaffToken(staff));

    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual(parseMenu(sampleMenu));
  });

  it('passes the query string and the path parameters on', async () => {
    const orders = new DynamoDbOrderRepository(table);
    const order = await orders.create(
      orderDraft({ businessDate: '2030-04-01' }),
    );
    const token = await auth.issueStaffToken(staff);

    const listed = await get(
      '/orders?status=PLACED&date=2030-04-01&limit=5',
      token,
    );
    const read = await get(`/orders/${order.orderId}`, token);

    expect(await listed.json()).toMatchObject({
      orders: [{ orderId: order.orderId }],
    });
    expect(await read.json()).toMatchObject({ orderId: order.orderId });
  });

  it('passes a JSON body on, and the function answers a status move', async () => {
    const order = await new DynamoDbOrderRepository(table).create(orderDraft());

    const reply = await fetch(
      new URL(`/orders/${order.orderId}/status`, api.endpoint),
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await auth.issueStaffToken(staff)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ from: 'PLACED', to: 'CONFIRMED' }),
      },
    );

    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ status: 'CONFIRMED' });
  });

  it('decodes an encoded + in a phone number for managers', async () => {
    const token = await auth.issueStaffToken({ groups: ['managers'] });

    const reply = await get('/customers/%2B15550100777', token);

    expect(reply.status).toBe(404);
    expect(await reply.json()).toMatchObject({
      error: { code: 'customer_not_found' },
    });
  });

  it('answers a path no route has as API Gateway does', async () => {
    const reply = await get('/kitchen', await auth.issueStaffToken(staff));

    expect(reply.status).toBe(404);
    expect(await reply.json()).toEqual({ message: 'Not Found' });
  });
});

describe('tokens the JWT authorizer refuses', () => {
  async function expectUnauthorized(token?: string): Promise<void> {
    const reply = await get('/menu', token);

    expect(reply.status).toBe(401);
    expect(await reply.json()).toEqual({ message: 'Unauthorized' });
  }

  it('no token at all', async () => {
    await expectUnauthorized();
  });

  it('an expired token', async () => {
    await expectUnauthorized(
      await auth.issueStaffToken({ ...staff, expiresIn: -1 }),
    );
  });

  it('a token signed by another key', async () => {
    const forger = await LocalAuth.inMemory();

    await expectUnauthorized(
      await forger.issueStaffToken({ ...staff, groups: ['managers'] }),
    );
  });

  it('a token for another app client', async () => {
    await expectUnauthorized(
      await auth.issueStaffToken({ ...staff, audience: 'another-app' }),
    );
  });

  it('a token from another user pool', async () => {
    await expectUnauthorized(
      await auth.issueStaffToken({ ...staff, issuer: 'https://elsewhere' }),
    );
  });

  it('a header that holds no token', async () => {
    await expectUnauthorized('Basic dXNlcjpwYXNz');
  });
});

describe('groups, checked by the function', () => {
  it('answers 403 to a valid token in no staff group', async () => {
    const token = await auth.issueStaffToken({ groups: ['drivers'] });

    const reply = await get('/menu', token);

    expect(reply.status).toBe(403);
    expect(await reply.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('answers 403 to staff asking for a customer', async () => {
    const reply = await get(
      '/customers/%2B15550100777',
      await auth.issueStaffToken(staff),
    );

    expect(reply.status).toBe(403);
  });
});

describe('CORS from serverless.yml', () => {
  it('lets the board read an answer', async () => {
    const reply = await get('/menu', await auth.issueStaffToken(staff), {
      origin: BOARD_ORIGIN,
    });

    expect(reply.headers.get('access-control-allow-origin')).toBe(BOARD_ORIGIN);
  });

  it('gives another origin no CORS header', async () => {
    const reply = await get('/menu', await auth.issueStaffToken(staff), {
      origin: 'https://evil.example.com',
    });

    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the board read a 401, so it can sign in again', async () => {
    const reply = await get('/menu', undefined, { origin: BOARD_ORIGIN });

    expect(reply.status).toBe(401);
    expect(reply.headers.get('access-control-allow-origin')).toBe(BOARD_ORIGIN);
  });

  it("answers the board's preflight without a token", async () => {
    const reply = await fetch(new URL('/orders/x/status', api.endpoint), {
      method: 'OPTIONS',
      headers: {
        origin: BOARD_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });

    expect(reply.status).toBe(204);
    expect(reply.headers.get('access-control-allow-origin')).toBe(BOARD_ORIGIN);
    expect(reply.headers.get('access-control-allow-methods')).toContain('POST');
    expect(reply.headers.get('access-control-allow-headers')).toBe(
      'Authorization,Content-Type',
    );
  });

  it("does not let another origin's preflight in", async () => {
    const reply = await fetch(new URL('/menu', api.endpoint), {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example.com',
        'access-control-request-method': 'GET',
      },
    });

    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });
});
