/**
 * The sample events in events/staff-api-*.json, usable with
 * `sls invoke local -p`, are requests the API serves: each reaches its
 * route and gets the route's documented answer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InMemoryMenuRepository } from '../../src/menu/in-memory-menu-repository';
import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';
import { InMemoryOrderRepository } from '../../src/orders/in-memory-order-repository';
import { createStaffApi, type StaffApiEvent } from '../../src/staff-api/router';
import { orderDraft } from '../orders/order-draft';
import { expectDocumented } from './support/documented';

const EVENTS = join(__dirname, '..', '..', 'events');
const samples = readdirSync(EVENTS)
  .filter((file) => file.startsWith('staff-api-'))
  .sort();
const SAMPLE_ORDER = '3f9a6c2e-8b1d-4e7a-9c5f-1a2b3c4d5e6f';

async function api() {
  const orders = new InMemoryOrderRepository();
  await orders.create(orderDraft({ orderId: SAMPLE_ORDER }));

  return createStaffApi({
    orders,
    customers: orders.customers,
    menu: new InMemoryMenuRepository(parseMenu(sampleMenu)),
    timeZone: 'America/New_York',
    now: () => new Date('2026-12-03T18:15:02.000Z'),
    boardOrigin: 'https://board.tonys.example',
    log: { info: () => undefined, error: () => undefined },
  });
}

describe('events/staff-api-*.json', () => {
  it('holds a sample of each kind of request', () => {
    expect(samples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(samples)('%s is answered as documented', async (file) => {
    const event = JSON.parse(
      readFileSync(join(EVENTS, file), 'utf8'),
    ) as StaffApiEvent;

    const answer = await (await api())(event);

    expect(answer.statusCode).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(
      'https://board.tonys.example',
    );
    expectDocumented(
      event.requestContext.http.method,
      event.rawPath,
      answer.statusCode,
      JSON.parse(answer.body),
    );
  });
});
