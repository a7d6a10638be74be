/**
 * Carries a request on in a fresh invocation of this same function: an
 * asynchronous Invoke (InvocationType Event) with the request and the
 * order it waits for. The new invocation gets a whole timeout of its own.
 */
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { Continue, ContinuedRequest } from './ports';

/** Lambda did not accept the asynchronous invocation. */
export class ContinuationNotStarted extends Error {
  constructor(
    readonly functionName: string,
    readonly statusCode: number | undefined,
  ) {
    super(
      `could not hand the request over to a new invocation of ` +
        `${functionName} (status ${String(statusCode)})`,
    );
    this.name = 'ContinuationNotStarted';
  }
}

/** Lambda answers 202 Accepted to an asynchronous invocation. */
const ACCEPTED = 202;

/** A {@link Continue} that invokes `functionName` asynchronously. */
export function lambdaContinuation(
  client: LambdaClient,
  functionName: string,
): Continue {
  return async (request: ContinuedRequest) => {
    const { StatusCode } = await client.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'Event',
        Payload: Buffer.from(JSON.stringify(request)),
      }),
    );
    if (StatusCode !== ACCEPTED) {
      throw new ContinuationNotStarted(functionName, StatusCode);
    }
  };
}
