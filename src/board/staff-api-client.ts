/**
 * The board's only way out: the staff API, with the token in the
 * Authorization header (never in a URL). Every failure becomes an
 * {@link ApiFailure} whose kind says what the board should do about it.
 */
import type { Menu, MenuItem } from '../menu/model';
import type { OrderSummary } from '../staff-api/response-schemas';
import type { OrderStatus } from './labels';

/**
 * What went wrong: `network` is worth retrying, `unauthorized` needs a new
 * token, `conflict` means the order moved on without this board.
 */
export type FailureKind =
  'network' | 'unauthorized' | 'forbidden' | 'conflict' | 'rejected';

/** A call to the staff API that did not succeed. */
export class ApiFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    /** The order's status now, on a conflict. */
    readonly currentStatus?: OrderStatus,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** A page of `GET /orders`. */
interface OrderPage {
  orders: OrderSummary[];
  nextCursor?: string;
}

/** The error body of the staff API; API Gateway's own 401 has `message`. */
interface ErrorPayload {
  error?: { code?: string; message?: string; currentStatus?: OrderStatus };
  message?: string;
}

/** A request that hangs this long is treated as a lost connection. */
const TIMEOUT_MS = 10_000;
/** The API's largest page. */
const PAGE_SIZE = '100';
/** A column of more than 500 orders is not a kitchen this board serves. */
const MAX_PAGES = 5;

/** The staff API at `baseUrl`, called with `token`. */
export class StaffApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** Today's orders in `status`, every page of them. */
  async listOrders(status: OrderStatus): Promise<OrderSummary[]> {
    const orders: OrderSummary[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const query = new URLSearchParams({ status, limit: PAGE_SIZE });
      if (cursor !== undefined) query.set('cursor', cursor);
      const answer = await this.call<OrderPage>('GET', `/orders?${query}`);
      orders.push(...answer.orders);
      cursor = answer.nextCursor;
      if (cursor === undefined) break;
    }

    return orders;
  }

  /** Moves an order from the status the board showed; 409 if it moved. */
  moveOrder(
    orderId: string,
    from: OrderStatus,
    to: OrderStatus,
  ): Promise<OrderSummary> {
    const path = `/orders/${encodeURIComponent(orderId)}/status`;

    return this.call('POST', path, { from, to });
  }

  /** The menu, with each item's availability. */
  getMenu(): Promise<Menu> {
    return this.call('GET', '/menu');
  }

  /** Marks an item available or sold out. */
  setAvailability(itemId: string, available: boolean): Promise<MenuItem> {
    const path = `/menu/items/${encodeURIComponent(itemId)}/availability`;

    return this.call('PUT', path, { available });
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await this.send(method, path, body);
    const payload = await readPayload(response);
    if (response.ok) return payload as T;

    throw failureOf(response.status, payload as ErrorPayload | undefined);
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
  ): Promise<Response> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        credentials: 'omit',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      // A refused connection, a timeout and a CORS refusal all look alike
      // from here: the API is out of reach until a retry says otherwise.
      throw new ApiFailure('network', 'the order system cannot be reached');
    }
  }
}

async function readPayload(response: Response): Promise<unknown> {
  try {
    const text = await response.text();

    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    if (response.ok) {
      throw new ApiFailure('network', 'the answer was cut off');
    }

    return undefined;
  }
}

function failureOf(
  status: number,
  payload: ErrorPayload | undefined,
): ApiFailure {
  const message =
    payload?.error?.message ?? payload?.message ?? `HTTP ${status}`;
  if (status === 401) return new ApiFailure('unauthorized', message);
  if (status === 403) return new ApiFailure('forbidden', message);
  if (status === 409) {
    return new ApiFailure('conflict', message, payload?.error?.currentStatus);
  }
  // A gateway or function in trouble is passing; keep trying.
  if (status >= 500) return new ApiFailure('network', message);

  return new ApiFailure('rejected', message);
}
