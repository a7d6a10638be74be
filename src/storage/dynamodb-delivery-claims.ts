/**
 * Idempotency records of notifications in the single table: PK
 * `NOTIFY#<event id>#<channel>`, SK `NOTIFY`. A record is taken with a
 * conditional put before a message is sent, marked sent after, deleted
 * when the send failed. `expiresAt` lets DynamoDB's TTL delete it days
 * later; the emulators never do, so the condition below treats an expired
 * record as absent instead of relying on the deletion.
 */
import {
  type AttributeValue,
  ConditionalCheckFailedException,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type {
  Claim,
  DeliveryClaims,
  DeliveryKey,
  SendRecord,
} from '../notifications/ports';

/** The primary key of the idempotency record of one message. */
export function deliveryClaimKey(key: DeliveryKey): { PK: string; SK: string } {
  return { PK: `NOTIFY#${key.eventId}#${key.channel}`, SK: 'NOTIFY' };
}

/** Constructor arguments of {@link DynamoDbDeliveryClaims}. */
export interface DynamoDbDeliveryClaimsOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Days until DynamoDB may delete a record. */
  ttlDays: number;
  /** How long a send in progress keeps a duplicate out. */
  lockSeconds: number;
  clock?: () => Date;
}

const SECONDS_PER_DAY = 86_400;

/**
 * Free to take: no record, an expired one, or a send whose lock ran out
 * (its function died before sending or releasing).
 */
const claimIsFree =
  'attribute_not_exists(PK) OR expiresAt < :nowSeconds OR ' +
  '(#state = :sending AND lockedUntil < :nowMs)';

/** {@link DeliveryClaims} on DynamoDB. */
export class DynamoDbDeliveryClaims implements DeliveryClaims {
  private readonly clock: () => Date;

  constructor(private readonly options: DynamoDbDeliveryClaimsOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  async claim(key: DeliveryKey): Promise<Claim> {
    const nowMs = this.clock().getTime();
    const nowSeconds = Math.floor(nowMs / 1000);
    try {
      await this.options.client.send(
        new PutCommand({
          TableName: this.options.tableName,
          Item: this.claimItem(key, nowMs, nowSeconds),
          ConditionExpression: claimIsFree,
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':nowSeconds': nowSeconds,
            ':nowMs': nowMs,
            ':sending': 'SENDING',
          },
          // The record in the way comes back with the failure.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );

      return { kind: 'claimed' };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;

      return claimHeld(await this.holder(key, error.Item));
    }
  }

  async markSent(key: DeliveryKey, record: SendRecord): Promise<void> {
    await this.options.client.send(
      new UpdateCommand({
        TableName: this.options.tableName,
        Key: deliveryClaimKey(key),
        UpdateExpression:
          'SET #state = :sent, template = :template, messageId = :messageId, ' +
          'sentAt = :at REMOVE lockedUntil',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':sent': 'SENT',
          ':template': record.template,
          ':messageId': record.messageId,
          ':at': record.at,
        },
      }),
    );
  }

  async release(key: DeliveryKey): Promise<void> {
    try {
      await this.options.client.send(
        new DeleteCommand({
          TableName: this.options.tableName,
          Key: deliveryClaimKey(key),
          // Never delete the proof that a message went out.
          ConditionExpression: '#state = :sending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':sending': 'SENDING' },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  private claimItem(
    key: DeliveryKey,
    nowMs: number,
    nowSeconds: number,
  ): Record<string, unknown> {
    return {
      ...deliveryClaimKey(key),
      entity: 'NOTIFICATION',
      eventId: key.eventId,
      channel: key.channel,
      orderId: key.orderId,
      state: 'SENDING',
      lockedUntil: nowMs + this.options.lockSeconds * 1000,
      expiresAt: nowSeconds + this.options.ttlDays * SECONDS_PER_DAY,
    };
  }

  /** The record that held the claim: from the failure, or read again. */
  private async holder(
    key: DeliveryKey,
    returned: Record<string, AttributeValue> | undefined,
  ): Promise<Record<string, unknown> | undefined> {
    if (returned !== undefined) return unmarshall(returned);
    const { Item } = await this.options.client.send(
      new GetCommand({
        TableName: this.options.tableName,
        Key: deliveryClaimKey(key),
        ConsistentRead: true,
      }),
    );

    return Item;
  }
}

/** What a record that is in the way means for the message. */
function claimHeld(item: Record<string, unknown> | undefined): Claim {
  if (item?.state !== 'SENT') return { kind: 'in-progress' };

  return {
    kind: 'sent',
    record: {
      channel: item.channel as SendRecord['channel'],
      template: String(item.template),
      messageId: String(item.messageId),
      at: String(item.sentAt),
    },
  };
}
