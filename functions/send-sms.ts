import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { endUserMessagingDriver } from '../src/wiring/end-user-messaging-driver';
import { logger } from '../src/wiring/observability';
import { deployedSmsConsumer } from '../src/wiring/send-sms-deployed';

const textCustomer = deployedSmsConsumer(endUserMessagingDriver);

/**
 * Texts the customer about an order event from the bus, once, through
 * AWS End User Messaging SMS (serverless.yml deploys this file when the
 * smsDriver param is end-user-messaging). A failed send throws, so the
 * event is retried and, failing still, dead-lettered.
 */
export const handler = middy(textCustomer).use(
  injectLambdaContext(logger, { resetKeys: true }),
);
