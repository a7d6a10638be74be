/**
 * What both notification consumers share: the idempotency records and
 * the ledger on the orders table, the customer profiles, and the log.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeliverySettings } from '../config/notification-settings';
import type { DeliveryDependencies } from '../notifications/deliver-once';
import type { CustomerLookup, Log } from '../notifications/ports';
import { DynamoDbCustomerRepository } from '../storage/dynamodb-customer-repository';
import { DynamoDbDeliveryClaims } from '../storage/dynamodb-delivery-claims';
import { DynamoDbSendLedger } from '../storage/dynamodb-send-ledger';

/** What a consumer is built from besides its settings. */
export interface ConsumerResources {
  client: DynamoDBDocumentClient;
  tableName: string;
  log: Log;
}

/** Delivery records and customers on the orders table. */
export function tableDependencies(
  resources: ConsumerResources,
  delivery: DeliverySettings,
): DeliveryDependencies & { customers: CustomerLookup } {
  const { client, tableName, log } = resources;

  return {
    claims: new DynamoDbDeliveryClaims({
      client,
      tableName,
      ttlDays: delivery.recordTtlDays,
      lockSeconds: delivery.lockSeconds,
    }),
    ledger: new DynamoDbSendLedger({ client, tableName }),
    customers: new DynamoDbCustomerRepository({ client, tableName }),
    clock: () => new Date(),
    log,
  };
}
