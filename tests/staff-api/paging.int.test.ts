import {
  type ApiFixture,
  type ApiResponse,
  createApiFixture,
} from './support/api-fixture';

let api: ApiFixture;
const DAY = '2030-05-20';
/** Ids of the day's 25 orders, oldest first. */
const placed: string[] = [];

beforeAll(async () => {
  api = await createApiFixture();
  for (let minute = 0; minute < 25; minute += 1) {
    const placedAt = `${DAY}T17:${String(minute).padStart(2, '0')}:00.000Z`;
    const order = await api.place({ businessDate: DAY, placedAt });
    placed.push(order.orderId);
  }
});

afterAll(() => api.dispose());

interface Page {
  orders: { orderId: string; placedAt: string }[];
  nextCursor?: string;
}

function page(query: Record<string, string>): Promise<ApiResponse> {
  return api.call({
    method: 'GET',
    path: '/orders',
    query: { status: 'PLACED', date: DAY, ...query },
  });
}

async function readAllPages(limit: string): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | undefined;
  do {
    const response = await page({ limit, ...(cursor && { cursor }) });
    expect(response.statusCode).toBe(200);
    const body = response.body as Page;
    pages.push(body);
    cursor = body.nextCursor;
  } while (cursor !== undefined);

  return pages;
}

describe('GET /orders paging', () => {
  it('reads 25 orders in pages of 10: 3 pages, newest first, none twice', async () => {
    const pages = await readAllPages('10');

    expect(pages.map((p) => p.orders.length)).toEqual([10, 10, 5]);
    const ids = pages.flatMap((p) => p.orders.map((o) => o.orderId));
    expect(new Set(ids).size).toBe(25);
    expect(ids).toEqual([...placed].reverse());
  });

  it('ends without a cursor when the last page is exactly full', async () => {
    const pages = await readAllPages('5');

    expect(pages.map((p) => p.orders.length)).toEqual([5, 5, 5, 5, 5]);
  });

  it('serves 20 orders when no limit is given', async () => {
    const response = await page({});

    expect((response.body as Page).orders).toHaveLength(20);
  });

  it('refuses a cursor whose content was changed: 400 invalid_cursor', async () => {
    const first = (await page({ limit: '10' })).body as Page;
    const key = JSON.parse(
      Buffer.from(first.nextCursor ?? '', 'base64url').toString(),
    ) as Record<string, string>;
    const tampered = Buffer.from(
      JSON.stringify({ ...key, GSI1SK: `${key.GSI1SK ?? ''}x`, PK: 'ORDER#x' }),
    ).toString('base64url');

    const response = await page({ cursor: tampered });

    expect(response.statusCode).toBe(400);
    expect(response.body).toEqual({
      error: {
        code: 'invalid_cursor',
        message: 'query.cursor: is not a cursor of this listing',
        field: 'query.cursor',
      },
    });
  });

  it('refuses a cursor of another status: 400 invalid_cursor', async () => {
    const first = (await page({ limit: '10' })).body as Page;

    const response = await api.call({
      method: 'GET',
      path: '/orders',
      query: { status: 'READY', date: DAY, cursor: first.nextCursor ?? '' },
    });

    expect(response.statusCode).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'invalid_cursor' } });
  });
});
