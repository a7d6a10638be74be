/**
 * What the board's browser test runs on: DynamoDB Local's table with the
 * sample menu, the sma, staffApi and board functions bundled as `sls
 * package` bundles them, the local HTTP API, the board server and headless
 * Chromium, all on free ports.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { embedBoardPlugin } from '../../src/board-hosting/embed-board-plugin';
import {
  type BoardServer,
  startBoardServer,
} from '../../src/local/board-server';
import { readFunctionDeclarations } from '../../src/local/function-declarations';
import { localFunctionEnvironment } from '../../src/local/function-environment';
import { type HttpApi, startHttpApi } from '../../src/local/http-api-server';
import { LocalAuth } from '../../src/local/local-auth';
import { LocalFunctions } from '../../src/local/local-functions';
import { PhoneSimulator } from '../../src/local/phone-simulator';
import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';
import type { Order } from '../../src/orders/model';
import { DynamoDbOrderRepository } from '../../src/storage/dynamodb-order-repository';
import { seedMenu } from '../../src/storage/seed-menu';
import {
  createTestTable,
  dynamoDbEndpoint,
  type TestTable,
} from '../support/dynamodb';

/** The number callers dial. */
const RESTAURANT = '+12065550100';

/** Chromium as the board's test runs it: headless, nothing phoning home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Everything running, and what the test does with it. */
export interface BoardStack {
  table: TestTable;
  orders: DynamoDbOrderRepository;
  api: HttpApi;
  board: BoardServer;
  browser: Browser;
  auth: LocalAuth;
  /** Places a keypad call from `from`; the stored order it placed. */
  placeCall(from: string, keys: string): Promise<Order>;
  close(): Promise<void>;
}

/** Starts it all; the board's origin is the one the API lets in. */
export async function startBoardStack(): Promise<BoardStack> {
  const table = await createTestTable();
  await seedMenu(table.client, table.tableName, parseMenu(sampleMenu));
  const board = await startBoardServer({ port: 0 });
  // What npm start gives the handlers, on this file's table, with the
  // board on a port of its own instead of serverless.yml's 8080.
  Object.assign(process.env, {
    ...localFunctionEnvironment({
      stage: 'dev',
      dynamodbEndpoint: dynamoDbEndpoint(),
      env: {},
    }),
    TABLE_NAME: table.tableName,
    BOARD_ORIGIN: board.origin,
  });
  const bundles = mkdtempSync(join(tmpdir(), 'board-bundles-'));
  const [functions, browser] = await Promise.all([
    loadFunctions(bundles),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    }),
  ]);
  const auth = await LocalAuth.inMemory();
  const api = await startHttpApi({
    port: 0,
    stage: 'dev',
    auth,
    functions,
    params: { boardOrigin: board.origin },
  });
  const orders = new DynamoDbOrderRepository(table);

  return {
    table,
    orders,
    api,
    board,
    browser,
    auth,
    placeCall: (from, keys) => placeCall(functions, orders, from, keys),
    close: async () => {
      await browser.close();
      await api.close();
      await board.close();
      await table.dispose();
      rmSync(bundles, { recursive: true, force: true });
    },
  };
}

/** Jest cannot load @middy/core (ESM only): bundle as `sls package` does. */
async function loadFunctions(bundles: string): Promise<LocalFunctions> {
  // The local HTTP API serves every httpApi route of serverless.yml, so
  // the board function is loaded too (the page itself comes from the
  // board server).
  const wanted = new Set(['sma', 'staffApi', 'board']);
  const declared = readFunctionDeclarations('dev').filter((fn) =>
    wanted.has(fn.key),
  );
  const importBundled = async (modulePath: string): Promise<unknown> => {
    const outfile = join(bundles, `${basename(modulePath)}.cjs`);
    await build({
      entryPoints: [`${modulePath}.ts`],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      plugins: [embedBoardPlugin()],
      logLevel: 'silent',
    });

    return (await import(outfile)) as unknown;
  };

  return LocalFunctions.load(declared, { importModule: importBundled });
}

async function placeCall(
  functions: LocalFunctions,
  orders: DynamoDbOrderRepository,
  from: string,
  keys: string,
): Promise<Order> {
  const phone = new PhoneSimulator({
    invoke: functions.invoker(functions.nameOf('sma') ?? 'sma'),
    from,
    to: RESTAURANT,
  });
  const record = await phone.call(keys);
  const order = await orders.get(record.transactionId);
  if (order === undefined) {
    throw new Error(`the call placed no order: ${JSON.stringify(record)}`);
  }

  return order;
}

/** Holds the board's order listings until released: its view goes stale. */
export async function freezeListings(
  page: Page,
  apiEndpoint: string,
): Promise<() => Promise<void>> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolveRelease) => {
    release = resolveRelease;
  });
  let firstHeld: () => void = () => undefined;
  const holding = new Promise<void>((resolveHeld) => {
    firstHeld = resolveHeld;
  });
  const passing: Promise<void>[] = [];
  const isListing = (url: URL) =>
    url.origin === apiEndpoint && url.pathname === '/orders';
  await page.route(isListing, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    firstHeld();
    const passed = released.then(() => route.continue());
    passing.push(passed);
    await passed;
  });
  // The poll that now waits is incomplete, so nothing redraws the board.
  await holding;

  return async () => {
    release();
    await Promise.all(passing);
    await page.unroute(isListing);
  };
}
