/**
 * The embedded stack behind `npm start`: DynamoDB Local with the table from
 * serverless.yml and the sample menu, every function loaded in process with
 * its serverless.yml environment, and the Lambda Invoke API in front.
 */
import { parseMenu } from '../menu/menu-schema';
import sampleMenu from '../menu/sample-menu.json';
import { DynamoDbMenuRepository } from '../storage/dynamodb-menu-repository';
import { seedMenu } from '../storage/seed-menu';
import {
  createDocumentClient,
  createLocalDynamoDbClient,
} from './document-client';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local';
import { localFunctionEnvironment } from './function-environment';
import {
  type InvocationLog,
  type LambdaInvokeServer,
  startLambdaInvokeServer,
} from './lambda-invoke-server';
import { readFunctionDeclarations } from './function-declarations';
import { LocalFunctions } from './local-functions';
import { guardAgainstOrphan } from './orphan-guard';
import { ensurePortFree } from './ports';
import { ensureTable } from './table';

/** How to run the stack. */
export interface LocalStackOptions {
  stage: string;
  dynamoDbPort: number;
  lambdaPort: number;
  /** Where DynamoDB Local keeps its file; in memory when omitted. */
  dataDirectory?: string;
  /** Show the functions' INFO logs. */
  verbose?: boolean;
  onInvoke?: (invocation: InvocationLog) => void;
}

/** What the menu looked like once the stack was up. */
export interface MenuState {
  /** True when the sample menu was written on this start. */
  seeded: boolean;
  items: number;
  unavailable: number;
}

/** A running stack. */
export interface LocalStack {
  dynamoDb: DynamoDbLocal;
  lambda: LambdaInvokeServer;
  functions: LocalFunctions;
  tableName: string;
  /** What the functions run with, serverless.yml's and the local settings. */
  environment: Record<string, string>;
  menu: MenuState;
  /** Stops the HTTP server, then DynamoDB Local. */
  stop(): Promise<void>;
}

/**
 * Starts the stack. Rejects with `PortInUse` before starting anything when
 * a port is taken, or with DynamoDB Local's start-up error; whatever had
 * started by then is stopped again.
 */
export async function startLocalStack(
  options: LocalStackOptions,
): Promise<LocalStack> {
  await ensurePortFree(options.lambdaPort);
  await ensurePortFree(options.dynamoDbPort);
  const environment = applyEnvironment(options);
  const tableName = requireTableName(environment);

  // The JVM takes seconds to open its port; load the handlers meanwhile.
  const [dynamoDb, functions] = await startBoth(options);
  const guard = guardAgainstOrphan(dynamoDb.pid);
  const stopDynamoDb = async () => {
    guard.release();
    await dynamoDb.stop();
  };
  try {
    const menu = await prepareTable(dynamoDb.endpoint, tableName);
    const lambda = await startLambdaInvokeServer({
      functions,
      port: options.lambdaPort,
      onInvoke: options.onInvoke,
    });
    const stop = async () => {
      await lambda.close();
      await stopDynamoDb();
    };

    return { dynamoDb, lambda, functions, tableName, environment, menu, stop };
  } catch (error) {
    await stopDynamoDb();
    throw error;
  }
}

/**
 * Puts the functions' environment into process.env, where handlers read
 * their configuration when they are imported.
 */
function applyEnvironment(options: LocalStackOptions): Record<string, string> {
  const environment = localFunctionEnvironment({
    stage: options.stage,
    dynamodbEndpoint: `http://127.0.0.1:${options.dynamoDbPort}`,
    verbose: options.verbose,
  });
  Object.assign(process.env, environment);

  return environment;
}

function requireTableName(environment: Record<string, string>): string {
  const tableName = environment.TABLE_NAME;
  if (tableName === undefined) {
    throw new Error('provider.environment in serverless.yml has no TABLE_NAME');
  }

  return tableName;
}

/**
 * C1-only compilation: DynamoDB Local's JVM spends most of its start in
 * the JIT, and the optimizing compiler's threads compete for the CPU; this
 * roughly halved the time to its first answer here (5.8 s to 3.0 s on two
 * busy cores). The local workload never needs the optimized code. The
 * variable reaches the JVM through the inherited environment; one a
 * developer set is kept.
 */
const QUICK_JVM_START = '-XX:TieredStopAtLevel=1';

async function startBoth(
  options: LocalStackOptions,
): Promise<[DynamoDbLocal, LocalFunctions]> {
  process.env.JAVA_TOOL_OPTIONS ??= QUICK_JVM_START;
  const [dynamoDb, functions] = await Promise.allSettled([
    startDynamoDbLocal({
      port: options.dynamoDbPort,
      dataDirectory: options.dataDirectory,
    }),
    LocalFunctions.load(readFunctionDeclarations(options.stage)),
  ]);
  if (dynamoDb.status === 'rejected') throw dynamoDb.reason;
  if (functions.status === 'rejected') {
    await dynamoDb.value.stop();
    throw functions.reason;
  }

  return [dynamoDb.value, functions.value];
}

/**
 * Creates the table if this is its first start and seeds the sample menu
 * only into a table with no menu, so an item staff marked unavailable
 * stays so across restarts.
 */
async function prepareTable(
  endpoint: string,
  tableName: string,
): Promise<MenuState> {
  const admin = createLocalDynamoDbClient({ endpoint });
  const client = createDocumentClient({ endpoint });
  try {
    await ensureTable(admin, tableName);
    const menus = new DynamoDbMenuRepository({ client, tableName });
    let menu = await menus.getMenu();
    const seeded = menu.items.length === 0;
    if (seeded) {
      await seedMenu(client, tableName, parseMenu(sampleMenu));
      menu = parseMenu(sampleMenu);
    }
    const unavailable = menu.items.filter((item) => !item.available).length;

    return { seeded, items: menu.items.length, unavailable };
  } finally {
    client.destroy();
    admin.destroy();
  }
}
