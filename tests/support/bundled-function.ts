/**
 * A Lambda entry point of functions/ bundled to CommonJS with esbuild, as
 * `sls package` bundles it: Jest cannot load @middy/core, which is
 * published as ES modules only. A bundle reads its configuration when it
 * is loaded, so set the environment first.
 */
import type { Context } from 'aws-lambda';
import { build, type Metafile } from 'esbuild';
import { join } from 'node:path';
import { packageOf } from '../../src/bench/bundles';

/** A bundled handler. */
export type BundledHandler = (
  event: unknown,
  context: Context,
) => Promise<unknown>;

/** A bundled entry point, and esbuild's account of what went in. */
export interface FunctionBundle {
  outfile: string;
  metafile: Metafile;
}

/** Bundles `functions/<name>.ts` into `directory`, without loading it. */
export async function bundleFunction(
  name: string,
  directory: string,
): Promise<FunctionBundle> {
  const outfile = join(directory, `${name}.cjs`);
  const { metafile } = await build({
    entryPoints: [join(__dirname, '..', '..', 'functions', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    metafile: true,
    logLevel: 'silent',
  });

  return { outfile, metafile };
}

/**
 * The npm packages with code in a bundle, sorted, e.g.
 * `@aws-sdk/client-dynamodb`; ours (`src`, `functions`) are left out.
 */
export function bundledPackages({ metafile }: FunctionBundle): string[] {
  const packages = Object.values(metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(
        ([path, { bytesInOutput }]) =>
          bytesInOutput > 0 && path.includes('node_modules/'),
      )
      .map(([path]) => packageOf(path)),
  );

  return [...new Set(packages)].sort();
}

/** Bundles `functions/<name>.ts` into `directory` and loads its handler. */
export async function loadBundledHandler(
  name: string,
  directory: string,
): Promise<BundledHandler> {
  const { outfile } = await bundleFunction(name, directory);

  return loadHandler(outfile);
}

/**
 * Loads the handler of a bundle. A module is loaded once per path: to
 * load a bundle again (another environment), copy it to a new path.
 */
export async function loadHandler(outfile: string): Promise<BundledHandler> {
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
