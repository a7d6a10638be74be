/**
 * How an order is placed in two requests. First the day's ticket counter
 * takes the next number with an atomic ADD, which DynamoDB applies one
 * after another however many orders arrive at once, so nobody retries for
 * a number. Then one transaction puts the order, records it on the
 * caller's customer item and checks that every item ordered is still on
 * sale. A number taken by an order that then fails (a retried call, an
 * item sold out meanwhile) is skipped: tickets stay distinct and rising.
 */
import type {
  TransactWriteCommandInput,
  UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { customerKey, PROFILE_SORT_KEY } from './customer-item';
import { itemKey } from './menu-records';
import type { Order } from '../orders/model';
import { callerPartition, toOrderItem } from './order-item';

type TransactItem = NonNullable<
  TransactWriteCommandInput['TransactItems']
>[number];

/**
 * Positions of the writes in the transaction, for its cancellation codes;
 * the checks of the ordered items follow, one per item in
 * {@link orderedItemIds} order.
 */
export const PLACE_ORDER_WRITES = { order: 0, customer: 1, firstItem: 2 };

/** The key of the ticket counter of one business day. */
export function ticketCounterKey(businessDate: string): {
  PK: string;
  SK: string;
} {
  return { PK: 'COUNTER#TICKET', SK: businessDate };
}

/**
 * The counter of one business day: `lastTicket` numbers the orders placed,
 * `closedTickets` counts those the kitchen has finished or cancelled (see
 * change-order-status.ts), so the orders still open are the difference.
 */
export interface TicketCounter {
  lastTicket: number;
  closedTickets: number;
}

/** Takes the day's next ticket number; answers the whole counter. */
export function takeTicketUpdate(
  tableName: string,
  businessDate: string,
): UpdateCommandInput {
  return {
    TableName: tableName,
    Key: ticketCounterKey(businessDate),
    UpdateExpression: 'ADD lastTicket :one',
    ExpressionAttributeValues: { ':one': 1 },
    ReturnValues: 'ALL_NEW',
  };
}

/** The counter in an item a counter update returned. */
export function readTicketCounter(
  item: Record<string, unknown> | undefined,
): TicketCounter {
  const count = (value: unknown) => (typeof value === 'number' ? value : 0);

  return {
    lastTicket: count(item?.lastTicket),
    closedTickets: count(item?.closedTickets),
  };
}

/** One call, one order: the order's key must be new. */
const ORDER_DOES_NOT_EXIST = 'attribute_not_exists(PK)';

/** The ordered item is still on the menu and on sale. */
const ITEM_ON_SALE = 'available = :onSale';

/** The distinct menu items an order names, in the order of its lines. */
export function orderedItemIds(order: Order): string[] {
  return [...new Set(order.lines.map((line) => line.itemId))];
}

/** The writes and checks that place `order`, its ticket number set. */
export function placeOrderTransaction(
  tableName: string,
  order: Order,
  now: string,
): TransactWriteCommandInput {
  return {
    // In the order PLACE_ORDER_WRITES names.
    TransactItems: [
      putOrder(tableName, order),
      recordOnCustomer(tableName, order, now),
      ...orderedItemIds(order).map((itemId) => checkOnSale(tableName, itemId)),
    ],
  };
}

function checkOnSale(tableName: string, itemId: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: itemKey(itemId),
      ConditionExpression: ITEM_ON_SALE,
      ExpressionAttributeValues: { ':onSale': true },
    },
  };
}

function putOrder(tableName: string, order: Order): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: toOrderItem(order),
      ConditionExpression: ORDER_DOES_NOT_EXIST,
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
