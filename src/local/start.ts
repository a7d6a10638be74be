/**
 * `npm start`: the whole system on this machine with no AWS account.
 * DynamoDB Local, every function behind the Lambda Invoke API, and a phone
 * in the terminal to place orders with.
 */
import { rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { YAMLException } from 'js-yaml';
import { DynamoDbOrderRepository } from '../storage/dynamodb-order-repository';
import { createDocumentClient } from './document-client';
import { DynamoDbLocalStartFailed } from './dynamodb-local';
import type { InvocationLog } from './lambda-invoke-server';
import { FunctionLoadFailed } from './local-functions';
import { type LocalStack, startLocalStack } from './local-stack';
import { PortInUse } from './ports';
import { UnresolvedVariable } from './serverless-variables';
import {
  DATA_DIRECTORY,
  readStartOptions,
  type StartOptions,
  USAGE,
  UsageError,
} from './start-options';
import { banner } from './start-banner';
import { runTerminalPhone } from './terminal-phone';

const ROOT = resolve(__dirname, '../..');

let stack: LocalStack | undefined;
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
    process.exit(1);
  }
}

async function run(options: StartOptions): Promise<void> {
  const dataDirectory = resolve(ROOT, DATA_DIRECTORY);
  if (options.reset) rmSync(dataDirectory, { recursive: true, force: true });
  stack = await startLocalStack({
    stage: options.stage,
    dynamoDbPort: options.dynamoDbPort,
    lambdaPort: options.lambdaPort,
    dataDirectory: options.inMemory ? undefined : dataDirectory,
    verbose: options.verbose,
    onInvoke: options.verbose || !options.phone ? printInvocation : undefined,
  });
  process.stdout.write(
    banner(stack, {
      ...options,
      dataDirectory: options.inMemory
        ? undefined
        : relative(process.cwd(), dataDirectory) || '.',
      readyInMs: performance.now(),
    }),
  );
  if (options.phone) {
    await runPhone(stack, options);
    await shutDown();
  }
  // Without the phone, the servers keep the process alive until a signal.
}

async function runPhone(
  running: LocalStack,
  options: StartOptions,
): Promise<void> {
  const client = createDocumentClient({ endpoint: running.dynamoDb.endpoint });
  const sma = running.functions.nameOf('sma');
  if (sma === undefined) throw new Error('serverless.yml declares no sma');
  await runTerminalPhone({
    invoke: running.functions.invoker(sma),
    from: options.from,
    to: options.to,
    orders: new DynamoDbOrderRepository({
      client,
      tableName: running.tableName,
    }),
  });
}

function printInvocation(invocation: InvocationLog): void {
  const failed = invocation.functionError === undefined ? '' : ' (failed)';
  process.stdout.write(
    `invoke ${invocation.functionName} ${invocation.status}${failed} ` +
      `${invocation.durationMs} ms\n`,
  );
}

/** The one message a failed start prints, with what to do about it. */
function explain(error: unknown, options: StartOptions): string {
  if (error instanceof PortInUse) return portAdvice(error.port, options);
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

function portAdvice(port: number, options: StartOptions): string {
  const lambda = port === options.lambdaPort;
  const flag = lambda ? '--lambda-port' : '--dynamodb-port';
  const what = lambda ? 'the Lambda Invoke API' : 'DynamoDB Local';

  return (
    `Port ${port}, wanted for ${what}, is already in use (another ` +
    `npm start, serverless-offline or DynamoDB Local?).\n` +
    `Stop that program, or choose another port: npm start -- ${flag} <port>`
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
