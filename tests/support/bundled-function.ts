/**
 * A Lambda entry point of functions/ bundled to CommonJS with esbuild, as
 * `sls package` bundles it: Jest cannot load @middy/core, which is
 * published as ES modules only. A bundle reads its configuration when it
 * is loaded, so set the environment first.
 */
import type { Context } from 'aws-lambda';
import { build } from 'esbuild';
import { join } from 'node:path';

/** A bundled handler. */
export type BundledHandler = (
  event: unknown,
  context: Context,
) => Promise<unknown>;

/** Bundles `functions/<name>.ts` into `directory` and loads its handler. */
export async function loadBundledHandler(
  name: string,
  directory: string,
): Promise<BundledHandler> {
  const outfile = join(directory, `${name}.cjs`);
  await build({
    entryPoints: [join(__dirname, '..', '..', 'functions', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  });
  const loaded = (await import(outfile)) as { handler: BundledHandler };

  return loaded.handler;
}

/** The part of a Lambda context the handlers read. */
export function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: '5e2b7c1a-8d4f-4a6e-9b3c-0f1d2e3a4b5c',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/12/01/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => 5_000,
  } as Context;
}
