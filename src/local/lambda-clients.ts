import { randomUUID } from 'node:crypto';

import type { Context } from 'aws-lambda';

import { declaredFunction } from './function-declarations';
import type { InvokeLambda } from './lambda-delivery';

/** A Lambda handler as this process can call it. */
export type LambdaHandler = (event: unknown, context: Context) => unknown;

/** Where serverless-offline serves the Lambda Invoke API. */
export const OFFLINE_LAMBDA_ENDPOINT = 'http://localhost:3002';

/** The Invoke API answered with an error, or the function itself failed. */
export class LambdaInvokeFailed extends Error {
  constructor(
    readonly functionName: string,
    readonly detail: string,
  ) {
    super(`invoking ${functionName} failed: ${detail}`);
    this.name = 'LambdaInvokeFailed';
  }
}

// Lambda hands a function its event as parsed JSON and serializes what it
// returns; doing the same in process keeps a handler from sharing objects
// with the simulator and drops what JSON cannot carry, as AWS would.
function throughJson(value: unknown): unknown {
  const text = JSON.stringify(value) as string | undefined;

  return text === undefined ? null : (JSON.parse(text) as unknown);
}

/**
 * The context fields a handler and its middleware read, for an invocation
 * starting now with `timeoutSeconds` to run.
 */
export function lambdaContext(
  functionName: string,
  timeoutSeconds: number,
): Context {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const unsupported = () => {
    throw new Error('callback-style completion is not supported locally');
  };

  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${randomUUID()}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    /* eslint-disable @typescript-eslint/no-deprecated -- the Context type
       still requires the legacy completion methods. */
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
    /* eslint-enable @typescript-eslint/no-deprecated */
  };
}

/**
 * Calls a handler in this process as the Lambda runtime would, with the
 * name and timeout serverless.yml gives function `key` (stage dev).
 */
export function invokeInProcess(
  handler: LambdaHandler,
  key = 'sma',
): InvokeLambda {
  const { name, timeoutSeconds } = declaredFunction(key);

  return async (event) => {
    const response = await handler(
      throughJson(event),
      lambdaContext(name, timeoutSeconds),
    );

    return throughJson(response);
  };
}

/**
 * Invokes a function through the Lambda Invoke API, as serverless-offline
 * serves it: a POST of the event, the function's answer as the body.
 */
export function invokeOverHttp(
  endpoint: string,
  functionName: string,
): InvokeLambda {
  const path = `/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`;
  const url = new URL(path, endpoint);

  return async (event) => {
    const reply = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
    const body = await reply.text();
    if (!reply.ok) {
      throw new LambdaInvokeFailed(
        functionName,
        `HTTP ${reply.status} ${body}`,
      );
    }
    if (reply.headers.has('x-amz-function-error')) {
      throw new LambdaInvokeFailed(functionName, body);
    }

    return body === '' ? null : (JSON.parse(body) as unknown);
  };
}
