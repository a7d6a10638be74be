import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { loadEventSettings } from '../src/config/notification-settings';
import { logger, powertoolsLog } from '../src/wiring/observability';
import {
  eventBridgePublisher,
  orderEventsHandler,
} from '../src/wiring/order-events';

const publishBatch = orderEventsHandler({
  publisher: eventBridgePublisher(loadEventSettings()),
  log: powertoolsLog(logger),
});

/**
 * The orders table's stream handler: publishes each order change as
 * events on the bus and reports the first record it could not publish,
 * so that Lambda retries from there (ReportBatchItemFailures).
 */
export const handler = middy(publishBatch).use(
  injectLambdaContext(logger, { resetKeys: true }),
);
