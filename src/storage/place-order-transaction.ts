/**
 * The one transaction that places an order: take the day's next ticket
 * number, put the order, and record the order on the caller's customer
 * item. Each write carries a condition built from a named rule below.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { customerKey, PROFILE_SORT_KEY } from './customer-item';
import type { Order } from '../orders/model';
import { callerPartition, toOrderItem } from './order-item';

type TransactItem = NonNullable<
  TransactWriteCommandInput['TransactItems']
>[number];

/** A condition and the placeholder values it uses. */
interface Condition {
  expression: string;
  values?: Record<string, unknown>;
}

/** Positions of the writes in the transaction, for its cancellation codes. */
export const PLACE_ORDER_WRITES = { counter: 0, order: 1, customer: 2 };

/** The key of the ticket counter of one business day. */
export function ticketCounterKey(businessDate: string): {
  PK: string;
  SK: string;
} {
  return { PK: 'COUNTER#TICKET', SK: businessDate };
}

/** One call, one order: the order's key must be new. */
const orderDoesNotExist: Condition = {
  expression: 'attribute_not_exists(PK)',
};

/**
 * Nobody took a ticket since we read the counter. `lastTicket` 0 means the
 * counter did not exist yet: this is the day's first order.
 */
function counterIs(lastTicket: number): Condition {
  if (lastTicket === 0) return { expression: 'attribute_not_exists(PK)' };

  return {
    expression: 'lastTicket = :lastTicket',
    values: { ':lastTicket': lastTicket },
  };
}

/**
 * The writes that place `order` (ticket number already set to the one after
 * `lastTicket`). `now` stamps the customer item.
 */
export function placeOrderTransaction(
  tableName: string,
  order: Order,
  lastTicket: number,
  now: string,
): TransactWriteCommandInput {
  return {
    // In the order PLACE_ORDER_WRITES names.
    TransactItems: [
      takeTicket(tableName, order, lastTicket),
      putOrder(tableName, order),
      recordOnCustomer(tableName, order, now),
    ],
  };
}

function takeTicket(
  tableName: string,
  order: Order,
  lastTicket: number,
): TransactItem {
  const condition = counterIs(lastTicket);

  return {
    Update: {
      TableName: tableName,
      Key: ticketCounterKey(order.businessDate),
      UpdateExpression: 'SET lastTicket = :ticket',
      ConditionExpression: condition.expression,
      ExpressionAttributeValues: {
        ':ticket': order.ticketNumber,
        ...condition.values,
      },
      // The current counter comes back with the failure: no re-read needed.
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

function putOrder(tableName: string, order: Order): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: toOrderItem(order),
      ConditionExpression: orderDoesNotExist.expression,
    },
  };
}

/**
 * Counts the order on the caller's customer item, creating it on a first
 * order. A name given on this call fills a missing name but never replaces
 * one the restaurant already has.
 */
function recordOnCustomer(
  tableName: string,
  order: Order,
  now: string,
): TransactItem {
  const assignments = [
    'entity = :entity',
    'phone = :phone',
    'GSI2PK = :caller',
    'GSI2SK = :profile',
    'lastOrderId = :orderId',
    'updatedAt = :now',
    'createdAt = if_not_exists(createdAt, :now)',
  ];
  const name = order.customerName ? { ':name': order.customerName } : {};
  if (order.customerName) {
    assignments.push('#name = if_not_exists(#name, :name)');
  }

  return {
    Update: {
      TableName: tableName,
      Key: customerKey(order.callerNumber),
      UpdateExpression: `SET ${assignments.join(', ')} ADD orderCount :one`,
      // `name` is a DynamoDB reserved word.
      ExpressionAttributeNames: order.customerName
        ? { '#name': 'name' }
        : undefined,
      ExpressionAttributeValues: {
        ':entity': 'CUSTOMER',
        ':phone': order.callerNumber,
        ':caller': callerPartition(order.callerNumber),
        ':profile': PROFILE_SORT_KEY,
        ':orderId': order.orderId,
        ':now': now,
        ':one': 1,
        ...name,
      },
    },
  };
}
