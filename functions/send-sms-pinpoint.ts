import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '../src/wiring/observability';
import { pinpointDriver } from '../src/wiring/pinpoint-driver';
import { deployedSmsConsumer } from '../src/wiring/send-sms-deployed';

const textCustomer = deployedSmsConsumer(pinpointDriver);

/**
 * Texts the customer about an order event from the bus, once, through an
 * Amazon Pinpoint application (serverless.yml deploys this file when the
 * smsDriver param is pinpoint). A failed send throws, so the event is
 * retried and, failing still, dead-lettered.
 */
export const handler = middy(textCustomer).use(
  injectLambdaContext(logger, { resetKeys: true }),
);
