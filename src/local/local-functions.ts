/**
 * Every function declared in serverless.yml, loaded into this process and
 * invoked as the Lambda runtime would: JSON in, JSON out, a thrown error
 * reported as a function error, and the function's timeout enforced.
 */
import { dirname, resolve } from 'node:path';
import type { Context } from 'aws-lambda';
import type { FunctionDeclaration } from './function-declarations';
import { lambdaContext, LambdaInvokeFailed } from './lambda-clients';
import type { InvokeLambda } from './lambda-delivery';
import { SERVERLESS_FILE } from './serverless-config';

/** A handler as Lambda calls it: the event, the context, a promise. */
type Handler = (event: unknown, context: Context) => unknown;

interface LoadedFunction extends FunctionDeclaration {
  run: Handler;
}

/** One invocation's outcome, as the Invoke API reports it. */
export interface InvocationResult {
  /** The handler's result, or the error, as JSON text. */
  payload: string;
  /** Set when the handler threw or timed out, as Lambda's header does. */
  functionError?: 'Unhandled';
}

/** No function of that name is served. */
export class FunctionNotFound extends Error {
  constructor(readonly functionName: string) {
    super(`Function not found: ${functionName}`);
    this.name = 'FunctionNotFound';
  }
}

/** A handler's module could not be loaded, or exports no handler. */
export class FunctionLoadFailed extends Error {
  constructor(fn: FunctionDeclaration, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`loading ${fn.handler} (function ${fn.key}) failed: ${detail}`, {
      cause,
    });
    this.name = 'FunctionLoadFailed';
  }
}

/** The payload sent to a function is not JSON. */
export class InvalidRequestContent extends Error {
  constructor(detail: string) {
    super(`Could not parse request body into json: ${detail}`);
    this.name = 'InvalidRequestContent';
  }
}

/** Where handlers' files are and how to load them. */
export interface LoadOptions {
  /** What handler paths are relative to. Default: serverless.yml's folder. */
  root?: string;
  /**
   * Loads a handler's module from its absolute path without extension.
   * Default: a dynamic import, which tsx resolves to the TypeScript file.
   */
  importModule?: (modulePath: string) => Promise<unknown>;
}

async function importByPath(modulePath: string): Promise<unknown> {
  return (await import(modulePath)) as unknown;
}

/** The functions of serverless.yml, ready to be invoked by name. */
export class LocalFunctions {
  private readonly byName: Map<string, LoadedFunction>;

  private constructor(loaded: LoadedFunction[]) {
    this.byName = new Map(loaded.map((fn) => [fn.name, fn]));
  }

  /**
   * Imports every handler. Handlers read their configuration when they are
   * imported, so the environment must be set before this is called.
   */
  static async load(
    declared: FunctionDeclaration[],
    options: LoadOptions = {},
  ): Promise<LocalFunctions> {
    const root = options.root ?? dirname(SERVERLESS_FILE);
    const importModule = options.importModule ?? importByPath;
    const loaded = await Promise.all(
      declared.map(async (fn) => ({
        ...fn,
        run: await importHandler(fn, root, importModule),
      })),
    );

    return new LocalFunctions(loaded);
  }

  /** The deployed name of the function under `key` in serverless.yml. */
  nameOf(key: string): string | undefined {
    return [...this.byName.values()].find((fn) => fn.key === key)?.name;
  }

  /** The deployed names of the functions served. */
  get names(): string[] {
    return [...this.byName.keys()];
  }

  /**
   * Invokes a function with a JSON payload, as Lambda's Invoke does. Throws
   * {@link FunctionNotFound} or {@link InvalidRequestContent} at once, before
   * the handler runs, so that an asynchronous invocation can still be
   * refused; what the handler throws is reported in the result instead.
   */
  invoke(functionName: string, payload: string): Promise<InvocationResult> {
    const fn = this.byName.get(functionName);
    if (fn === undefined) throw new FunctionNotFound(functionName);
    const event = parsePayload(payload);

    return run(fn, event);
  }

  /**
   * An invoker for the phone simulator: the same path as the HTTP API
   * takes, with a function error raised as {@link LambdaInvokeFailed}.
   */
  invoker(functionName: string): InvokeLambda {
    return async (event) => {
      const payload = JSON.stringify(event) as string | undefined;
      const result = await this.invoke(functionName, payload ?? '');
      if (result.functionError !== undefined) {
        throw new LambdaInvokeFailed(functionName, result.payload);
      }

      return JSON.parse(result.payload) as unknown;
    };
  }
}

async function run(
  fn: LoadedFunction,
  event: unknown,
): Promise<InvocationResult> {
  try {
    const result = await withinTimeout(
      Promise.resolve().then(() => fn.run(event, contextFor(fn))),
      fn.timeoutSeconds,
    );
    // A handler that returns nothing answers `null`, as Lambda does.
    const payload = JSON.stringify(result) as string | undefined;

    return { payload: payload ?? 'null' };
  } catch (error) {
    return { payload: errorPayload(error), functionError: 'Unhandled' };
  }
}

async function importHandler(
  fn: FunctionDeclaration,
  root: string,
  importModule: (modulePath: string) => Promise<unknown>,
): Promise<Handler> {
  const dot = fn.handler.lastIndexOf('.');
  if (dot < 0) {
    throw new Error(
      `functions.${fn.key}.handler is "${fn.handler}"; expected ` +
        '<file without extension>.<exported function>',
    );
  }
  const modulePath = resolve(root, fn.handler.slice(0, dot));
  const exportName = fn.handler.slice(dot + 1);
  const loaded = await importOrExplain(fn, modulePath, importModule);
  // Imported from CommonJS, the exports may sit under `default`.
  const fallback = loaded.default as Record<string, unknown> | undefined;
  const handler = loaded[exportName] ?? fallback?.[exportName];
  if (typeof handler !== 'function') {
    throw new Error(
      `functions.${fn.key}.handler is "${fn.handler}", but ${modulePath} ` +
        `exports no function named "${exportName}"`,
    );
  }

  return handler as Handler;
}

async function importOrExplain(
  fn: FunctionDeclaration,
  modulePath: string,
  importModule: (modulePath: string) => Promise<unknown>,
): Promise<Record<string, unknown>> {
  try {
    return (await importModule(modulePath)) as Record<string, unknown>;
  } catch (error) {
    // Handlers check their configuration as they load: say which one.
    throw new FunctionLoadFailed(fn, error);
  }
}

function parsePayload(payload: string): unknown {
  // Lambda hands a function invoked with no payload an empty object.
  if (payload.trim() === '') return {};
  try {
    return JSON.parse(payload) as unknown;
  } catch (error) {
    throw new InvalidRequestContent(
      error instanceof Error ? error.message : String(error),
    );
  }
}

function contextFor(fn: LoadedFunction): Context {
  return {
    ...lambdaContext(fn.name, fn.timeoutSeconds),
    memoryLimitInMB: String(fn.memorySize),
  };
}

/** Thrown in place of a result when a handler outlives its timeout. */
class TaskTimedOut extends Error {
  constructor(seconds: number) {
    super(`Task timed out after ${seconds.toFixed(2)} seconds`);
    this.name = 'Sandbox.Timedout';
  }
}

/**
 * Lambda freezes a function that times out; here the handler's promise
 * runs on unobserved, which is the closest a shared process can get.
 */
async function withinTimeout<T>(work: Promise<T>, seconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new TaskTimedOut(seconds));
    }, seconds * 1000);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The body Lambda sends for an unhandled error. */
function errorPayload(error: unknown): string {
  if (!(error instanceof Error)) {
    return JSON.stringify({ errorType: 'Error', errorMessage: String(error) });
  }

  return JSON.stringify({
    errorType: error.name,
    errorMessage: error.message,
    trace: error.stack?.split('\n') ?? [],
  });
}
