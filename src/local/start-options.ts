/**
 * The command line of `npm start`: what it accepts, its defaults, and the
 * help text.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_BOARD_PORT } from './board-server';
import { DEFAULT_STAGE } from './function-environment';
import { DEFAULT_HTTP_API_PORT } from './http-api-server';
import { DEFAULT_LAMBDA_PORT } from './lambda-invoke-server';
import type { StackPorts } from './local-stack';

/** DynamoDB Local's usual port. */
export const DEFAULT_DYNAMODB_PORT = 8000;

/** aws-ses-v2-local's own default port, so its README's examples work. */
export const DEFAULT_SES_PORT = 8005;

/** A fixed caller, so that a second call is from a returning customer. */
export const DEMO_CALLER = '+15555550123';
/** The restaurant's number as the simulated phone dials it. */
export const DEMO_RESTAURANT = '+15555550100';

/** Where DynamoDB Local keeps its data, relative to the repository. */
export const DATA_DIRECTORY = '.local-data/dynamodb';

/** What `npm start` was asked to do. */
export interface StartOptions extends StackPorts {
  stage: string;
  inMemory: boolean;
  reset: boolean;
  phone: boolean;
  from: string;
  to: string;
  verbose: boolean;
}

export const USAGE = `Run the phone ordering system locally, with no AWS account.

  npm start                       the whole system, and a phone to call it
  npm start -- --no-phone         the same without the phone; Ctrl-C stops

Options:
  --stage <name>          the serverless.yml stage (default ${DEFAULT_STAGE})
  --dynamodb-port <port>  DynamoDB Local's port (default ${DEFAULT_DYNAMODB_PORT})
  --lambda-port <port>    the Lambda Invoke API's port (default ${DEFAULT_LAMBDA_PORT})
  --http-port <port>      the staff API's port (default ${DEFAULT_HTTP_API_PORT})
  --ses-port <port>       the local SES and its mailbox page (default ${DEFAULT_SES_PORT})
  --board-port <port>     the order board's port (default ${DEFAULT_BOARD_PORT})
  --in-memory             keep no data between runs (texts in a temp dir)
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
  'http-port': { type: 'string' },
  'ses-port': { type: 'string' },
  'board-port': { type: 'string' },
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

  return {
    stage: values.stage,
    ...ports(values),
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

/** The option that sets each port, for messages about it. */
export const PORT_FLAGS: Record<keyof StackPorts, string> = {
  dynamoDbPort: '--dynamodb-port',
  lambdaPort: '--lambda-port',
  httpPort: '--http-port',
  sesPort: '--ses-port',
  boardPort: '--board-port',
};

function ports(values: ReturnType<typeof parse>): StackPorts {
  const chosen: StackPorts = {
    dynamoDbPort:
      port('--dynamodb-port', values['dynamodb-port']) ?? DEFAULT_DYNAMODB_PORT,
    lambdaPort:
      port('--lambda-port', values['lambda-port']) ?? DEFAULT_LAMBDA_PORT,
    httpPort: port('--http-port', values['http-port']) ?? DEFAULT_HTTP_API_PORT,
    sesPort: port('--ses-port', values['ses-port']) ?? DEFAULT_SES_PORT,
    boardPort: port('--board-port', values['board-port']) ?? DEFAULT_BOARD_PORT,
  };
  assertDistinct(chosen);

  return chosen;
}

/** Two services cannot share a port: the second would fail to start. */
function assertDistinct(ports: StackPorts): void {
  const seen = new Map<number, string>();
  for (const key of Object.keys(PORT_FLAGS) as (keyof StackPorts)[]) {
    const flag = PORT_FLAGS[key];
    const other = seen.get(ports[key]);
    if (other !== undefined) {
      throw new UsageError(`${other} and ${flag} must differ`);
    }
    seen.set(ports[key], flag);
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
