/**
 * What the benchmark runs against: DynamoDB Local with the table from
 * serverless.yml and the sample menu, and the real sma and staff-api
 * handlers imported into this process with the environment the local
 * stack gives them, each with its DynamoDB requests counted.
 */
import type { Context } from 'aws-lambda';
import { parseMenu } from '../menu/menu-schema';
import sampleMenu from '../menu/sample-menu.json';
import { seedMenu } from '../storage/seed-menu';
import {
  createDocumentClient,
  createLocalDynamoDbClient,
} from '../local/document-client';
import {
  type DynamoDbLocal,
  startDynamoDbLocal,
} from '../local/dynamodb-local';
import { localFunctionEnvironment } from '../local/function-environment';
import { declaredFunction } from '../local/function-declarations';
import { lambdaContext } from '../local/lambda-clients';
import { guardAgainstOrphan } from '../local/orphan-guard';
import { ensureTable } from '../local/table';
import { countingClientsOf, RequestCounter } from './request-counter';

/** A handler as Lambda calls it. */
export type Handler = (event: unknown, context: Context) => Promise<unknown>;

/** A function loaded in this process, and its DynamoDB requests. */
export interface LoadedFunction {
  handler: Handler;
  requests: RequestCounter;
  /** A fresh Lambda context for one invocation. */
  context: () => Context;
}

/** The running stack. */
export interface BenchStack {
  endpoint: string;
  tableName: string;
  /** The functions' environment (serverless.yml's dev stage, local). */
  environment: Record<string, string>;
  sma: LoadedFunction;
  staffApi: LoadedFunction;
  /** Stops DynamoDB Local. */
  stop(): Promise<void>;
}

/**
 * DynamoDB Local's JVM spends its start in the JIT; C1 only roughly
 * halves it on two cores (as `npm start` does). Warmed up, it answers no
 * slower than with the optimizing compiler, whose threads compete for the
 * same two cores: over two full runs each way, the paced 50 calls' p99
 * was 6.9 and 8.0 ms against 9.9 and 9.2, and 50 callers back to back
 * 217 and 175 ms against 222 and 227. A developer's own setting is kept.
 */
const QUICK_JVM_START = '-XX:TieredStopAtLevel=1';

/**
 * Starts DynamoDB Local, creates and seeds the table, and imports the
 * handlers. Whatever started is stopped again if a later step fails.
 */
export async function startBenchStack(): Promise<BenchStack> {
  process.env.JAVA_TOOL_OPTIONS ??= QUICK_JVM_START;
  // Node 20 is what this machine runs and the lockfile pins SDK versions
  // that support it (see localSettings); the first client would warn.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dynamoDb = await startDynamoDbLocal();
  const guard = guardAgainstOrphan(dynamoDb.pid);
  const stop = async () => {
    guard.release();
    await dynamoDb.stop();
  };
  try {
    return { ...(await prepare(dynamoDb)), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function prepare(
  dynamoDb: DynamoDbLocal,
): Promise<Omit<BenchStack, 'stop'>> {
  const environment = localFunctionEnvironment({
    stage: 'dev',
    dynamodbEndpoint: dynamoDb.endpoint,
  });
  // Handlers read their configuration from process.env as they load.
  // Their logs would run through the table: failures show in it as calls
  // that placed no order. Cold starts log as deployed (function-costs).
  Object.assign(process.env, environment, { POWERTOOLS_LOG_LEVEL: 'SILENT' });
  const tableName = environment.TABLE_NAME ?? 'orders-dev';
  await prepareTable(dynamoDb.endpoint, tableName);

  return {
    endpoint: dynamoDb.endpoint,
    tableName,
    environment,
    sma: await loadFunction('sma', () => import('../../functions/sma')),
    staffApi: await loadFunction(
      'staffApi',
      () => import('../../functions/staff-api'),
    ),
  };
}

async function prepareTable(endpoint: string, tableName: string) {
  const admin = createLocalDynamoDbClient({ endpoint });
  const client = createDocumentClient({ endpoint });
  try {
    await ensureTable(admin, tableName);
    await seedMenu(client, tableName, parseMenu(sampleMenu));
  } finally {
    client.destroy();
    admin.destroy();
  }
}

async function loadFunction(
  name: string,
  load: () => Promise<{ handler: unknown }>,
): Promise<LoadedFunction> {
  const requests = new RequestCounter();
  const loaded = await countingClientsOf(requests, load);
  const declared = declaredFunction(name);

  return {
    // The handlers are typed for their own events; the benchmark hands
    // them the JSON Lambda would, which they validate themselves.
    handler: loaded.handler as Handler,
    requests,
    context: () => lambdaContext(declared.name, declared.timeoutSeconds),
  };
}
