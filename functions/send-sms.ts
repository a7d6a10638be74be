import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { loadConfig } from '../src/config/config';
import {
  loadDeliverySettings,
  loadSmsSettings,
} from '../src/config/notification-settings';
import { logger, powertoolsLog } from '../src/wiring/observability';
import { smsConsumer, smsDependencies } from '../src/wiring/send-sms';
import { documentClient } from '../src/wiring/sma';

const config = loadConfig();
const textCustomer = smsConsumer(
  smsDependencies(
    config,
    { sms: loadSmsSettings(), delivery: loadDeliverySettings() },
    {
      client: documentClient(config),
      tableName: config.tableName,
      log: powertoolsLog(logger),
    },
  ),
);

/**
 * Texts the customer about an order event from the bus, once. A failed
 * send throws, so the event is retried and, failing still, dead-lettered.
 */
export const handler = middy(textCustomer).use(
  injectLambdaContext(logger, { resetKeys: true }),
);
