/**
 * Who may call what, and which origins may read the answers. Tokens
 * themselves (signature, issuer, audience, expiry) are API Gateway's
 * business; tests/local/http-api-server.int.test.ts covers them through
 * the local HTTP API, which verifies them as the JWT authorizer does.
 */
import {
  type ApiFixture,
  BOARD_ORIGIN,
  createApiFixture,
} from './support/api-fixture';

let api: ApiFixture;

beforeAll(async () => {
  api = await createApiFixture();
});

afterAll(() => api.dispose());

describe('groups', () => {
  it('answers 401 unauthorized to a request without claims', async () => {
    const response = await api.call({
      method: 'GET',
      path: '/menu',
      groups: null,
    });

    expect(response.statusCode).toBe(401);
    expect(response.body).toEqual({
      error: { code: 'unauthorized', message: 'a valid staff token is needed' },
    });
  });

  it('answers 403 forbidden to a caller in no known group', async () => {
    const response = await api.call({
      method: 'GET',
      path: '/menu',
      groups: ['drivers'],
    });

    expect(response.statusCode).toBe(403);
    expect(response.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('answers 403 forbidden to a caller in no group at all', async () => {
    const response = await api.call({
      method: 'GET',
      path: '/menu',
      groups: [],
    });

    expect(response.statusCode).toBe(403);
  });

  it('checks the group before reading the input', async () => {
    const response = await api.call({
      method: 'PATCH',
      path: '/customers/not-a-number',
      body: '{not json',
      groups: ['staff'],
    });

    expect(response.statusCode).toBe(403);
  });

  it.each([
    ['as API Gateway flattens it', '[staff managers]'],
    ['with one group', '[managers]'],
    ['as a JSON list', '["staff","managers"]'],
  ])('reads cognito:groups %s', async (_, groups) => {
    const response = await api.call({
      method: 'GET',
      path: '/customers/%2B15550100999',
      groups,
    });

    expect(response.statusCode).toBe(404);
  });

  it('lets managers do what staff do', async () => {
    const response = await api.call({
      method: 'GET',
      path: '/menu',
      groups: ['managers'],
    });

    expect(response.statusCode).toBe(200);
  });
});

describe('routes', () => {
  it('answers 404 route_not_found for a path it does not serve', async () => {
    const response = await api.call({ method: 'GET', path: '/kitchen' });

    expect(response.statusCode).toBe(404);
    expect(response.body).toMatchObject({
      error: { code: 'route_not_found' },
    });
  });

  it('answers 405 method_not_allowed with the methods the path has', async () => {
    const response = await api.call({ method: 'DELETE', path: '/orders/x' });

    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET');
    expect(response.body).toMatchObject({
      error: { code: 'method_not_allowed' },
    });
  });
});

describe('CORS', () => {
  it('lets the board read answers', async () => {
    const response = await api.call({
      method: 'GET',
      path: '/menu',
      headers: { Origin: BOARD_ORIGIN },
    });

    expect(response.headers['access-control-allow-origin']).toBe(BOARD_ORIGIN);
    expect(response.headers.vary).toBe('Origin');
  });

  it('gives another origin no CORS header', async () => {
    const response = await api.call({
      method: 'GET',
      path: '/menu',
      headers: { Origin: 'https://evil.example.com' },
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers).not.toHaveProperty('access-control-allow-origin');
  });

  it('adds the header to error answers too, so the board can read them', async () => {
    const response = await api.call({
      method: 'GET',
      path: '/orders',
      headers: { Origin: BOARD_ORIGIN },
    });

    expect(response.statusCode).toBe(400);
    expect(response.headers['access-control-allow-origin']).toBe(BOARD_ORIGIN);
  });

  it("answers the board's preflight without a token", async () => {
    const response = await api.call({
      method: 'OPTIONS',
      path: '/orders/abc/status',
      groups: null,
      headers: {
        Origin: BOARD_ORIGIN,
        'Access-Control-Request-Method': 'POST',
      },
    });

    expect(response.statusCode).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': BOARD_ORIGIN,
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type',
    });
  });

  it("answers another origin's preflight without letting it in", async () => {
    const response = await api.call({
      method: 'OPTIONS',
      path: '/menu',
      groups: null,
      headers: { Origin: 'https://evil.example.com' },
    });

    expect(response.headers).not.toHaveProperty('access-control-allow-origin');
  });
});
