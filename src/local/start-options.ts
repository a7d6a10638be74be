/**
 * The command line of `npm start`: what it accepts, its defaults, and the
 * help text.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_STAGE } from './function-environment';
import { DEFAULT_LAMBDA_PORT } from './lambda-invoke-server';

/** DynamoDB Local's usual port. */
export const DEFAULT_DYNAMODB_PORT = 8000;

/** A fixed caller, so that a second call is from a returning customer. */
export const DEMO_CALLER = '+15555550123';
/** The restaurant's number as the simulated phone dials it. */
export const DEMO_RESTAURANT = '+15555550100';

/** Where DynamoDB Local keeps its data, relative to the repository. */
export const DATA_DIRECTORY = '.local-data/dynamodb';

/** What `npm start` was asked to do. */
export interface StartOptions {
  stage: string;
  dynamoDbPort: number;
  lambdaPort: number;
  inMemory: boolean;
  reset: boolean;
  phone: boolean;
  from: string;
  to: string;
  verbose: boolean;
}

export const USAGE = `Run the phone ordering system locally, with no AWS account.

  npm start                       DynamoDB Local, the functions, and a phone
  npm start -- --no-phone         the same without the phone; Ctrl-C stops

Options:
  --stage <name>          the serverless.yml stage (default ${DEFAULT_STAGE})
  --dynamodb-port <port>  DynamoDB Local's port (default ${DEFAULT_DYNAMODB_PORT})
  --lambda-port <port>    the Lambda Invoke API's port (default ${DEFAULT_LAMBDA_PORT})
  --in-memory             keep no data between runs
  --reset                 wipe ${DATA_DIRECTORY} first (fresh menu, no orders)
  --no-phone              serve only; no call in this terminal
  --from <number>         the caller's number (default ${DEMO_CALLER})
  --to <number>           the number dialled (default ${DEMO_RESTAURANT})
  --verbose               show the functions' INFO logs and each invocation
  --help                  this text
`;

/** Bad command-line options; the message is for the person who typed them. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const OPTIONS = {
  stage: { type: 'string', default: DEFAULT_STAGE },
  'dynamodb-port': { type: 'string' },
  'lambda-port': { type: 'string' },
  'in-memory': { type: 'boolean', default: false },
  reset: { type: 'boolean', default: false },
  'no-phone': { type: 'boolean', default: false },
  from: { type: 'string', default: DEMO_CALLER },
  to: { type: 'string', default: DEMO_RESTAURANT },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

const E164 = /^\+[1-9]\d{1,14}$/;
const STAGE = /^[a-zA-Z0-9-]+$/;

/** Reads the command line; `help` when the help text was asked for. */
export function readStartOptions(args: string[]): StartOptions | 'help' {
  const values = parse(args);
  if (values.help) return 'help';
  if (!STAGE.test(values.stage)) {
    throw new UsageError('--stage may hold letters, digits and dashes only');
  }

  const dynamoDbPort =
    port('--dynamodb-port', values['dynamodb-port']) ?? DEFAULT_DYNAMODB_PORT;
  const lambdaPort =
    port('--lambda-port', values['lambda-port']) ?? DEFAULT_LAMBDA_PORT;
  if (dynamoDbPort === lambdaPort) {
    throw new UsageError('--dynamodb-port and --lambda-port must differ');
  }

  return {
    stage: values.stage,
    dynamoDbPort,
    lambdaPort,
    inMemory: values['in-memory'],
    reset: values.reset,
    phone: !values['no-phone'],
    from: phoneNumber('--from', values.from),
    to: phoneNumber('--to', values.to),
    verbose: values.verbose,
  };
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS }).values;
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? error.message : String(error),
    );
  }
}

function port(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new UsageError(`${option} must be a port number, 1 to 65535`);
  }

  return value;
}

function phoneNumber(option: string, value: string): string {
  if (!E164.test(value)) {
    throw new UsageError(`${option} must be an E.164 number like +15555550100`);
  }

  return value;
}
