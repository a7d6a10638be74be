/**
 * The embedded stack behind `npm start`: DynamoDB Local with the table from
 * serverless.yml and the sample menu, every function loaded in process with
 * its serverless.yml environment, the Lambda Invoke API in front, and on
 * top the staff API, the order board and the notification pipeline
 * (stack-services.ts).
 */
import { parseMenu } from '../menu/menu-schema';
import sampleMenu from '../menu/sample-menu.json';
import { DynamoDbMenuRepository } from '../storage/dynamodb-menu-repository';
import { seedMenu } from '../storage/seed-menu';
import type { BoardServer } from './board-server';
import {
  createDocumentClient,
  createLocalDynamoDbClient,
} from './document-client';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local';
import {
  LOCAL_BOT_ALIAS_ARN,
  localFunctionEnvironment,
} from './function-environment';
import type { HttpApi, HttpApiRequestLog } from './http-api-server';
import {
  type InvocationLog,
  type LambdaInvokeServer,
  startLambdaInvokeServer,
} from './lambda-invoke-server';
import { readFunctionDeclarations } from './function-declarations';
import { LocalFunctions } from './local-functions';
import type { NotificationPipeline } from './notification-pipeline';
import { guardAgainstOrphan } from './orphan-guard';
import { ensurePortFree } from './ports';
import { startStackServices } from './stack-services';
import { ensureTable } from './table';

/** The port of each service. */
export interface StackPorts {
  dynamoDbPort: number;
  lambdaPort: number;
  /** The staff API. */
  httpPort: number;
  /** The local SES and its mailbox page. */
  sesPort: number;
  boardPort: number;
}

/** How to run the stack. */
export interface LocalStackOptions extends StackPorts {
  stage: string;
  /** Where DynamoDB Local keeps its file; in memory when omitted. */
  dataDirectory?: string;
  /** The SMS outbox file; dead letters go beside it. */
  outboxPath: string;
  /** Show the functions' INFO logs. */
  verbose?: boolean;
  onInvoke?: (invocation: InvocationLog) => void;
  onRequest?: (request: HttpApiRequestLog) => void;
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
  /** The staff API, with the local user pool that issues its tokens. */
  httpApi: HttpApi;
  board: BoardServer;
  notifications: NotificationPipeline;
  /** Where texts go. */
  outboxPath: string;
  tableName: string;
  /** What the functions run with, serverless.yml's and the local settings. */
  environment: Record<string, string>;
  menu: MenuState;
  /** Stops everything, the last started first, DynamoDB Local at the end. */
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
  await ensurePortsFree(options);
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
    const serving = await startServing(options, {
      functions,
      tableName,
      environment,
      dynamodbEndpoint: dynamoDb.endpoint,
    });
    const stop = async () => {
      try {
        await serving.stop();
      } finally {
        await stopDynamoDb();
      }
    };

    return { ...serving, dynamoDb, functions, menu, stop };
  } catch (error) {
    await stopDynamoDb();
    throw error;
  }
}

/** Every port, checked before anything starts. */
async function ensurePortsFree(ports: StackPorts): Promise<void> {
  await ensurePortFree(ports.lambdaPort);
  await ensurePortFree(ports.dynamoDbPort);
  await ensurePortFree(ports.boardPort);
  await ensurePortFree(ports.httpPort);
  await ensurePortFree(ports.sesPort);
}

/** What the servers in front of the table share. */
interface ServingContext {
  functions: LocalFunctions;
  tableName: string;
  environment: Record<string, string>;
  dynamodbEndpoint: string;
}

/** The Lambda Invoke API, then the services on top of the functions. */
async function startServing(
  options: LocalStackOptions,
  context: ServingContext,
) {
  const lambda = await startLambdaInvokeServer({
    functions: context.functions,
    port: options.lambdaPort,
    onInvoke: options.onInvoke,
  });
  try {
    const services = await startStackServices({ ...options, ...context });
    const stop = async () => {
      try {
        await services.stop();
      } finally {
        await lambda.close();
      }
    };

    return {
      ...context,
      ...services,
      lambda,
      outboxPath: options.outboxPath,
      stop,
    };
  } catch (error) {
    await lambda.close();
    throw error;
  }
}

/**
 * Puts the functions' environment into process.env, where handlers read
 * their configuration when they are imported.
 */
function applyEnvironment(options: LocalStackOptions): Record<string, string> {
  const environment = {
    ...localFunctionEnvironment({
      stage: options.stage,
      dynamodbEndpoint: `http://127.0.0.1:${options.dynamoDbPort}`,
      verbose: options.verbose,
    }),
    ...localSendingSettings(options),
    // Voice is offered once an alias is known. One set in the shell is
    // kept: a deployed bot's (BOT_ENGINE=lex-runtime), or '' for no voice.
    BOT_ALIAS_ARN: process.env.BOT_ALIAS_ARN ?? LOCAL_BOT_ALIAS_ARN,
  };
  Object.assign(process.env, environment);

  return environment;
}

/**
 * Texts into the outbox and emails to the local SES, as the pipeline's
 * consumers send them, so that sendSms and sendEmail invoked through the
 * Invoke API send locally too instead of trying AWS with dummy keys.
 */
function localSendingSettings(
  options: LocalStackOptions,
): Record<string, string> {
  return {
    SMS_DRIVER: 'outbox',
    SMS_OUTBOX_PATH: options.outboxPath,
    SES_ENDPOINT: `http://127.0.0.1:${options.sesPort}`,
  };
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
