/**
 * A status change as a conditional update: the order moves only if it is
 * still in the expected status, and GSI1 files it under its new status.
 * A move that closes the order (it leaves the kitchen's open work) also
 * counts it on its day's ticket counter, in the same transaction, so the
 * orders still open are always the tickets taken less the ones closed.
 */
import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
  type UpdateCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

/** An order's update, as a request of its own or within a transaction. */
type OrderUpdate = NonNullable<
  NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Update']
> &
  UpdateCommandInput;
import {
  isOpenStatus,
  type Order,
  OrderNotFound,
  type OrderStatus,
  StatusConflict,
} from '../orders/model';
import { fromOrderItem, orderKey, toOrderItem } from './order-item';
import { ticketCounterKey } from './place-order-transaction';

/** A condition and the placeholders it uses. */
interface Condition {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** The order is still in the status the person saw. */
function statusIsExpected(expected: OrderStatus): Condition {
  return {
    expression: 'attribute_exists(PK) AND #status = :expected',
    // `status` is a DynamoDB reserved word.
    names: { '#status': 'status' },
    values: { ':expected': expected },
  };
}

/**
 * Moves `orderId` from `expected` to `next`. Throws {@link OrderNotFound}
 * or {@link StatusConflict} (with the status the order holds instead).
 */
export async function changeOrderStatus(
  client: DynamoDBDocumentClient,
  tableName: string,
  change: { orderId: string; expected: OrderStatus; next: OrderStatus },
  at: Date,
): Promise<Order> {
  const { orderId, expected, next } = change;
  // The index keys are built from the day and time the order was placed,
  // which never change: reading them first cannot race with the update.
  const { Item } = await client.send(
    new GetCommand({
      TableName: tableName,
      Key: orderKey(orderId),
      ConsistentRead: true,
    }),
  );
  if (Item === undefined) throw new OrderNotFound(orderId);
  const order = fromOrderItem(Item);
  if (order.status !== expected) {
    throw new StatusConflict(orderId, order.status);
  }
  const update = statusUpdate(tableName, order, next, at);
  try {
    if (isOpenStatus(expected) && !isOpenStatus(next)) {
      return await closeOrder(client, update, order);
    }
    const { Attributes = {} } = await client.send(
      new UpdateCommand({ ...update, ReturnValues: 'ALL_NEW' }),
    );

    return fromOrderItem(Attributes);
  } catch (error) {
    throw translateFailure(error, orderId);
  }
}

/**
 * The update, with the order counted as closed on its day's counter; then
 * the order as stored, since a transaction returns no item.
 */
async function closeOrder(
  client: DynamoDBDocumentClient,
  update: OrderUpdate,
  order: Order,
): Promise<Order> {
  await client.send(
    new TransactWriteCommand({
      TransactItems: [
        { Update: update },
        {
          Update: {
            TableName: update.TableName,
            Key: ticketCounterKey(order.businessDate),
            UpdateExpression: 'ADD closedTickets :one',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ],
    }),
  );
  const { Item } = await client.send(
    new GetCommand({
      TableName: update.TableName,
      Key: orderKey(order.orderId),
      ConsistentRead: true,
    }),
  );
  if (Item === undefined) throw new OrderNotFound(order.orderId);

  return fromOrderItem(Item);
}

function statusUpdate(
  tableName: string,
  order: Order,
  next: OrderStatus,
  at: Date,
): OrderUpdate {
  const keys = toOrderItem({ ...order, status: next });
  const condition = statusIsExpected(order.status);
  const sets = [
    '#status = :next',
    'GSI1PK = :gsi1pk',
    'GSI1SK = :gsi1sk',
    'updatedAt = :at',
    'version = version + :one',
  ];

  return {
    TableName: tableName,
    Key: orderKey(order.orderId),
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: condition.expression,
    ExpressionAttributeNames: condition.names,
    ExpressionAttributeValues: {
      ...condition.values,
      ':next': next,
      ':gsi1pk': keys.GSI1PK,
      ':gsi1sk': keys.GSI1SK,
      ':at': at.toISOString(),
      ':one': 1,
    },
    // The current status comes back with the failure: no re-read needed.
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  };
}

/** Someone moved or deleted the order between the read and the update. */
function translateFailure(error: unknown, orderId: string): unknown {
  const current = orderAtFailure(error);
  if (current === false) return error;
  const status = current?.status?.S;
  if (status === undefined) return new OrderNotFound(orderId);

  return new StatusConflict(orderId, status as OrderStatus);
}

/**
 * The order as the failed condition found it (undefined: none), or false
 * when the error is not the order's condition failing.
 */
function orderAtFailure(
  error: unknown,
): Record<string, { S?: string }> | undefined | false {
  if (error instanceof ConditionalCheckFailedException) return error.Item;
  const orderReason =
    error instanceof TransactionCanceledException
      ? error.CancellationReasons?.[0]
      : undefined;
  if (orderReason?.Code !== 'ConditionalCheckFailed') return false;

  return orderReason.Item;
}
