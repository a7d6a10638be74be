import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import {
  failSafeResponse,
  findCallEnds,
  type CallEnds,
} from '../src/call-flow/fail-safe';
import { handleCallEvent } from '../src/call-flow/handle-call-event';
import { loadConfig } from '../src/config/config';
import type { SmaResponse } from '../src/telephony/actions';
import { parseInvocationEvent } from '../src/telephony/events';
import { validateResponse } from '../src/telephony/validate-response';
import { logger, publishMetrics } from '../src/wiring/observability';
import { callFlowDependencies } from '../src/wiring/sma';

const dependencies = callFlowDependencies(loadConfig());

/**
 * The SIP media application's Lambda: reads Chime's event, lets the call
 * flow decide, and checks the answer as Chime would before sending it. Any
 * failure on the way still answers the caller (see failSafeResponse).
 */
async function answerChime(event: unknown): Promise<SmaResponse> {
  let ends: CallEnds | undefined;
  try {
    ends = findCallEnds(event);
    if (ends !== undefined) logger.appendKeys({ callId: ends.callId });
    const response = await handleCallEvent(
      parseInvocationEvent(event),
      dependencies,
    );
    const check = validateResponse(response);
    if (check.valid) return response;
    logger.error('response would be rejected by Chime', {
      problems: check.problems,
    });
  } catch (error) {
    logger.error('call step failed', { error: error as Error });
  }

  return failSafeResponse(ends, dependencies.settings);
}

export const handler = middy(answerChime)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(publishMetrics());
