/**
 * The live order board in a real browser (Debian's Chromium, headless)
 * against the local HTTP API, the real staffApi and sma functions and
 * DynamoDB Local. Calls are placed by keypad through the phone simulator;
 * the board sees them only through the staff API, as in a kitchen.
 *
 * Needs /usr/bin/chromium: `npm test` installs it (pretest), or run
 * `node tests/support/ensure-chromium.mjs`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { boardUrl } from '../../src/local/board-server';
import type { Order } from '../../src/orders/model';
import {
  type BoardStack,
  freezeListings,
  startBoardStack,
} from './board-stack';

/** Where the screenshot of the board is left for people to look at. */
const SCREENSHOT = resolve(__dirname, '../../bench-results/order-board.png');
/** New orders must show up within a few polls. */
const APPEARS_WITHIN_MS = 10_000;

let stack: BoardStack;
let page: Page;
let staffToken: string;
let loads = 0;

beforeAll(async () => {
  stack = await startBoardStack();
  staffToken = await stack.auth.issueStaffToken({
    groups: ['staff'],
    email: 'cook@tonys.example',
  });
  page = await stack.browser.newPage({
    viewport: { width: 1600, height: 900 },
  });
  await page.goto(
    boardUrl({
      boardOrigin: stack.board.origin,
      apiUrl: stack.api.endpoint,
      token: staffToken,
    }),
  );
  page.on('load', () => {
    loads += 1;
  });
}, 60_000);

afterAll(async () => {
  await stack.close();
});

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
  return fetch(new URL(path, stack.api.endpoint), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('the live order board', () => {
  let first: Order;

  it('shows a keypad order in the New column without a reload', async () => {
    await page.locator('section[data-status="PLACED"]').waitFor();

    // Order, pizzas, Margherita, large, one, finish, place the order.
    first = await stack.placeCall('+12065550142', '1 1 1 2 1 3 1');

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
    expect(page.url()).toBe(stack.board.url);
  });

  it('shows the current status when an order moved behind its back', async () => {
    const phone = '+12065550143';
    await staffApi(
      'PATCH',
      `/customers/${encodeURIComponent(phone)}`,
      { name: 'Maria', deliveryAddress: '12 Elm Street, Apt 3' },
      await stack.auth.issueStaffToken({ groups: ['managers'] }),
    );
    // Pepperoni medium x2, add garlic knots x1, finish, delivery, place.
    const second = await stack.placeCall(phone, '1 1 2 1 2 1 2 1 1 3 2 1');
    await cardIn('PLACED', second).waitFor({ timeout: APPEARS_WITHIN_MS });
    const release = await freezeListings(page, stack.api.endpoint);

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
    await stack.placeCall('+12065550144', '1 1 4 2 1 1 3 1 3 3 1');
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

    expect((await stack.orders.get(first.orderId))?.status).toBe('READY');
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
    const order = await stack.placeCall('+12065550145', '1 2 1 1 3 1');
    const card = cardIn('PLACED', order);
    await card.waitFor({ timeout: APPEARS_WITHIN_MS });

    await card.getByRole('button', { name: 'Cancel' }).click();
    await card.getByRole('button', { name: 'Keep' }).click();
    await card.getByRole('button', { name: 'Cancel' }).click();
    await card.getByRole('button', { name: 'Yes, cancel' }).click();

    await page
      .locator(`[data-order-id="${order.orderId}"]`)
      .waitFor({ state: 'detached' });
    expect((await stack.orders.get(order.orderId))?.status).toBe('CANCELLED');
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
    const toApi = (url: URL) => url.origin === stack.api.endpoint;
    await page.route(toApi, (route) => route.abort('connectionrefused'));

    const banner = page.locator('#connection');
    await banner.waitFor({ timeout: APPEARS_WITHIN_MS });
    expect(await banner.textContent()).toContain('Reconnecting');

    await page.unroute(toApi);
    await banner.waitFor({ state: 'hidden', timeout: APPEARS_WITHIN_MS });
    expect(loads).toBe(0);
  });

  it('asks for a token without a link, and again when one is refused', async () => {
    const context = await stack.browser.newContext();
    const fresh = await context.newPage();
    const signIn = async (token: string) => {
      await fresh.getByLabel('API address').fill(stack.api.endpoint);
      await fresh.getByLabel('Staff token').fill(token);
      await fresh.getByRole('button', { name: 'Open the board' }).click();
    };
    try {
      await fresh.goto(stack.board.url);
      await signIn(
        await stack.auth.issueStaffToken({ groups: ['staff'], expiresIn: -1 }),
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
