/**
 * Item 4, sizes: each function bundled as serverless-esbuild bundles it
 * (serverless.yml's `custom.esbuild`), beside two references built the
 * same way: an empty handler, and the floor, a bundle that only imports
 * and constructs the AWS SDK clients the function uses.
 */
import type { BuildOptions, Metafile } from 'esbuild';
import { join, resolve } from 'node:path';
import * as z from 'zod/mini';
import '../validation/english-messages';
import { readFunctionDeclarations } from '../local/function-declarations';
import {
  loadServerlessConfig,
  SERVERLESS_FILE,
} from '../local/serverless-config';
import { buildInChild } from './esbuild-child';
import { importChain, ourPartOf } from './import-chain';
import { CLIENT_CODE, type SdkClient } from './sdk-clients';

/** One bundle and what it is made of. */
export interface BundleReport {
  name: string;
  path: string;
  bytes: number;
  /** `@aws-sdk/client-*` packages with code in the bundle. */
  sdkClients: string[];
  /** Bytes in the bundle per package (`src`, `functions` for ours). */
  bytesByPackage: Record<string, number>;
  /** For each SDK client, our files that lead to it, then the client. */
  clientChains: Record<string, string[]>;
}

const REPOSITORY = resolve(SERVERLESS_FILE, '..');

/** serverless-esbuild's own options, which esbuild does not take. */
const PLUGIN_OPTIONS = new Set([
  'exclude',
  'packager',
  'packagerOptions',
  'installExtraArgs',
  'concurrency',
  'zipConcurrency',
  'nativeZip',
  'keepOutputDirectory',
  'outputFileExtension',
  'outputBuildFolder',
  'outputWorkFolder',
  'nodeExternals',
  'skipBuild',
  'skipRebuild',
  'skipBuildExcludeFns',
  'stripEntryResolveExtensions',
  'disposeContext',
  'watch',
  'config',
  'plugins',
]);

const customEsbuild = z.object({
  custom: z.object({ esbuild: z.record(z.string(), z.unknown()) }),
});

/** serverless.yml's build, as serverless-esbuild runs it. */
export interface DeployedBuild {
  options: BuildOptions;
  /** `custom.esbuild.plugins`: a module path, relative to serverless.yml. */
  pluginsPath?: string;
}

/**
 * serverless.yml's esbuild options, as the plugin hands them to esbuild:
 * its own keys dropped, `exclude` turned into `external`, `plugins` kept
 * as the path of the module that lists them.
 */
export function deployedBuild(): DeployedBuild {
  const { esbuild } = customEsbuild.parse(loadServerlessConfig()).custom;
  const exclude = z.array(z.string()).parse(esbuild.exclude ?? []);
  const external = z.array(z.string()).parse(esbuild.external ?? []);
  const plugins = z.optional(z.string()).parse(esbuild.plugins);
  const options = Object.fromEntries(
    Object.entries(esbuild).filter(([key]) => !PLUGIN_OPTIONS.has(key)),
  );

  return {
    options: { ...options, external: [...external, ...exclude] },
    ...(plugins !== undefined && { pluginsPath: join(REPOSITORY, plugins) }),
  };
}

/** The handler files of serverless.yml, by function key. */
export function functionEntries(): { key: string; entry: string }[] {
  return readFunctionDeclarations().map((fn) => ({
    key: fn.key,
    entry: join(
      REPOSITORY,
      `${fn.handler.slice(0, fn.handler.lastIndexOf('.'))}.ts`,
    ),
  }));
}

/** Code a reference bundle loads besides the SDK clients. */
export interface ExtraCode {
  imports: string;
  construct: string;
}

/**
 * The libraries every function loads besides the SDK: zod's small build
 * with its English messages (the config and event schemas), middy,
 * Powertools' logger and metrics.
 */
export const LIBRARIES: Record<'zod' | 'middyPowertools', ExtraCode> = {
  zod: {
    imports:
      "import * as z from 'zod/mini';\nimport { en } from 'zod/locales';",
    construct:
      'z.config(en()), ' +
      'z.object({ name: z.string().check(z.minLength(1)) }).parse({ name: "x" })',
  },
  middyPowertools: {
    imports:
      "import middy from '@middy/core';\n" +
      "import { Logger } from '@aws-lambda-powertools/logger';\n" +
      "import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';\n" +
      "import { Metrics } from '@aws-lambda-powertools/metrics';",
    construct:
      'middy(async () => ({})).use(injectLambdaContext(new Logger())), ' +
      'new Metrics()',
  },
};

/**
 * What a reference's handler does before it answers: `body` runs in an
 * async handler, where `loaded` holds what the bundle constructed, in
 * order.
 */
export interface ReferenceAnswer {
  imports: string;
  body: string;
}

/**
 * Source of a bundle that constructs `clients` (and loads `extra`) and
 * answers nothing, or only after `answer`'s work.
 */
export function floorSource(
  clients: readonly SdkClient[],
  extra: readonly ExtraCode[] = [],
  answer: ReferenceAnswer = { imports: '', body: '' },
): string {
  const code = [...clients.map((client) => CLIENT_CODE[client]), ...extra];

  return [
    ...code.map((part) => part.imports),
    answer.imports,
    `export const loaded = [${code.map((part) => part.construct).join(', ')}];`,
    `export const handler = async () => { ${answer.body} return {}; };`,
  ].join('\n');
}

/** Builds a function's handler file as deployed. */
export function buildFunction(
  name: string,
  entry: string,
  outdir: string,
): Promise<BundleReport> {
  return bundle(name, outdir, { entryPoints: [entry] });
}

/** Builds a bundle from source text, the same way. */
export function buildSource(
  name: string,
  source: string,
  outdir: string,
): Promise<BundleReport> {
  return bundle(name, outdir, {
    stdin: { contents: source, resolveDir: REPOSITORY, loader: 'ts' },
  });
}

async function bundle(
  name: string,
  outdir: string,
  input: Pick<BuildOptions, 'entryPoints' | 'stdin'>,
): Promise<BundleReport> {
  const path = join(outdir, `${name}.js`);
  const { options, pluginsPath } = deployedBuild();
  const metafile = await buildInChild({
    options: { ...options, ...input, outfile: path },
    ...(pluginsPath !== undefined && { pluginsPath }),
    cwd: REPOSITORY,
  });

  return reportOf(name, path, metafile);
}

function reportOf(
  name: string,
  path: string,
  metafile: Metafile,
): BundleReport {
  const output = Object.values(metafile.outputs)[0];
  const bytesByPackage: Record<string, number> = {};
  for (const [input, { bytesInOutput }] of Object.entries(
    output?.inputs ?? {},
  )) {
    const owner = packageOf(input);
    bytesByPackage[owner] = (bytesByPackage[owner] ?? 0) + bytesInOutput;
  }
  const sdkClients = Object.keys(bytesByPackage)
    .filter((owner) => owner.startsWith('@aws-sdk/client-'))
    .sort();

  const clientChains = Object.fromEntries(
    sdkClients.map((client) => [
      client,
      ourPartOf(importChain(metafile, client), client),
    ]),
  );

  return {
    name,
    path,
    bytes: output?.bytes ?? 0,
    sdkClients,
    bytesByPackage,
    clientChains,
  };
}

/** `@smithy/core` for its files, `src` or `functions` for ours. */
export function packageOf(input: string): string {
  // The last node_modules names the package a nested copy belongs to.
  const packages = [...input.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)];
  const owner = packages.at(-1)?.[1];
  if (owner !== undefined) return owner;

  return input.split('/')[0] ?? input;
}
