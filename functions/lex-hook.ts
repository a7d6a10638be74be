import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { handleCodeHook } from '../src/bot/code-hook';
import { parseLexEvent, type LexCodeHookResponse } from '../src/bot/lex-events';
import { loadConfig } from '../src/config/config';
import { logger } from '../src/wiring/observability';
import { codeHookDependencies } from '../src/wiring/lex-hook';

const dependencies = codeHookDependencies(loadConfig());

/**
 * The voice bot's code hook: Lex V2 invokes it on each turn of a voice
 * order and before fulfilment. The session id is Chime's CallId, so logs
 * join the sma function's; no words the caller said are logged.
 */
async function answerLex(event: unknown): Promise<LexCodeHookResponse> {
  const parsed = parseLexEvent(event);
  logger.appendKeys({ sessionId: parsed.sessionId });

  return handleCodeHook(parsed, dependencies);
}

export const handler = middy(answerLex).use(
  injectLambdaContext(logger, { resetKeys: true }),
);
