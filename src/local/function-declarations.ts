/**
 * The functions serverless.yml declares, with the names, timeouts and
 * memory sizes they are deployed with for a stage.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
import { DEFAULT_STAGE } from './function-environment';
import { loadServerlessConfig, SERVERLESS_FILE } from './serverless-config';
import { resolveVariables, type VariableContext } from './serverless-variables';

/** One function of serverless.yml, as deployed for a stage. */
export interface FunctionDeclaration {
  /** The key under `functions:`, e.g. `sma`. */
  key: string;
  /** The deployed name, `<service>-<stage>-<key>` unless `name:` says. */
  name: string;
  /** e.g. `functions/sma.handler`. */
  handler: string;
  timeoutSeconds: number;
  memorySize: number;
}

/** Lambda's and the framework's defaults. */
const DEFAULT_TIMEOUT_SECONDS = 6;
const DEFAULT_MEMORY_SIZE = 1024;

const declarations = z.object({
  service: z.string(),
  provider: z.optional(
    z.object({
      timeout: z.optional(z.number()),
      memorySize: z.optional(z.number()),
    }),
  ),
  functions: z.record(
    z.string(),
    z.object({
      handler: z.string(),
      name: z.optional(z.string()),
      timeout: z.optional(z.number()),
      memorySize: z.optional(z.number()),
    }),
  ),
});

/**
 * The functions serverless.yml declares, named as for `stage`, their
 * handlers resolved as a deployment with these `--param`s would resolve
 * them (sendSms's follows the smsDriver param).
 */
export function readFunctionDeclarations(
  stage = DEFAULT_STAGE,
  file = SERVERLESS_FILE,
  params?: Record<string, string>,
): FunctionDeclaration[] {
  const config = loadServerlessConfig(file);
  const parsed = declarations.parse(config);
  const context: VariableContext = { config, stage, params };
  const service = resolveVariables(parsed.service, 'service', context);

  return Object.entries(parsed.functions).map(([key, declared]) => ({
    key,
    name:
      declared.name === undefined
        ? `${service}-${stage}-${key}`
        : resolveVariables(declared.name, `functions.${key}.name`, context),
    handler: resolveVariables(
      declared.handler,
      `functions.${key}.handler`,
      context,
    ),
    timeoutSeconds:
      declared.timeout ?? parsed.provider?.timeout ?? DEFAULT_TIMEOUT_SECONDS,
    memorySize:
      declared.memorySize ?? parsed.provider?.memorySize ?? DEFAULT_MEMORY_SIZE,
  }));
}

/** The function `key` as declared for `stage`; throws if there is none. */
export function declaredFunction(
  key: string,
  stage = DEFAULT_STAGE,
): FunctionDeclaration {
  const found = readFunctionDeclarations(stage).find((fn) => fn.key === key);
  if (found === undefined) {
    throw new Error(`serverless.yml declares no function ${key}`);
  }

  return found;
}
