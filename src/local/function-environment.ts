/**
 * The environment the functions run with locally: the variables
 * serverless.yml gives them for a stage, resolved as a deployment would,
 * plus the few settings that point them at the local stack. serverless.yml
 * stays the only list of variables.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
import { loadServerlessConfig, SERVERLESS_FILE } from './serverless-config';
import {
  resolveVariables,
  UnresolvedVariable,
  type VariableContext,
} from './serverless-variables';

/** The stage `npm start` runs when none is given, as `sls` defaults. */
export const DEFAULT_STAGE = 'dev';

/**
 * A well-formed Lex alias ARN of no real bot. The sma function offers
 * "order by voice" only when it has an alias to hand callers to; locally
 * the phone simulator's bot engine answers whatever alias it names.
 */
export const LOCAL_BOT_ALIAS_ARN =
  'arn:aws:lex:us-east-1:000000000000:bot-alias/LOCALBOT01/LOCALALIAS';

/** Which file, stage and shell environment to resolve against. */
export interface EnvironmentSource {
  stage?: string;
  /** Path to serverless.yml. Default: the repository's. */
  file?: string;
  /** What `${env:...}` sees. Default: `process.env`. */
  env?: Record<string, string | undefined>;
  /** `--param="name=value"` on the command line: wins over `params`. */
  params?: Record<string, string>;
}

const environmentBlock = z.optional(z.record(z.string(), z.unknown()));

const environmentParts = z.object({
  provider: z.optional(z.object({ environment: environmentBlock })),
  functions: z.optional(
    z.record(
      z.string(),
      z.nullish(z.object({ environment: environmentBlock })),
    ),
  ),
});

/**
 * The functions' environment for a stage: `provider.environment`, then each
 * function's own `environment`, every variable resolved. Throws
 * {@link UnresolvedVariable} naming the first variable without a value.
 */
export function resolveFunctionEnvironment(
  source: EnvironmentSource = {},
): Record<string, string> {
  const file = source.file ?? SERVERLESS_FILE;
  const config = loadServerlessConfig(file);
  const parts = environmentParts.parse(config);
  const context: VariableContext = {
    config,
    stage: source.stage ?? DEFAULT_STAGE,
    env: source.env,
    params: source.params,
  };
  const environment = resolveBlock(
    parts.provider?.environment,
    'provider.environment',
    context,
  );
  for (const [name, declaration] of Object.entries(parts.functions ?? {})) {
    const own = resolveBlock(
      declaration?.environment,
      `functions.${name}.environment`,
      context,
    );
    mergeFunctionEnvironment(environment, own, name);
  }

  return environment;
}

function resolveBlock(
  block: Record<string, unknown> | undefined,
  where: string,
  context: VariableContext,
): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(block ?? {})) {
    resolved[name] = resolveValue(value, `${where}.${name}`, context);
  }

  return resolved;
}

function resolveValue(
  value: unknown,
  where: string,
  context: VariableContext,
): string {
  if (typeof value === 'string') {
    return resolveVariables(value, where, context);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  // A `!Ref` or `!GetAtt` is only known once CloudFormation has run:
  // serverless-offline would hand it over as "[object Object]".
  throw new UnresolvedVariable(
    JSON.stringify(value),
    where,
    'only text can be resolved locally; name the resource explicitly ' +
      'per stage (e.g. orders-${sls:stage}) instead of referencing it',
  );
}

/**
 * The local stack runs every function in one process, so one environment
 * serves them all: two functions may not give one variable two values.
 */
function mergeFunctionEnvironment(
  environment: Record<string, string>,
  own: Record<string, string>,
  functionName: string,
): void {
  for (const [name, value] of Object.entries(own)) {
    const shared = environment[name];
    if (shared !== undefined && shared !== value) {
      throw new Error(
        `functions.${functionName}.environment.${name} differs from another ` +
          `value of ${name}; locally all functions share one environment`,
      );
    }
    environment[name] = value;
  }
}

/** What the local-only settings depend on. */
export interface LocalSettingsOptions {
  /** Where DynamoDB Local answers, e.g. `http://127.0.0.1:8000`. */
  dynamodbEndpoint: string;
  /** Show the functions' INFO logs, not just warnings and errors. */
  verbose?: boolean;
}

/**
 * The settings that make a function talk to the local stack: DynamoDB
 * Local, a region, and dummy credentials, so that no SDK client goes
 * looking for an AWS profile. Metrics, which would only print EMF blobs,
 * are off; logs are quiet unless `verbose`.
 */
export function localSettings(
  options: LocalSettingsOptions,
): Record<string, string> {
  return {
    DYNAMODB_ENDPOINT: options.dynamodbEndpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: options.verbose === true ? 'INFO' : 'WARN',
    // Node 20 is what this machine runs; the lockfile pins SDK versions
    // that support it, so the SDK's warning about later ones is noise here.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/**
 * The environment handlers get from the local stack: serverless.yml's for
 * the stage, then the local settings.
 */
export function localFunctionEnvironment(
  options: EnvironmentSource & LocalSettingsOptions,
): Record<string, string> {
  return {
    ...resolveFunctionEnvironment(options),
    ...localSettings(options),
  };
}
