import type * as z from 'zod/mini';

import { parameterSchemaOf } from './action-schemas';
import type { SmaResponse } from './actions';
import {
  MAX_ACTIONS,
  MAX_TRANSACTION_ATTRIBUTE_KEYS,
  MAX_TRANSACTION_ATTRIBUTES_SIZE,
} from './limits';

export {
  MAX_ACTIONS,
  MAX_BOT_CONFIGURATION_BYTES,
  MAX_SPEECH_CHARACTERS,
  MAX_TRANSACTION_ATTRIBUTE_KEYS,
  MAX_TRANSACTION_ATTRIBUTES_SIZE,
} from './limits';

/**
 * Checks a Lambda response the way the PSTN audio service would before it
 * runs it. Chime answers a response it cannot run with an
 * `INVALID_LAMBDA_RESPONSE` event and, on a live call, silence: catching the
 * mistake here, in tests and in the local phone simulator, names the action
 * and the parameter instead.
 */

/**
 * The outcome of {@link validateResponse}. A valid response whose `Actions`
 * was null or absent comes back with an empty list and `keepsPendingActions`
 * set: Chime then goes on with the actions it already had, which an empty
 * list would cancel.
 */
export type ResponseValidation =
  | { valid: true; response: SmaResponse; keepsPendingActions: boolean }
  | { valid: false; problems: string[] };

const RESPONSE_FIELDS = new Set([
  'SchemaVersion',
  'Actions',
  'TransactionAttributes',
]);
const ACTION_FIELDS = new Set(['Type', 'Parameters']);

/**
 * Validates what the Lambda is about to return to Chime, or what the local
 * phone simulator received from it. Each problem is one sentence naming the
 * action index and the parameter, for example
 * `Actions[2] (SpeakAndGetDigits): RepeatDurationInMilliseconds is required`.
 */
export function validateResponse(response: unknown): ResponseValidation {
  if (!isPlainObject(response)) {
    return { valid: false, problems: ['The response must be an object'] };
  }

  const problems = [
    ...envelopeProblems(response),
    ...actionListProblems(response.Actions),
    ...transactionAttributesProblems(response.TransactionAttributes),
  ];
  if (problems.length > 0) return { valid: false, problems };

  // Every field was checked above, so the input now is an SmaResponse.
  const valid = response as unknown as SmaResponse;
  if (response.Actions !== null && response.Actions !== undefined) {
    return { valid: true, response: valid, keepsPendingActions: false };
  }

  return {
    valid: true,
    response: { ...valid, Actions: [] },
    keepsPendingActions: true,
  };
}

/**
 * The size Chime counts TransactionAttributes by: the characters of every
 * key and value together.
 */
export function transactionAttributesSize(
  attributes: Record<string, string>,
): number {
  let size = 0;
  for (const [key, value] of Object.entries(attributes)) {
    size += key.length + value.length;
  }

  return size;
}

function envelopeProblems(response: Record<string, unknown>): string[] {
  const problems = Object.keys(response)
    .filter((field) => !RESPONSE_FIELDS.has(field))
    .map((field) => `${field} is not a field of a response`);
  if (response.SchemaVersion !== '1.0') {
    problems.unshift('SchemaVersion must be "1.0"');
  }

  return problems;
}

function actionListProblems(actions: unknown): string[] {
  // A null or absent list tells Chime to keep the actions it has.
  if (actions === null || actions === undefined) return [];
  if (!Array.isArray(actions)) {
    return ['Actions must be an array, or null to keep the pending actions'];
  }

  const problems = actions.flatMap((action: unknown, index) =>
    actionProblems(action, index),
  );
  if (actions.length > MAX_ACTIONS) {
    problems.unshift(
      `Actions has ${actions.length} actions; at most ${MAX_ACTIONS} are allowed`,
    );
  }

  return problems;
}

function actionProblems(action: unknown, index: number): string[] {
  const where = `Actions[${index}]`;
  if (!isPlainObject(action)) return [`${where} must be an object`];

  const type = action.Type;
  if (type === undefined) return [`${where}: Type is required`];
  if (typeof type !== 'string') return [`${where}: Type must be a string`];
  const schema = parameterSchemaOf(type);
  if (schema === undefined) return [`${where}: unknown action Type "${type}"`];

  const label = `${where} (${type})`;
  const problems = Object.keys(action)
    .filter((field) => !ACTION_FIELDS.has(field))
    .map((field) => `${label}: ${field} is not a field of an action`);
  const parameters = action.Parameters;
  const result = schema.safeParse(parameters);
  if (result.success) return problems;

  for (const issue of result.error.issues) {
    for (const sentence of describeIssue(issue, parameters)) {
      problems.push(`${label}: ${sentence}`);
    }
  }

  return problems;
}

function transactionAttributesProblems(attributes: unknown): string[] {
  if (attributes === undefined) return [];
  if (!isPlainObject(attributes)) {
    return ['TransactionAttributes must be an object of strings'];
  }

  const entries = Object.entries(attributes);
  const problems = entries
    .filter(([, value]) => typeof value !== 'string')
    .map(([key]) => `TransactionAttributes.${key} must be a string`);
  if (entries.length > MAX_TRANSACTION_ATTRIBUTE_KEYS) {
    problems.push(
      `TransactionAttributes has ${entries.length} keys; ` +
        `at most ${MAX_TRANSACTION_ATTRIBUTE_KEYS} are allowed`,
    );
  }
  const size = transactionAttributesSize(
    Object.fromEntries(
      entries.filter((entry): entry is [string, string] => {
        return typeof entry[1] === 'string';
      }),
    ),
  );
  if (size > MAX_TRANSACTION_ATTRIBUTES_SIZE) {
    problems.push(
      `TransactionAttributes holds ${size} characters of keys and values; ` +
        `at most ${MAX_TRANSACTION_ATTRIBUTES_SIZE} are allowed`,
    );
  }

  return problems;
}

/**
 * Turns one zod issue into sentences about the parameter it concerns. The
 * schemas in action-schemas.ts carry the rule itself ("must be greater than
 * 0"); this adds the parameter's path, and tells a missing value from a
 * mistyped one.
 */
function describeIssue(issue: z.core.$ZodIssue, parameters: unknown): string[] {
  const subject = pathText(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map(
      (key) => `${joinPath(subject, key)} is not a known parameter`,
    );
  }
  if (issue.code === 'custom') {
    return [subject === '' ? issue.message : `${subject} ${issue.message}`];
  }

  const named = subject === '' ? 'Parameters' : subject;
  if (valueAt(parameters, issue.path) === undefined) {
    return [`${named} is required`];
  }
  if (issue.code === 'invalid_type') {
    return [`${named} must be ${describeType(issue.expected)}`];
  }

  return [`${named} ${issue.message}`];
}

function describeType(expected: string): string {
  switch (expected) {
    case 'int':
      return 'a whole number';
    case 'array':
    case 'object':
      return `an ${expected}`;
    case 'record':
      return 'an object';
    default:
      return `a ${expected}`;
  }
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, segment) =>
      typeof segment === 'number'
        ? `${text}[${segment}]`
        : joinPath(text, String(segment)),
    '',
  );
}

function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }

  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
