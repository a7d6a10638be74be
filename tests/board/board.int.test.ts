/**
 * The live order board in a real browser (Debian's Chromium, headless)
 * against the local HTTP API, the real staffApi and sma functions and
 * DynamoDB Local. Calls are placed by keypad through the phone simulator;
 * the board sees them only through the staff API, as in a kitchen.
 *
 * Needs /usr/bin/chromium: `npm test` installs it (pretest), or run
 * `node tests/support/ensure-chromium.mjs`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';
import {
  type Browser,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import {
  type BoardServer,
  boardUrl,
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

/** Where the screenshot of the board is left for people to look at. */
const SCREENSHOT = resolve(__dirname, '../../bench-results/order-board.png');
const RESTAURANT = '+12065550100';
/** New orders must show up within a few polls. */
const APPEARS_WITHIN_MS = 10_000;

let table: TestTable;
let orders: DynamoDbOrderRepository;
let bundles: string;
let functions: LocalFunctions;
let api: HttpApi;
let board: BoardServer;
let browser: Browser;
let page: Page;
let auth: LocalAuth;
let staffToken: string;
let loads = 0;

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

async function loadFunctions(): Promise<LocalFunctions> {
  const wanted = new Set(['sma', 'staffApi']);
  const declared = readFunctionDeclarations('dev').filter((fn) =>
    wanted.has(fn.key),
  );

  return LocalFunctions.load(declared, { importModule: importBundled });
}

beforeAll(async () => {
  table = await createTestTable();
  orders = new DynamoDbOrderRepository(table);
  await seedMenu(table.client, table.tableName, parseMenu(sampleMenu));
  board = await startBoardServer({ port: 0 });
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
  bundles = mkdtempSync(join(tmpdir(), 'board-bundles-'));
  auth = await LocalAuth.inMemory();
  [functions, browser] = await Promise.all([
    loadFunctions(),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }),
  ]);
  api = await startHttpApi({
    port: 0,
    stage: 'dev',
    auth,
    functions,
    params: { boardOrigin: board.origin },
  });
  staffToken = await auth.issueStaffToken({
    groups: ['staff'],
    email: 'cook@tonys.example',
  });
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(
    boardUrl({
      boardOrigin: board.origin,
      apiUrl: api.endpoint,
      token: staffToken,
    }),
  );
  page.on('load', () => {
    loads += 1;
  });
}, 60_000);

afterAll(async () => {
  await browser.close();
  await api.close();
  await board.close();
  await table.dispose();
  rmSync(bundles, { recursive: true, force: true });
});

/** Places a keypad call from `from` and returns the stored order. */
async function placeCall(from: string, keys: string): Promise<Order> {
  const smaName = functions.nameOf('sma') ?? 'sma';
  const phone = new PhoneSimulator({
    invoke: functions.invoker(smaName),
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

/** The order's card, in the column of `status`. */
function cardIn(status: string, order: Order): Locator {
  return page.locator(
    `section[data-status="${status}"] article[data-order-id="${order.orderId}"]`,
  );
}

async function staffApi(
  method: string,
  path: string,
  body?: unknown,
  token = staffToken,
): Promise<Response> {
  return fetch(new URL(path, api.endpoint), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Holds the board's order listings until released: its view goes stale. */
async function freezeListings(): Promise<() => Promise<void>> {
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
    url.origin === api.endpoint && url.pathname === '/orders';
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

describe('the live order board', () => {
  let first: Order;

  it('shows a keypad order in the New column without a reload', async () => {
    await page.locator('section[data-status="PLACED"]').waitFor();

    // Order, pizzas, Margherita, large, one, finish, place the order.
    first = await placeCall('+12065550142', '1 1 1 2 1 3 1');

    const card = cardIn('PLACED', first);
    await card.waitFor({ timeout: APPEARS_WITHIN_MS });
    expect(await card.locator('.card__ticket').textContent()).toBe(
      `#${first.ticketNumber}`,
    );
    expect(await card.locator('.card__items').textContent()).toContain(
      'Margherita',
    );
    expect(loads).toBe(0);
    // The token left the address bar as soon as the board kept it.
    expect(page.url()).toBe(board.url);
  });

  it('shows the current status when an order moved behind its back', async () => {
    const phone = '+12065550143';
    await staffApi(
      'PATCH',
      `/customers/${encodeURIComponent(phone)}`,
      { name: 'Maria', deliveryAddress: '12 Elm Street, Apt 3' },
      await auth.issueStaffToken({ groups: ['managers'] }),
    );
    // Pepperoni medium x2, add garlic knots x1, finish, delivery, place.
    const second = await placeCall(phone, '1 1 2 1 2 1 2 1 1 3 2 1');
    await cardIn('PLACED', second).waitFor({ timeout: APPEARS_WITHIN_MS });
    const release = await freezeListings();

    const moved = await staffApi('POST', `/orders/${second.orderId}/status`, {
      from: 'PLACED',
      to: 'CONFIRMED',
    });
    expect(moved.status).toBe(200);
    await cardIn('PLACED', second)
      .getByRole('button', { name: 'Confirm' })
      .click();

    const message = page.locator('#message-text');
    await message.waitFor();
    expect(await message.textContent()).toContain(
      `Ticket #${second.ticketNumber} is already Confirmed`,
    );
    await release();
    await cardIn('CONFIRMED', second).waitFor({ timeout: APPEARS_WITHIN_MS });
    await page.locator('#message-close').click();
  });

  it('moves an order to Ready with one press per step', async () => {
    // A bigger order waiting in New, as a kitchen's board usually has.
    await placeCall('+12065550144', '1 1 4 2 1 1 3 1 3 3 1');
    const steps = [
      { press: 'Confirm', from: 'PLACED', to: 'CONFIRMED' },
      { press: 'Start', from: 'CONFIRMED', to: 'PREPARING' },
      { press: 'Ready', from: 'PREPARING', to: 'READY' },
    ];

    for (const step of steps) {
      await cardIn(step.from, first)
        .getByRole('button', { name: step.press })
        .click();
      await cardIn(step.to, first).waitFor({ timeout: APPEARS_WITHIN_MS });
    }

    expect((await orders.get(first.orderId))?.status).toBe('READY');
    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    const ready = cardIn('READY', first);
    expect(await ready.locator('.card__ticket').textContent()).toBe(
      `#${first.ticketNumber}`,
    );
    expect(
      await ready.getByRole('button', { name: 'Picked up' }).isVisible(),
    ).toBe(true);
    expect(
      await page.locator(`[data-order-id="${first.orderId}"]`).count(),
    ).toBe(1);
  });

  it('cancels an order only when the cancel is confirmed', async () => {
    const order = await placeCall('+12065550145', '1 2 1 1 3 1');
    const card = cardIn('PLACED', order);
    await card.waitFor({ timeout: APPEARS_WITHIN_MS });

    await card.getByRole('button', { name: 'Cancel' }).click();
    await card.getByRole('button', { name: 'Keep' }).click();
    await card.getByRole('button', { name: 'Cancel' }).click();
    await card.getByRole('button', { name: 'Yes, cancel' }).click();

    await page
      .locator(`[data-order-id="${order.orderId}"]`)
      .waitFor({ state: 'detached' });
    expect((await orders.get(order.orderId))?.status).toBe('CANCELLED');
  });

  it('marks an item sold out from the menu panel', async () => {
    await page.getByRole('button', { name: 'Menu' }).click();
    const knots = page.getByRole('switch', { name: 'Garlic Knots available' });
    await knots.waitFor();
    expect(await knots.getAttribute('aria-checked')).toBe('true');

    await knots.click();

    await page
      .locator('[data-item-id="garlic-knots"][aria-checked="false"]')
      .waitFor();
    expect(await knots.textContent()).toBe('Sold out');
    const menu = (await (await staffApi('GET', '/menu')).json()) as {
      items: { itemId: string; available: boolean }[];
    };
    expect(menu.items.find((item) => item.itemId === 'garlic-knots')).toEqual(
      expect.objectContaining({ available: false }),
    );
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('says it is reconnecting while the API cannot be reached', async () => {
    const toApi = (url: URL) => url.origin === api.endpoint;
    await page.route(toApi, (route) => route.abort('connectionrefused'));

    const banner = page.locator('#connection');
    await banner.waitFor({ timeout: APPEARS_WITHIN_MS });
    expect(await banner.textContent()).toContain('Reconnecting');

    await page.unroute(toApi);
    await banner.waitFor({ state: 'hidden', timeout: APPEARS_WITHIN_MS });
    expect(loads).toBe(0);
  });

  it('asks for a token without a link, and again when one is refused', async () => {
    const context = await browser.newContext();
    const fresh = await context.newPage();
    const signIn = async (token: string) => {
      await fresh.getByLabel('API address').fill(api.endpoint);
      await fresh.getByLabel('Staff token').fill(token);
      await fresh.getByRole('button', { name: 'Open the board' }).click();
    };
    try {
      await fresh.goto(board.url);
      await signIn(
        await auth.issueStaffToken({ groups: ['staff'], expiresIn: -1 }),
      );
      await fresh.getByText('did not accept the token').waitFor();

      await signIn(staffToken);

      await fresh
        .locator(`article[data-order-id="${first.orderId}"]`)
        .waitFor({ timeout: APPEARS_WITHIN_MS });
    } finally {
      await context.close();
    }
  });
});
