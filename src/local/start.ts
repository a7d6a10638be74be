/**
 * `npm start`: the whole system on this machine with no AWS account.
 * DynamoDB Local, every function behind the Lambda Invoke API, the staff
 * API, the order board, texts and emails, and a phone in the terminal to
 * place orders with.
 */
import { rmSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { YAMLException } from 'js-yaml';
import { DynamoDbOrderRepository } from '../storage/dynamodb-order-repository';
import { boardUrl } from './board-server';
import { createDocumentClient } from './document-client';
import { DynamoDbLocalStartFailed } from './dynamodb-local';
import type { HttpApiRequestLog } from './http-api-server';
import type { InvocationLog } from './lambda-invoke-server';
import { type LocalFiles, localFiles, writeStaffToken } from './local-files';
import { FunctionLoadFailed } from './local-functions';
import {
  type LocalStack,
  type StackPorts,
  startLocalStack,
} from './local-stack';
import { PortInUse } from './ports';
import { LocalSesPortInUse } from './ses-local';
import { UnresolvedVariable } from './serverless-variables';
import {
  DATA_DIRECTORY,
  PORT_FLAGS,
  readStartOptions,
  type StartOptions,
  USAGE,
  UsageError,
} from './start-options';
import { banner, type StaffAccess } from './start-banner';
import { runTerminalPhone } from './terminal-phone';

const ROOT = resolve(__dirname, '../..');

/** What the printed token may do, and for how long. */
const STAFF_TOKEN = {
  groups: ['staff', 'managers'],
  email: 'manager@example.com',
  expiresIn: '12h',
  /** The same span, as the banner says it. */
  lifetime: '12 h',
};

let stack: LocalStack | undefined;
let files: LocalFiles | undefined;
let stopping = false;

/**
 * Stops what runs and exits 0. A repeated signal changes nothing: the tsx
 * CLI relays a signal the process group already delivered, and stopping
 * takes a few seconds at most (DynamoDB Local is killed after 5 s).
 */
async function shutDown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  try {
    await stack?.stop();
  } finally {
    files?.removeTemporary();
    process.exit(0);
  }
}

function onSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      void shutDown();
    });
  }
}

async function main(args: string[]): Promise<void> {
  const options = readStartOptions(args);
  if (options === 'help') {
    process.stdout.write(USAGE);

    return;
  }
  onSignals();
  try {
    await run(options);
  } catch (error) {
    process.stderr.write(`${explain(error, options)}\n`);
    await stack?.stop();
    files?.removeTemporary();
    process.exit(1);
  }
}

async function run(options: StartOptions): Promise<void> {
  const dataDirectory = resolve(ROOT, DATA_DIRECTORY);
  if (options.reset) rmSync(dataDirectory, { recursive: true, force: true });
  files = localFiles(ROOT, options.inMemory);
  stack = await startLocalStack({
    ...options,
    dataDirectory: options.inMemory ? undefined : dataDirectory,
    outboxPath: files.outboxPath,
    onInvoke: options.verbose || !options.phone ? printInvocation : undefined,
    onRequest: options.verbose ? printRequest : undefined,
  });
  process.stdout.write(
    banner(stack, {
      ...options,
      dataDirectory: options.inMemory ? undefined : shown(dataDirectory),
      outbox: shown(files.outboxPath),
      outboxIsDefault: !files.temporary,
      staff: await staffAccess(stack, files.tokenPath),
      readyInMs: performance.now(),
    }),
  );
  if (options.phone) {
    await runPhone(stack, options);
    await shutDown();
  }
  // Without the phone, the servers keep the process alive until a signal.
}

/**
 * A path as the user would type it from where they ran npm start:
 * relative below there, absolute elsewhere (a temporary directory).
 */
function shown(path: string): string {
  const below = relative(process.cwd(), path);
  if (below.startsWith('..') || isAbsolute(below)) return path;

  return below || '.';
}

/** A token for the staff API and the board, written to `tokenPath`. */
async function staffAccess(
  running: LocalStack,
  tokenPath: string,
): Promise<StaffAccess> {
  const { groups, email, expiresIn } = STAFF_TOKEN;
  const token = await running.httpApi.auth.issueStaffToken({
    groups,
    email,
    expiresIn,
  });
  writeStaffToken(tokenPath, token);

  return {
    tokenPath: shown(tokenPath),
    validFor: STAFF_TOKEN.lifetime,
    boardLink: boardUrl({
      boardOrigin: running.board.origin,
      apiUrl: running.httpApi.endpoint,
      token,
    }),
  };
}

async function runPhone(
  running: LocalStack,
  options: StartOptions,
): Promise<void> {
  const client = createDocumentClient({ endpoint: running.dynamoDb.endpoint });
  const sma = running.functions.nameOf('sma');
  if (sma === undefined) throw new Error('serverless.yml declares no sma');
  // Imported now that the functions' environment is in process.env.
  const { localBotEngine } = await import('./local-bot');
  await runTerminalPhone({
    invoke: running.functions.invoker(sma),
    from: options.from,
    to: options.to,
    orders: new DynamoDbOrderRepository({
      client,
      tableName: running.tableName,
    }),
    botEngine: localBotEngine(),
  });
}

function printInvocation(invocation: InvocationLog): void {
  const failed = invocation.functionError === undefined ? '' : ' (failed)';
  process.stdout.write(
    `invoke ${invocation.functionName} ${invocation.status}${failed} ` +
      `${invocation.durationMs} ms\n`,
  );
}

function printRequest(request: HttpApiRequestLog): void {
  const refused = request.refused === undefined ? '' : ` (${request.refused})`;
  process.stdout.write(
    `http ${request.method} ${request.route} ${request.status}${refused} ` +
      `${request.durationMs} ms\n`,
  );
}

/** The one message a failed start prints, with what to do about it. */
function explain(error: unknown, options: StartOptions): string {
  if (error instanceof PortInUse || error instanceof LocalSesPortInUse) {
    return portAdvice(error.port, options);
  }
  if (error instanceof DynamoDbLocalStartFailed) {
    const old = error.message.includes('UnsupportedClassVersionError');

    return old
      ? `DynamoDB Local needs Java 17 or newer; \`java -version\` shows ` +
          `the one on PATH.\n${error.message}`
      : error.message;
  }
  if (error instanceof FunctionLoadFailed) return error.message;
  // Its message points at the line and shows it; the stack adds nothing.
  if (error instanceof YAMLException) return error.message;
  if (error instanceof UnresolvedVariable) {
    return `serverless.yml: ${error.message}`;
  }

  return error instanceof Error
    ? (error.stack ?? error.message)
    : String(error);
}

/** What each port is for, as the advice on a taken port names it. */
const PORT_PURPOSES: Record<keyof StackPorts, string> = {
  dynamoDbPort: 'DynamoDB Local',
  lambdaPort: 'the Lambda Invoke API',
  httpPort: 'the staff API',
  sesPort: 'the local SES (mailbox page)',
  boardPort: 'the order board',
};

function portAdvice(port: number, options: StartOptions): string {
  const keys = Object.keys(PORT_FLAGS) as (keyof StackPorts)[];
  const key = keys.find((name) => options[name] === port);
  if (key === undefined) return `Port ${port} is already in use.`;

  return (
    `Port ${port}, wanted for ${PORT_PURPOSES[key]}, is already in use ` +
    `(another npm start, serverless-offline or DynamoDB Local?).\n` +
    `Stop that program, or choose another port: ` +
    `npm start -- ${PORT_FLAGS[key]} <port>`
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Only the command line is left to fail here: run() explains the rest.
  const usage = error instanceof UsageError;
  process.stderr.write(
    usage ? `${error.message}\n\n${USAGE}` : `${String(error)}\n`,
  );
  process.exit(usage ? 2 : 1);
});
