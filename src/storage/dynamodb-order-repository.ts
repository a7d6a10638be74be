/**
 * The order store on DynamoDB. Placing an order takes two requests (see
 * place-order-transaction.ts): an atomic ADD for the day's ticket number,
 * then one transaction for the order, its customer and its items' checks.
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
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROFILE_SORT_KEY } from './customer-item';
import {
  ItemsUnavailable,
  type Order,
  type OrderDraft,
  OrderAlreadyPlaced,
  type OrderPage,
  type OrderRepository,
  type OrderStatus,
  type PageRequest,
  type ReadyTimeEstimate,
} from '../orders/model';
import { changeOrderStatus } from './change-order-status';
import { listOrdersByStatus } from './list-orders-by-status';
import {
  callerPartition,
  fromOrderItem,
  ORDER_INDEXES,
  orderKey,
} from './order-item';
import { OrderWriteRejected } from './order-store-errors';
import {
  orderedItemIds,
  PLACE_ORDER_WRITES,
  placeOrderTransaction,
  readTicketCounter,
  takeTicketUpdate,
  type TicketCounter,
} from './place-order-transaction';

/**
 * How often to try the placing transaction again when another transaction
 * held one of its items at that moment (TransactionConflict).
 */
export interface ConflictRetryPolicy {
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
  conflictRetry?: Partial<ConflictRetryPolicy>;
}

// Orders of different callers share only the checked menu items, and a
// check holds an item for the few milliseconds a transaction takes: a
// conflict is rare and short, and five tries wait 0.6 s at the very most.
const DEFAULT_CONFLICT_RETRY: ConflictRetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 10,
  maxDelayMs: 200,
};

/** {@link OrderRepository} on the single DynamoDB table. */
export class DynamoDbOrderRepository implements OrderRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly clock: () => Date;
  private readonly retry: ConflictRetryPolicy;

  constructor(options: DynamoDbOrderRepositoryOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.clock = options.clock ?? (() => new Date());
    this.retry = { ...DEFAULT_CONFLICT_RETRY, ...options.conflictRetry };
  }

  /**
   * Places the order with the day's next ticket number. Throws
   * {@link OrderAlreadyPlaced} when the order id exists,
   * {@link ItemsUnavailable} when an item is sold out or gone, and
   * {@link OrderWriteRejected} when DynamoDB refuses the write otherwise.
   */
  async create(
    draft: OrderDraft,
    estimate?: ReadyTimeEstimate,
  ): Promise<Order> {
    const counter = await this.takeTicket(draft.businessDate);
    const openAhead = counter.lastTicket - 1 - counter.closedTickets;
    const order = placedOrder(
      estimate
        ? { ...draft, estimatedReadyAt: estimate(Math.max(0, openAhead)) }
        : draft,
      counter.lastTicket,
    );
    await this.writeOrder(order);

    return order;
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

  /** See {@link changeOrderStatus}. */
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

  private async takeTicket(businessDate: string): Promise<TicketCounter> {
    const { Attributes } = await this.client.send(
      new UpdateCommand(takeTicketUpdate(this.tableName, businessDate)),
    );

    return readTicketCounter(Attributes);
  }

  /** The placing transaction, tried again while items are held. */
  private async writeOrder(order: Order): Promise<void> {
    const now = this.clock().toISOString();
    const input = placeOrderTransaction(this.tableName, order, now);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.client.send(new TransactWriteCommand(input));

        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const failure = readCancellation(error, order);
        if (failure !== undefined) throw failure;
        if (attempt >= this.retry.maxAttempts) throw rejected(error, order);
      }
      await sleep(backoffDelay(attempt, this.retry));
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
 * What cancelled the transaction: the order exists (that condition wins:
 * a retried call must learn its order is stored), or items are off sale.
 * Undefined when another transaction only held an item: try again.
 */
function readCancellation(
  error: TransactionCanceledException,
  order: Order,
): Error | undefined {
  const reasons = error.CancellationReasons ?? [];
  const failed = (position: number) =>
    reasons[position]?.Code === 'ConditionalCheckFailed';
  if (failed(PLACE_ORDER_WRITES.order)) {
    return new OrderAlreadyPlaced(order.orderId);
  }
  const offSale = orderedItemIds(order).filter((_, index) =>
    failed(PLACE_ORDER_WRITES.firstItem + index),
  );
  if (offSale.length > 0) return new ItemsUnavailable(order.orderId, offSale);
  if (reasons.some((reason) => reason.Code === 'TransactionConflict')) {
    return undefined;
  }

  return rejected(error, order);
}

function rejected(
  error: TransactionCanceledException,
  order: Order,
): OrderWriteRejected {
  const codes = (error.CancellationReasons ?? []).map(codeOf);

  return new OrderWriteRejected(order.orderId, codes, { cause: error });
}

function codeOf(reason: CancellationReason): string {
  return reason.Code ?? 'Unknown';
}

/** Full jitter, so that colliding orders spread out instead of re-colliding. */
function backoffDelay(attempt: number, policy: ConflictRetryPolicy): number {
  const ceiling = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** attempt,
  );

  return Math.random() * ceiling;
}
