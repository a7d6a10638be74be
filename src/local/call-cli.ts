import { connect } from 'node:net';
import { parseArgs } from 'node:util';

import type { BotEngine } from './bot-engine';
import type { CallRecord } from './call-record';
import { summaryLine, transcriptLine } from './call-summary';
import {
  CallerScriptError,
  parseCallerScript,
  ScriptedCallerInput,
  type CallerAction,
  type CallerInput,
} from './caller-input';
import {
  LOCAL_BOT_ALIAS_ARN,
  localFunctionEnvironment,
} from './function-environment';
import {
  invokeInProcess,
  invokeOverHttp,
  OFFLINE_LAMBDA_ENDPOINT,
  type LambdaHandler,
} from './lambda-clients';
import type { InvokeLambda } from './lambda-delivery';
import { PhoneSimulator } from './phone-simulator';
import { TerminalCallerInput } from './terminal-caller-input';
import type { TranscriptEntry } from './transcript';

const USAGE = `Place a simulated phone call to the ordering line.

  npm run call                          interactive: type keys, words, h
  npm run call -- --keys "1 2 # _ 3"    scripted call, then a transcript

Options:
  --keys <script>     keys 0-9 * #, _ for silence, hangup, say:words or "words"
  --from <number>     the caller's number (default +15555550123)
  --to <number>       the number dialled (default +15555550100)
  --duplicate         deliver every event twice, as Chime does when slow
  --function <name>   invoke this function through the Lambda Invoke API
  --endpoint <url>    where that API is (default ${OFFLINE_LAMBDA_ENDPOINT})
  --silence-ms <ms>   how long the caller waits in silence (default 10000)
`;

const E164 = /^\+[1-9]\d{1,14}$/;

/** Bad command-line options; the message is for the person who typed them. */
class UsageError extends Error {}

interface CliOptions {
  /** The parsed `--keys` script; absent for an interactive call. */
  script?: CallerAction[] | undefined;
  from: string;
  to: string;
  duplicate: boolean;
  functionName?: string | undefined;
  endpoint: string;
  silenceTimeoutMs?: number | undefined;
}

const OPTIONS = {
  keys: { type: 'string' },
  from: { type: 'string', default: '+15555550123' },
  to: { type: 'string', default: '+15555550100' },
  duplicate: { type: 'boolean', default: false },
  function: { type: 'string' },
  endpoint: { type: 'string' },
  'silence-ms': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS }).values;
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? error.message : String(error),
    );
  }
}

function readOptions(args: string[]): CliOptions | 'help' {
  const values = parse(args);
  if (values.help) return 'help';
  if (values.endpoint !== undefined && values.function === undefined) {
    throw new UsageError('--endpoint needs --function <name>');
  }

  return {
    script: values.keys === undefined ? undefined : script(values.keys),
    from: phoneNumber('--from', values.from),
    to: phoneNumber('--to', values.to),
    duplicate: values.duplicate,
    functionName: values.function,
    endpoint: values.endpoint ?? OFFLINE_LAMBDA_ENDPOINT,
    silenceTimeoutMs: milliseconds(values['silence-ms']),
  };
}

function script(keys: string): CallerAction[] {
  try {
    return parseCallerScript(keys);
  } catch (error) {
    if (error instanceof CallerScriptError) throw new UsageError(error.message);
    throw error;
  }
}

function phoneNumber(option: string, value: string): string {
  if (!E164.test(value)) {
    throw new UsageError(`${option} must be an E.164 number like +15555550100`);
  }

  return value;
}

function milliseconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new UsageError('--silence-ms must be a whole number of milliseconds');
  }

  return value;
}

/** The Lambda a call invokes, and the bot that plays Lex after "2". */
interface Phone {
  invoke: InvokeLambda;
  botEngine?: BotEngine | undefined;
}

/** functions/sma.ts in this process, and the local bot on its table. */
async function inProcessPhone(): Promise<Phone> {
  // The handler's structured logs and metrics are for CloudWatch; on this
  // terminal only the phone call should show, unless they were asked for.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  // This process plays Lex too, so the handler may offer voice ordering.
  process.env.BOT_ALIAS_ARN ??= LOCAL_BOT_ALIAS_ARN;
  await useLocalStackEnvironment();
  const sma = await import('../../functions/sma');
  const { localBotEngine } = await import('./local-bot');

  // The handler is typed for its own event; the simulator sends that event
  // as plain data, which the handler validates itself.
  const handler: unknown = sma.handler;

  return {
    invoke: invokeInProcess(handler as LambdaHandler),
    botEngine: localBotEngine(),
  };
}

/** Where `npm start` serves DynamoDB Local unless told otherwise. */
const LOCAL_DYNAMODB = 'http://127.0.0.1:8000';

/**
 * With no configuration in the shell, the handler gets what `npm start`
 * gives its functions, on the table `npm start` serves: orders placed here
 * are the stack's orders. Without a running stack there is no table, and
 * the caller would only hear the fail-safe apology: say so instead.
 */
async function useLocalStackEnvironment(): Promise<void> {
  if (process.env.TABLE_NAME !== undefined) return;
  const dynamodbEndpoint = process.env.DYNAMODB_ENDPOINT ?? LOCAL_DYNAMODB;
  const environment = localFunctionEnvironment({ dynamodbEndpoint });
  for (const [name, value] of Object.entries(environment)) {
    process.env[name] ??= value;
  }
  if (!(await answers(dynamodbEndpoint))) {
    throw new UsageError(
      `nothing answers at ${dynamodbEndpoint}: start the stack first ` +
        '(npm start, in another terminal), or set TABLE_NAME and ' +
        'DYNAMODB_ENDPOINT for your own table',
    );
  }
}

/** Whether something accepts connections at an http URL's host and port. */
function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);

  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 80) });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    for (const failure of ['error', 'timeout']) {
      socket.once(failure, () => {
        socket.destroy();
        resolve(false);
      });
    }
  });
}

/**
 * The function behind a Lambda Invoke API, and a bot whose code hook is
 * that API's lexHook, as Lex invokes it: deployed names differ only in
 * their last part (`phone-orders-dev-sma`, `phone-orders-dev-lexHook`).
 */
async function phoneOverHttp(
  endpoint: string,
  functionName: string,
): Promise<Phone> {
  const invoke = invokeOverHttp(endpoint, functionName);
  if (!functionName.endsWith('-sma')) return { invoke };
  const { botEngineWithHook } = await import('./local-bot');
  const hook = functionName.replace(/-sma$/, '-lexHook');

  return {
    invoke,
    botEngine: botEngineWithHook(invokeOverHttp(endpoint, hook)),
  };
}

function printLive(entry: TranscriptEntry): void {
  // The person at the terminal typed the keys and words: no echo.
  if (entry.kind === 'pressed' || entry.kind === 'said') return;
  process.stdout.write(`${transcriptLine(entry)}\n`);
}

function simulatorFor(options: CliOptions, phone: Phone) {
  return new PhoneSimulator({
    ...phone,
    from: options.from,
    to: options.to,
    duplicateDelivery: options.duplicate,
    ...(options.silenceTimeoutMs === undefined
      ? {}
      : { silenceTimeoutMs: options.silenceTimeoutMs }),
    // A scripted call prints its transcript at the end instead.
    ...(options.script === undefined ? { onTranscript: printLive } : {}),
  });
}

async function placeCall(options: CliOptions): Promise<CallRecord> {
  const phone =
    options.functionName === undefined
      ? await inProcessPhone()
      : await phoneOverHttp(options.endpoint, options.functionName);
  const input: CallerInput & { close?: () => void } =
    options.script === undefined
      ? new TerminalCallerInput()
      : new ScriptedCallerInput(options.script);
  try {
    return await simulatorFor(options, phone).call(input);
  } finally {
    input.close?.();
  }
}

async function main(args: string[]): Promise<number> {
  const options = readOptions(args);
  if (options === 'help') {
    process.stdout.write(USAGE);

    return 0;
  }

  const record = await placeCall(options);
  if (options.script !== undefined) {
    for (const entry of record.transcript) {
      process.stdout.write(`${transcriptLine(entry)}\n`);
    }
  }
  process.stdout.write(`${summaryLine(record, options.duplicate)}\n`);

  return record.ending === 'failed' ? 1 : 0;
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  if (error instanceof UsageError) process.stderr.write(`\n${USAGE}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, fail);
