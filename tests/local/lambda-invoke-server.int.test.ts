import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';
import {
  InvokeCommand,
  LambdaClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { localFunctionEnvironment } from '../../src/local/function-environment';
import { invokeOverHttp } from '../../src/local/lambda-clients';
import {
  type LambdaInvokeServer,
  startLambdaInvokeServer,
} from '../../src/local/lambda-invoke-server';
import { readFunctionDeclarations } from '../../src/local/function-declarations';
import { LocalFunctions } from '../../src/local/local-functions';
import { PhoneSimulator } from '../../src/local/phone-simulator';
import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';
import { seedMenu } from '../../src/storage/seed-menu';
import { DynamoDbOrderRepository } from '../../src/storage/dynamodb-order-repository';
import {
  createTestTable,
  dynamoDbEndpoint,
  type TestTable,
} from '../support/dynamodb';

const SMA = 'phone-orders-dev-sma';
const INBOUND_CALL = readFileSync(
  resolve(__dirname, '../../events/sma-new-inbound-call.json'),
  'utf8',
);

let table: TestTable;
let server: LambdaInvokeServer;
let lambda: LambdaClient;
let bundles: string;

/**
 * Jest's module system cannot load @middy/core, which is ESM only, so the
 * handler is bundled to CommonJS first, as `sls package` bundles it.
 */
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
  // What npm start gives the handlers, pointed at this file's own table.
  Object.assign(process.env, {
    ...localFunctionEnvironment({
      stage: 'dev',
      dynamodbEndpoint: dynamoDbEndpoint(),
      env: {},
    }),
    TABLE_NAME: table.tableName,
  });
  bundles = mkdtempSync(join(tmpdir(), 'invoke-server-bundles-'));
  const functions = await LocalFunctions.load(readFunctionDeclarations('dev'), {
    importModule: importBundled,
  });
  server = await startLambdaInvokeServer({ functions, port: 0 });
  lambda = new LambdaClient({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}, 30_000);

afterAll(async () => {
  lambda.destroy();
  await server.close();
  await table.dispose();
  rmSync(bundles, { recursive: true, force: true });
});

function postInvocation(functionName: string, body: string) {
  const path = `/2015-03-31/functions/${functionName}/invocations`;

  return fetch(new URL(path, server.endpoint), { method: 'POST', body });
}

describe('the Lambda Invoke API for serverless.yml functions', () => {
  it('answers a new call with the greeting, through an SDK LambdaClient', async () => {
    const result = await lambda.send(
      new InvokeCommand({
        FunctionName: SMA,
        Payload: new TextEncoder().encode(INBOUND_CALL),
      }),
    );

    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBeUndefined();
    const response = JSON.parse(new TextDecoder().decode(result.Payload)) as {
      Actions: {
        Type: string;
        Parameters: { SpeechParameters: { Text: string } };
      }[];
    };
    expect(response.Actions).toHaveLength(1);
    expect(response.Actions[0]!.Type).toBe('SpeakAndGetDigits');
    expect(response.Actions[0]!.Parameters.SpeechParameters.Text).toMatch(
      /^Thanks for calling Tony's Pizzeria\./,
    );
  });

  it('reports an unknown function as ResourceNotFoundException', async () => {
    const invoking = lambda.send(
      new InvokeCommand({ FunctionName: 'phone-orders-dev-nope' }),
    );

    await expect(invoking).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(invoking).rejects.toThrow(
      'Function not found: phone-orders-dev-nope',
    );
  });

  it('refuses a body that is not JSON with a 400', async () => {
    const reply = await postInvocation(SMA, 'one large pepperoni');

    expect(reply.status).toBe(400);
    expect(reply.headers.get('x-amzn-errortype')).toBe(
      'InvalidRequestContentException',
    );
    expect(await reply.json()).toEqual({
      Type: 'User',
      message: expect.stringMatching(
        /^Could not parse request body into json: /,
      ) as unknown,
    });
  });

  it('stores the order of a whole keypad call placed over HTTP', async () => {
    const caller = '+15555550177';
    const simulator = new PhoneSimulator({
      invoke: invokeOverHttp(server.endpoint, SMA),
      from: caller,
      to: '+15555550100',
    });

    // Order, pizzas, Margherita, large, one, finish, place the order.
    const record = await simulator.call('1 1 1 2 1 3 1');

    expect(record.ending).toBe('application-hung-up');
    const orders = new DynamoDbOrderRepository({
      client: table.client,
      tableName: table.tableName,
    });
    const stored = await orders.listByCaller(caller, 10);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      orderId: record.transactionId,
      status: 'PLACED',
      ticketNumber: 1,
      lines: [{ itemId: 'margherita', sizeId: 'large', quantity: 1 }],
      subtotalCents: 1699,
    });
  }, 20_000);
});

describe('a function that fails', () => {
  let directory: string;
  let failing: LambdaInvokeServer;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'invoke-server-'));
    writeFileSync(
      join(directory, 'serverless.yml'),
      [
        'service: shop',
        'functions:',
        '  boom: { handler: boom.handler }',
        '  slow: { handler: boom.slow, timeout: 0.2 }',
      ].join('\n'),
    );
    writeFileSync(
      join(directory, 'boom.js'),
      [
        "exports.handler = async () => { throw new TypeError('no dough'); };",
        'exports.slow = () => new Promise((done) => setTimeout(done, 1000));',
      ].join('\n'),
    );
    const functions = await LocalFunctions.load(
      readFunctionDeclarations('dev', join(directory, 'serverless.yml')),
      { root: directory },
    );
    failing = await startLambdaInvokeServer({ functions, port: 0 });
  });

  afterAll(async () => {
    await failing.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers 200 with an Unhandled function error, as Lambda does', async () => {
    const path = '/2015-03-31/functions/shop-dev-boom/invocations';
    const reply = await fetch(new URL(path, failing.endpoint), {
      method: 'POST',
      body: '{}',
    });

    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-amz-function-error')).toBe('Unhandled');
    expect(await reply.json()).toMatchObject({
      errorType: 'TypeError',
      errorMessage: 'no dough',
    });
  });

  it('accepts an asynchronous invocation at once, as Lambda queues it', async () => {
    const path = '/2015-03-31/functions/shop-dev-boom/invocations';
    const reply = await fetch(new URL(path, failing.endpoint), {
      method: 'POST',
      headers: { 'X-Amz-Invocation-Type': 'Event' },
      body: '{}',
    });

    expect(reply.status).toBe(202);
    expect(await reply.text()).toBe('');
  });

  it('times out a handler that outlives its timeout', async () => {
    const path = '/2015-03-31/functions/shop-dev-slow/invocations';
    const reply = await fetch(new URL(path, failing.endpoint), {
      method: 'POST',
      body: '{}',
    });

    expect(reply.headers.get('x-amz-function-error')).toBe('Unhandled');
    expect(await reply.json()).toMatchObject({
      errorType: 'Sandbox.Timedout',
      errorMessage: 'Task timed out after 0.20 seconds',
    });
  });
});
