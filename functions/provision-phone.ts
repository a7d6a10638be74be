import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { answerPhoneNumberRequest } from '../src/provisioning/answer-phone-number-request';
import { logger } from '../src/wiring/observability';
import { provisioningDependencies } from '../src/wiring/provision-phone';

/**
 * The `Custom::PhoneNumber` resource's function: orders the restaurant's
 * phone number (or takes the owner's) and routes it to the SIP media
 * application. CloudFormation invokes it; so does the function itself
 * while a slow order is processed.
 */
async function provisionPhone(event: unknown, context: Context): Promise<void> {
  await answerPhoneNumberRequest(
    event,
    provisioningDependencies(context.functionName),
    { remainingTimeMs: () => context.getRemainingTimeInMillis() },
  );
}

export const handler = middy(provisionPhone).use(
  injectLambdaContext(logger, { resetKeys: true }),
);
