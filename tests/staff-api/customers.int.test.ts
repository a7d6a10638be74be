import { uniquePhone } from '../orders/order-draft';
import { type ApiFixture, createApiFixture, NOW } from './support/api-fixture';

let api: ApiFixture;

beforeAll(async () => {
  api = await createApiFixture();
});

afterAll(() => api.dispose());

/** The path of a customer, `+` percent-encoded as a browser sends it. */
const customerPath = (phone: string) =>
  `/customers/${encodeURIComponent(phone)}`;

describe('GET /customers/{phone}', () => {
  it("shows a manager the caller's profile", async () => {
    const phone = uniquePhone();
    const order = await api.place({ callerNumber: phone, customerName: 'Ana' });

    const response = await api.call({
      method: 'GET',
      path: customerPath(phone),
      groups: ['managers'],
    });

    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({
      phone,
      name: 'Ana',
      lastOrderId: order.orderId,
      orderCount: 1,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });

  it('reads the number whether or not the + is encoded', async () => {
    const phone = uniquePhone();
    await api.customers.update(phone, { name: 'Ana' });

    const response = await api.call({
      method: 'GET',
      path: `/customers/${phone}`,
      groups: ['managers'],
    });

    expect(response.body).toMatchObject({ phone, name: 'Ana' });
  });

  it('answers 404 customer_not_found for a number it does not know', async () => {
    const response = await api.call({
      method: 'GET',
      path: customerPath(uniquePhone()),
      groups: ['managers'],
    });

    expect(response.statusCode).toBe(404);
    expect(response.body).toMatchObject({
      error: { code: 'customer_not_found' },
    });
  });

  it('answers 403 forbidden to staff who are not managers', async () => {
    const phone = uniquePhone();
    await api.customers.update(phone, { name: 'Ana' });

    const response = await api.call({
      method: 'GET',
      path: customerPath(phone),
      groups: ['staff'],
    });

    expect(response.statusCode).toBe(403);
    expect(response.body).toMatchObject({ error: { code: 'forbidden' } });
    expect(JSON.stringify(response.body)).not.toContain('Ana');
  });
});

describe('PATCH /customers/{phone}', () => {
  it('corrects the fields given and keeps the others', async () => {
    const phone = uniquePhone();
    await api.place({ callerNumber: phone, customerName: 'Ana' });

    const response = await api.call({
      method: 'PATCH',
      path: customerPath(phone),
      body: { email: 'ana@example.com', deliveryAddress: '2 Elm St' },
      groups: ['managers'],
    });

    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({
      phone,
      name: 'Ana',
      email: 'ana@example.com',
      deliveryAddress: '2 Elm St',
      orderCount: 1,
    });
  });

  it('creates the profile of a number with no orders yet', async () => {
    const phone = uniquePhone();

    const response = await api.call({
      method: 'PATCH',
      path: customerPath(phone),
      body: { name: '  Ana B  ' },
      groups: ['managers'],
    });

    expect(response.body).toMatchObject({
      phone,
      name: 'Ana B',
      orderCount: 0,
    });
    expect(await api.customers.get(phone)).toMatchObject({ name: 'Ana B' });
  });

  it('answers 403 forbidden to staff and changes nothing', async () => {
    const phone = uniquePhone();

    const response = await api.call({
      method: 'PATCH',
      path: customerPath(phone),
      body: { name: 'Mallory' },
      groups: ['staff'],
    });

    expect(response.statusCode).toBe(403);
    expect(await api.customers.get(phone)).toBeUndefined();
  });
});
