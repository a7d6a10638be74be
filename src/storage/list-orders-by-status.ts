/**
 * One page of a status listing on GSI1, newest first. The query asks for
 * one order more than the page holds: when it comes back, another page
 * exists, and the cursor points after the page's last order. So a listing
 * never ends with an empty page, as it would if DynamoDB's own
 * LastEvaluatedKey were passed on when a page happens to end the listing.
 */
import {
  type DynamoDBDocumentClient,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { OrderPage, OrderStatus, PageRequest } from '../orders/model';
import { fromOrderItem, ORDER_INDEXES, statusPartition } from './order-item';
import { decodeOrderCursor, encodeOrderCursor } from './order-page-cursor';

/** Reads one page of the orders of `businessDate` in `status`. */
export async function listOrdersByStatus(
  client: DynamoDBDocumentClient,
  tableName: string,
  listing: { businessDate: string; status: OrderStatus },
  page: PageRequest,
): Promise<OrderPage> {
  const partition = statusPartition(listing.businessDate, listing.status);
  // Decoded first: a bad cursor is the caller's error, not DynamoDB's.
  const startKey =
    page.cursor === undefined
      ? undefined
      : decodeOrderCursor(page.cursor, partition);
  // DynamoDB rejects a Limit below 1.
  if (page.limit < 1) return { orders: [] };

  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: ORDER_INDEXES.byStatus,
      KeyConditionExpression: 'GSI1PK = :partition',
      ExpressionAttributeValues: { ':partition': partition },
      ScanIndexForward: false,
      Limit: page.limit + 1,
      ExclusiveStartKey: startKey,
    }),
  );
  const items = Items.slice(0, page.limit);
  const last = items.at(-1);
  const more = last !== undefined && Items.length > page.limit;

  return {
    orders: items.map(fromOrderItem),
    ...(more && { nextCursor: encodeOrderCursor(last) }),
  };
}
