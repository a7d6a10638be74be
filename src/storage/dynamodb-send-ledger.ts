/**
 * Records each notification on its order item: `notifications` is the
 * list staff see (channel, template, provider message id, time), and
 * `notificationIds` names the messages already listed, so that recording
 * the same message again (a retry, a duplicate event) adds nothing. The
 * update touches neither the status nor any index key: the stream shows
 * it as a MODIFY with an unchanged status, which yields no event.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type {
  DeliveryKey,
  SendLedger,
  SendRecord,
} from '../notifications/ports';
import { orderKey } from './order-item';

/** Thrown when the order to record a send on does not exist. */
export class OrderToRecordOnNotFound extends Error {
  constructor(readonly orderId: string) {
    super(`order ${orderId} not found to record a notification on`);
    this.name = 'OrderToRecordOnNotFound';
  }
}

/** Constructor arguments of {@link DynamoDbSendLedger}. */
export interface DynamoDbSendLedgerOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

/** The order exists and does not list this message yet. */
const orderExistsWithoutMessage =
  'attribute_exists(PK) AND NOT contains(notificationIds, :messageName)';

/** {@link SendLedger} on the order items. */
export class DynamoDbSendLedger implements SendLedger {
  constructor(private readonly options: DynamoDbSendLedgerOptions) {}

  /** Appends the send; throws {@link OrderToRecordOnNotFound}. */
  async record(key: DeliveryKey, record: SendRecord): Promise<void> {
    const messageName = `${key.eventId}#${key.channel}`;
    try {
      await this.options.client.send(
        new UpdateCommand({
          TableName: this.options.tableName,
          Key: orderKey(key.orderId),
          UpdateExpression:
            'SET notifications = list_append(' +
            'if_not_exists(notifications, :none), :record), ' +
            'notificationIds = list_append(' +
            'if_not_exists(notificationIds, :none), :messageNames)',
          ConditionExpression: orderExistsWithoutMessage,
          ExpressionAttributeValues: {
            ':none': [],
            ':record': [record],
            ':messageNames': [messageName],
            ':messageName': messageName,
          },
          // The order comes back with the failure: absent means no order.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (error.Item === undefined)
        throw new OrderToRecordOnNotFound(key.orderId);
    }
  }
}
