import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { loadConfig } from '../src/config/config';
import {
  loadDeliverySettings,
  loadEmailSettings,
} from '../src/config/notification-settings';
import { logger, powertoolsLog } from '../src/wiring/observability';
import { emailConsumer, emailDependencies } from '../src/wiring/send-email';
import { documentClient } from '../src/wiring/sma';

const config = loadConfig();
const emailCustomer = emailConsumer(
  emailDependencies(
    config,
    { email: loadEmailSettings(), delivery: loadDeliverySettings() },
    {
      client: documentClient(config),
      tableName: config.tableName,
      log: powertoolsLog(logger),
    },
  ),
);

/**
 * Emails the customer about an order event from the bus (confirmation,
 * invoice), once. A failed send throws, so the event is retried and,
 * failing still, dead-lettered.
 */
export const handler = middy(emailCustomer).use(
  injectLambdaContext(logger, { resetKeys: true }),
);
