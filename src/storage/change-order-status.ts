/**
 * A status change as one conditional update: the order moves only if it
 * is still in the expected status. The index keys move with it: GSI1 files
 * the order under its new status, and GSI3 (the kitchen's open work) drops
 * it once it is no longer open.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import {
  type Order,
  OrderNotFound,
  type OrderStatus,
  StatusConflict,
} from '../orders/model';
import { fromOrderItem, orderKey, toOrderItem } from './order-item';

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
  try {
    const { Attributes = {} } = await client.send(
      new UpdateCommand(statusUpdate(tableName, order, next, at)),
    );

    return fromOrderItem(Attributes);
  } catch (error) {
    throw translateFailure(error, orderId);
  }
}

function statusUpdate(
  tableName: string,
  order: Order,
  next: OrderStatus,
  at: Date,
): UpdateCommandInput {
  const keys = toOrderItem({ ...order, status: next });
  const condition = statusIsExpected(order.status);
  const sets = [
    '#status = :next',
    'GSI1PK = :gsi1pk',
    'GSI1SK = :gsi1sk',
    'updatedAt = :at',
    'version = version + :one',
  ];
  const open = keys.GSI3PK !== undefined;
  if (open) sets.push('GSI3PK = :gsi3pk', 'GSI3SK = :gsi3sk');

  return {
    TableName: tableName,
    Key: orderKey(order.orderId),
    UpdateExpression:
      `SET ${sets.join(', ')}` + (open ? '' : ' REMOVE GSI3PK, GSI3SK'),
    ConditionExpression: condition.expression,
    ExpressionAttributeNames: condition.names,
    ExpressionAttributeValues: {
      ...condition.values,
      ':next': next,
      ':gsi1pk': keys.GSI1PK,
      ':gsi1sk': keys.GSI1SK,
      ':at': at.toISOString(),
      ':one': 1,
      ...(open && { ':gsi3pk': keys.GSI3PK, ':gsi3sk': keys.GSI3SK }),
    },
    ReturnValues: 'ALL_NEW',
    // The current status comes back with the failure: no re-read needed.
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  };
}

/** Someone moved or deleted the order between the read and the update. */
function translateFailure(error: unknown, orderId: string): unknown {
  if (!(error instanceof ConditionalCheckFailedException)) return error;
  const current = error.Item?.status?.S;
  if (current === undefined) return new OrderNotFound(orderId);

  return new StatusConflict(orderId, current as OrderStatus);
}
