import { loadBundledHandler } from '../support/bundled-function';
import type { Context } from 'aws-lambda';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  lexCodeHookResponseSchema,
  parseLexEvent,
} from '../../src/bot/lex-events';

/**
 * The deployed code hook, bundled as `sls package` bundles it and wired to
 * a DynamoDB that does not answer: Lex still gets an answer it accepts,
 * one that hands the caller back to the IVR with the cart kept.
 */

type Handler = (event: unknown, context: Context) => Promise<unknown>;

const ENVIRONMENT = {
  TABLE_NAME: 'orders-test',
  RESTAURANT_NAME: "Tony's Pizzeria",
  TIME_ZONE: 'America/New_York',
  // Nothing listens on port 9 (discard): every read fails at once.
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

const context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'phone-orders-test-lexHook',
  functionVersion: '$LATEST',
  invokedFunctionArn:
    'arn:aws:lambda:us-east-1:123456789012:function:phone-orders-test-lexHook',
  memoryLimitInMB: '512',
  awsRequestId: '0b8c6f2e-4d1a-4e7b-9c3d-5a2f8e1b7d40',
  logGroupName: '/aws/lambda/phone-orders-test-lexHook',
  logStreamName: '2026/12/01/[$LATEST]fedcba9876543210',
  getRemainingTimeInMillis: () => 5_000,
} as Context;

const SAMPLES = [
  'lex-hook-order-food.json',
  'lex-hook-finish-order-fulfillment.json',
];

function sample(name: string): unknown {
  const path = join(__dirname, '..', '..', 'events', name);

  return JSON.parse(readFileSync(path, 'utf8'));
}

const saved = { ...process.env };
const bundles = mkdtempSync(join(tmpdir(), 'lex-hook-test-'));
let handler: Handler;

beforeAll(async () => {
  Object.assign(process.env, ENVIRONMENT);
  handler = await loadBundledHandler('lex-hook', bundles);
}, 30_000);

afterAll(() => {
  process.env = saved;
  rmSync(bundles, { recursive: true, force: true });
});

describe('functions/lex-hook', () => {
  it.each(SAMPLES)('reads the sample %s as a code hook event', (name) => {
    expect(() => parseLexEvent(sample(name))).not.toThrow();
  });

  it('closes as Failed, cart kept, when the menu cannot be read', async () => {
    // Act
    const response = await handler(sample('lex-hook-order-food.json'), context);

    // Assess
    expect(lexCodeHookResponseSchema.parse(response)).toEqual({
      sessionState: {
        sessionAttributes: {
          callerName: 'Sam',
          returning: 'true',
          cart: '[]',
        },
        dialogAction: { type: 'Close' },
        intent: { name: 'OrderFood', state: 'Failed' },
      },
      messages: [
        {
          contentType: 'PlainText',
          content: 'Sorry, something went wrong on our side.',
        },
      ],
    });
  });

  it('refuses an event Lex would not send', async () => {
    await expect(handler({ hello: 'world' }, context)).rejects.toThrow(
      /invalid Lex code hook event/,
    );
  });
});
