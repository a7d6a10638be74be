/**
 * The order-events function's handler, built from its ports: the same
 * handler runs on Lambda (EventBridge publisher) and in the embedded
 * stack (the in-process bus of src/local/event-bus.ts).
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { EventBridgePublisher } from '../events/adapters/eventbridge-publisher';
import type { EventPublisher } from '../events/publisher';
import {
  publishChanges,
  type PublishChangesDependencies,
} from '../events/publish-changes';
import type { EventSettings } from '../config/notification-settings';
import { changeFromRecord } from '../storage/stream-changes';

/** What the handler runs on: a publisher and a log. */
export type OrderEventsDependencies = PublishChangesDependencies;

/** A DynamoDB stream handler that reports partial batch failures. */
export type OrderEventsHandler = (
  event: DynamoDBStreamEvent,
) => Promise<DynamoDBBatchResponse>;

/**
 * Publishes the events of a stream batch. A failure is reported as the
 * sequence number to resume from (`ReportBatchItemFailures`), so Lambda
 * retries that record and the ones after it, not the whole batch.
 */
export function orderEventsHandler(
  dependencies: OrderEventsDependencies,
): OrderEventsHandler {
  return async (event) => {
    const changes = event.Records.map(changeFromRecord);
    const { retryFrom } = await publishChanges(changes, dependencies);

    return {
      batchItemFailures:
        retryFrom === undefined ? [] : [{ itemIdentifier: retryFrom }],
    };
  };
}

/** The EventBridge publisher the deployed function uses. */
export function eventBridgePublisher(settings: EventSettings): EventPublisher {
  return new EventBridgePublisher({
    client: new EventBridgeClient({ region: settings.region }),
    eventBusName: settings.eventBusName,
    source: settings.source,
  });
}
