import {
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { CallerDirectory, CallerRecord } from '../call-flow/types';
import { fromCustomerItem } from './customer-item';
import { callerPartition, fromOrderItem, ORDER_INDEXES } from './order-item';

export interface DynamoDbCallerDirectoryOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * Who is calling, in one request: the caller index holds the customer's
 * profile (sorted last) beside their orders (newest first), so a
 * descending query of two items returns the profile and the latest order.
 * This is the only read a call makes before the order is placed.
 */
export class DynamoDbCallerDirectory implements CallerDirectory {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(options: DynamoDbCallerDirectoryOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
  }

  async lookup(phone: string): Promise<CallerRecord> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: ORDER_INDEXES.byCaller,
        KeyConditionExpression: 'GSI2PK = :caller',
        ExpressionAttributeValues: { ':caller': callerPartition(phone) },
        ScanIndexForward: false,
        Limit: 2,
      }),
    );
    const profile = Items.find((item) => item.entity === 'CUSTOMER');
    const order = Items.find((item) => item.entity === 'ORDER');

    return {
      customer: profile === undefined ? undefined : fromCustomerItem(profile),
      lastOrder: order === undefined ? undefined : fromOrderItem(order),
    };
  }
}
