import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';
import { type ApiFixture, createApiFixture } from './support/api-fixture';

let api: ApiFixture;
const menu = parseMenu(sampleMenu);
const item = menu.items.find((entry) => entry.available)!;

beforeAll(async () => {
  api = await createApiFixture();
});

afterAll(() => api.dispose());

describe('GET /menu', () => {
  it('serves the menu as seeded', async () => {
    const response = await api.call({ method: 'GET', path: '/menu' });

    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual(menu);
  });
});

describe('PUT /menu/items/{itemId}/availability', () => {
  it('marks an item sold out and serves the menu with it so', async () => {
    const response = await api.call({
      method: 'PUT',
      path: `/menu/items/${item.itemId}/availability`,
      body: { available: false },
    });

    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({ ...item, available: false });
    const after = await api.call({ method: 'GET', path: '/menu' });
    const served = (after.body as typeof menu).items.find(
      (entry) => entry.itemId === item.itemId,
    );
    expect(served?.available).toBe(false);
  });

  it('marks it available again', async () => {
    const response = await api.call({
      method: 'PUT',
      path: `/menu/items/${item.itemId}/availability`,
      body: { available: true },
    });

    expect(response.body).toMatchObject({ available: true });
  });

  it('answers 404 menu_item_not_found for an unknown item', async () => {
    const response = await api.call({
      method: 'PUT',
      path: '/menu/items/anchovy-icecream/availability',
      body: { available: false },
    });

    expect(response.statusCode).toBe(404);
    expect(response.body).toMatchObject({
      error: { code: 'menu_item_not_found' },
    });
  });
});
