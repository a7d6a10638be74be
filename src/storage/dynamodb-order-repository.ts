/**
 * The order store on DynamoDB. Placing an order is one transaction (see
 * place-order-transaction.ts); the daily ticket number is an optimistic
 * counter, so concurrent orders retry until each holds its own number.
 */
import {
  type CancellationReason,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROFILE_SORT_KEY } from './customer-item';
import {
  type Order,
  type OrderDraft,
  OrderAlreadyPlaced,
  type OrderPage,
  type OrderRepository,
  type OrderStatus,
  type PageRequest,
} from '../orders/model';
import { changeOrderStatus } from './change-order-status';
import { listOrdersByStatus } from './list-orders-by-status';
import {
  callerPartition,
  fromOrderItem,
  openPartition,
  ORDER_INDEXES,
  orderKey,
} from './order-item';
import {
  OrderWriteRejected,
  TicketNumberContention,
} from './order-store-errors';
import {
  PLACE_ORDER_WRITES,
  placeOrderTransaction,
  ticketCounterKey,
} from './place-order-transaction';

/** How hard to try for a ticket number when other orders keep taking it. */
export interface TicketRetryPolicy {
  maxAttempts: number;
  /** Backoff before attempt n is random in [0, min(max, base * 2^n)). */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Constructor arguments of {@link DynamoDbOrderRepository}. */
export interface DynamoDbOrderRepositoryOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Stamps the customer item. Default: the system clock. */
  clock?: () => Date;
  ticketRetry?: Partial<TicketRetryPolicy>;
}

/**
 * Sized for a burst of 20 orders at the same moment, the worst case the
 * tests hold it to: on DynamoDB Local each of 20 contending transactions
 * takes about 100 ms, and 20 orders then all get their number within ~2 s
 * (25 bursts out of 25). The delays add up to 3.3 s at the very most. On
 * DynamoDB a transaction takes tens of milliseconds, so retries are rarer
 * and shorter.
 */
// Each failed attempt learns the current counter from the failure itself,
// so every round places at least one of the orders racing for it: the
// last of N simultaneous orders needs N attempts. 60 covers a dinner rush
// on one restaurant's line; the caller can still retry after that.
const DEFAULT_TICKET_RETRY: TicketRetryPolicy = {
  maxAttempts: 60,
  baseDelayMs: 10,
  maxDelayMs: 200,
};

/** What one attempt at the placing transaction came to. */
type Attempt =
  { placed: true } | { placed: false; lastTicket: number | undefined };

/** {@link OrderRepository} on the single DynamoDB table. */
export class DynamoDbOrderRepository implements OrderRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly clock: () => Date;
  private readonly retry: TicketRetryPolicy;

  constructor(options: DynamoDbOrderRepositoryOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.clock = options.clock ?? (() => new Date());
    this.retry = { ...DEFAULT_TICKET_RETRY, ...options.ticketRetry };
  }

  /**
   * Places the order with the day's next ticket number. Throws
   * {@link OrderAlreadyPlaced} when the order id exists,
   * {@link TicketNumberContention} when retries run out and
   * {@link OrderWriteRejected} when DynamoDB refuses the write otherwise.
   */
  async create(draft: OrderDraft): Promise<Order> {
    const now = this.clock().toISOString();
    let lastTicket = await this.readLastTicket(draft.businessDate);
    for (let attempt = 1; ; attempt += 1) {
      const order = placedOrder(draft, lastTicket + 1);
      const outcome = await this.tryToPlace(order, lastTicket, now);
      if (outcome.placed) return order;

      if (attempt >= this.retry.maxAttempts) {
        throw new TicketNumberContention(draft.orderId, attempt);
      }
      await sleep(backoffDelay(attempt, this.retry));
      lastTicket =
        outcome.lastTicket ?? (await this.readLastTicket(draft.businessDate));
    }
  }

  async get(orderId: string): Promise<Order | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: orderKey(orderId),
        // Read after write: a retried call reads the order it just placed.
        ConsistentRead: true,
      }),
    );

    return Item && fromOrderItem(Item);
  }

  async listByCaller(phone: string, limit: number): Promise<Order[]> {
    // DynamoDB rejects a Limit below 1.
    if (limit < 1) return [];

    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: ORDER_INDEXES.byCaller,
        // The caller's profile shares the partition and sorts last.
        KeyConditionExpression: 'GSI2PK = :caller AND GSI2SK < :profile',
        ExpressionAttributeValues: {
          ':caller': callerPartition(phone),
          ':profile': PROFILE_SORT_KEY,
        },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );

    return Items.map(fromOrderItem);
  }

  async countOpen(businessDate: string): Promise<number> {
    let count = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: ORDER_INDEXES.open,
          KeyConditionExpression: 'GSI3PK = :day',
          ExpressionAttributeValues: { ':day': openPartition(businessDate) },
          Select: 'COUNT',
          ExclusiveStartKey: startKey,
        }),
      );
      count += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);

    return count;
  }

  /** See {@link listOrdersByStatus}; a query of GSI1, never a Scan. */
  listByStatus(
    businessDate: string,
    status: OrderStatus,
    page: PageRequest,
  ): Promise<OrderPage> {
    return listOrdersByStatus(
      this.client,
      this.tableName,
      { businessDate, status },
      page,
    );
  }

  /** See {@link changeOrderStatus}: one conditional update. */
  changeStatus(
    orderId: string,
    expected: OrderStatus,
    next: OrderStatus,
    at: Date,
  ): Promise<Order> {
    return changeOrderStatus(
      this.client,
      this.tableName,
      { orderId, expected, next },
      at,
    );
  }

  /** The day's last ticket number, 0 before its first order. */
  private async readLastTicket(businessDate: string): Promise<number> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: ticketCounterKey(businessDate),
        ProjectionExpression: 'lastTicket',
        ConsistentRead: true,
      }),
    );

    return typeof Item?.lastTicket === 'number' ? Item.lastTicket : 0;
  }

  private async tryToPlace(
    order: Order,
    lastTicket: number,
    now: string,
  ): Promise<Attempt> {
    const input = placeOrderTransaction(this.tableName, order, lastTicket, now);
    try {
      await this.client.send(new TransactWriteCommand(input));

      return { placed: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;

      return readCancellation(error, order.orderId);
    }
  }
}

function placedOrder(draft: OrderDraft, ticketNumber: number): Order {
  return {
    ...draft,
    ticketNumber,
    status: 'PLACED',
    updatedAt: draft.placedAt,
    version: 1,
  };
}

/**
 * Tells which condition cancelled the transaction. The order's condition
 * wins: a retried call must learn that its order exists even when the
 * counter has moved on since.
 */
function readCancellation(
  error: TransactionCanceledException,
  orderId: string,
): Attempt {
  const reasons = error.CancellationReasons ?? [];
  const failed = (position: number) =>
    reasons[position]?.Code === 'ConditionalCheckFailed';

  if (failed(PLACE_ORDER_WRITES.order)) throw new OrderAlreadyPlaced(orderId);
  if (failed(PLACE_ORDER_WRITES.counter)) {
    return { placed: false, lastTicket: lastTicketIn(reasons) };
  }
  // Another transaction held one of the items: nothing is known, re-read.
  if (reasons.some((reason) => reason.Code === 'TransactionConflict')) {
    return { placed: false, lastTicket: undefined };
  }

  throw new OrderWriteRejected(orderId, reasons.map(codeOf), { cause: error });
}

/** The counter's value, returned (marshalled) with its failed condition. */
function lastTicketIn(reasons: CancellationReason[]): number | undefined {
  const value = reasons[PLACE_ORDER_WRITES.counter]?.Item?.lastTicket?.N;

  return value === undefined ? undefined : Number(value);
}

function codeOf(reason: CancellationReason): string {
  return reason.Code ?? 'Unknown';
}

/** Full jitter, so that colliding orders spread out instead of re-colliding. */
function backoffDelay(attempt: number, policy: TicketRetryPolicy): number {
  const ceiling = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** attempt,
  );

  return Math.random() * ceiling;
}
