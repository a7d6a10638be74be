/**
 * What `npm start` prints once everything answers: each endpoint, what it
 * holds, and how to reach it from other tools.
 */
import type { LocalStack } from './local-stack';

/** How a person signs in to the staff API and the board. */
export interface StaffAccess {
  /** The file holding a staff token, as the user would type it. */
  tokenPath: string;
  /** How long the token lasts, e.g. `12 h`. */
  validFor: string;
  /** The board, signed in with the token. */
  boardLink: string;
}

/** The facts the banner reports besides the stack itself. */
export interface BannerFacts {
  stage: string;
  phone: boolean;
  /** Where the data lives, as the user would type it; none in memory. */
  dataDirectory?: string;
  /** The SMS outbox, as the user would type it. */
  outbox: string;
  /** True when `npm run sms-outbox` reads it with no argument. */
  outboxIsDefault: boolean;
  staff: StaffAccess;
  /** Time from process start until the endpoints answered. */
  readyInMs: number;
}

const LABEL_WIDTH = 19;

function row(label: string, text: string): string {
  return `  ${label.padEnd(LABEL_WIDTH)}${text}\n`;
}

/** The start-up banner, ending with a newline. */
export function banner(stack: LocalStack, facts: BannerFacts): string {
  const seconds = (facts.readyInMs / 1000).toFixed(1);

  return [
    `Phone orders is running locally, stage ${facts.stage} ` +
      `(ready in ${seconds} s).\n\n`,
    endpointRows(stack, facts),
    serviceRows(stack, facts),
    '\n',
    staffApiExample(stack, facts.staff),
    '\n',
    otherTools(stack),
    '\n',
    'The order board, signed in (the token stays in the browser):\n',
    `  ${facts.staff.boardLink}\n`,
    '\n',
    facts.phone
      ? 'The phone rings below. Type keys at the prompt (1, 12#), an empty ' +
        'line for silence,\nh to hang up. After 2, type what you would say ' +
        'to the bot. Ctrl-C stops everything.\n'
      : 'Serving until Ctrl-C.\n',
  ].join('');
}

/** The staff API, the board, texts and emails: one line each. */
function serviceRows(stack: LocalStack, facts: BannerFacts): string {
  const texts = facts.outboxIsDefault
    ? `${facts.outbox}  (npm run sms-outbox)`
    : `npm run sms-outbox -- ${facts.outbox}`;

  return [
    row(
      'Staff API',
      `${stack.httpApi.endpoint}  (token for ${facts.staff.validFor} below)`,
    ),
    row('Order board', `${stack.board.url}  (signed-in link below)`),
    row('Emails (SES)', `${stack.notifications.mailboxUrl}  (mailbox page)`),
    row('Texts (SMS)', texts),
  ].join('');
}

function staffApiExample(stack: LocalStack, staff: StaffAccess): string {
  const orders = `${stack.httpApi.endpoint}/orders?status=PLACED`;

  return [
    'The staff API, as staff and manager (the token is in the file):\n',
    `  TOKEN=$(cat ${staff.tokenPath})\n`,
    `  curl -H "Authorization: Bearer $TOKEN" '${orders}'\n`,
  ].join('');
}

function endpointRows(stack: LocalStack, facts: BannerFacts): string {
  const storage =
    facts.dataDirectory === undefined
      ? 'data in memory only'
      : `data in ${facts.dataDirectory} (--reset wipes it)`;
  const { menu } = stack;
  const menuState = menu.seeded
    ? 'the sample menu, seeded now'
    : 'kept from the last run';
  const unavailable =
    menu.unavailable > 0 ? `, ${menu.unavailable} unavailable` : '';

  return [
    row(
      'DynamoDB Local',
      `${stack.dynamoDb.endpoint}  (table ${stack.tableName})`,
    ),
    row('', `${storage}, java pid ${stack.dynamoDb.pid}`),
    functionRows(stack),
    row('Menu', `${menu.items} items${unavailable}: ${menuState}`),
    row('Opening hours', openingHours(stack)),
  ].join('');
}

/** The first function beside the endpoint, the others lined up below. */
function functionRows(stack: LocalStack): string {
  const prefix = `${stack.lambda.endpoint}  functions: `;
  const [first = 'none', ...others] = stack.functions.names;
  const indent = ' '.repeat(prefix.length);

  return [
    row('Lambda Invoke API', `${prefix}${first}`),
    ...others.map((name) => row('', `${indent}${name}`)),
  ].join('');
}

function openingHours(stack: LocalStack): string {
  const hours = stack.environment.OPENING_HOURS;
  if (hours === undefined) return "the functions' default";

  return `${hours} (OPENING_HOURS; set it in the shell to try others)`;
}

function otherTools(stack: LocalStack): string {
  const lambda = stack.lambda.endpoint;
  const name = stack.functions.names[0] ?? '<function>';

  return [
    'From another terminal (any AWS credentials do):\n',
    `  npm run call -- --function ${name} --endpoint ${lambda}\n`,
    '  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local ' +
      'AWS_REGION=us-east-1\n',
    `  aws lambda invoke --endpoint-url ${lambda} ` +
      `--function-name ${name} \\\n` +
      '    --cli-binary-format raw-in-base64-out ' +
      '--payload file://events/sma-new-inbound-call.json /dev/stdout\n',
    `  aws dynamodb scan --endpoint-url ${stack.dynamoDb.endpoint} ` +
      `--table-name ${stack.tableName}\n`,
  ].join('');
}
