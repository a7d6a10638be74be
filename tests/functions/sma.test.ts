import { loadBundledHandler } from '../support/bundled-function';
import type { Context } from 'aws-lambda';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateResponse } from '../../src/telephony/validate-response';

/**
 * The deployed handler, wired to a DynamoDB that does not answer: whatever
 * arrives, Chime gets an answer it accepts and the caller is never left in
 * silence.
 */

type Handler = (event: unknown, context: Context) => Promise<unknown>;

const ENVIRONMENT = {
  TABLE_NAME: 'orders-test',
  RESTAURANT_NAME: "Tony's Pizzeria",
  TIME_ZONE: 'America/New_York',
  STAFF_PHONE_NUMBER: '',
  // Nothing listens on port 9 (discard): every read fails at once.
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_NAMESPACE: 'PhoneOrdersTest',
  POWERTOOLS_METRICS_DISABLED: 'true',
};

/** What the handler reads of the Lambda context (the rest is deprecated). */
const context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'phone-orders-test-sma',
  functionVersion: '$LATEST',
  invokedFunctionArn:
    'arn:aws:lambda:us-east-1:123456789012:function:phone-orders-test-sma',
  memoryLimitInMB: '256',
  awsRequestId: '3f5c2a9e-1b7d-4c8e-9a60-2d4f6b8e0c13',
  logGroupName: '/aws/lambda/phone-orders-test-sma',
  logStreamName: '2026/12/01/[$LATEST]0123456789abcdef',
  getRemainingTimeInMillis: () => 5_000,
} as Context;

const CALL_ID = '8a4e2c6f-1d3b-4e9a-b7c5-0f2e4a6c8d1b';
const VOICE = { TextType: 'text', VoiceId: 'Joanna', Engine: 'neural' };

function sample(name: string): unknown {
  const path = join(__dirname, '..', '..', 'events', name);

  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The polite end of a call the function cannot serve. */
function apologyAndHangup(callId: string): unknown {
  return {
    SchemaVersion: '1.0',
    Actions: [
      {
        Type: 'Speak',
        Parameters: {
          CallId: callId,
          Text: 'Sorry, something went wrong on our side.',
          ...VOICE,
        },
      },
      {
        Type: 'Speak',
        Parameters: {
          CallId: callId,
          Text: 'Please call again in a few minutes. Goodbye.',
          ...VOICE,
        },
      },
      { Type: 'Hangup', Parameters: { CallId: callId, SipResponseCode: '0' } },
    ],
  };
}

const saved = { ...process.env };
const bundles = mkdtempSync(join(tmpdir(), 'sma-test-'));
let handler: Handler;

beforeAll(async () => {
  Object.assign(process.env, ENVIRONMENT);
  handler = await loadBundledHandler('sma', bundles);
}, 30_000);

afterAll(() => {
  process.env = saved;
  rmSync(bundles, { recursive: true, force: true });
});

describe('functions/sma', () => {
  it.each([
    ['null', null],
    ['a string', 'RINGING'],
    ['an empty object', {}],
    [
      'an event without participants',
      { SchemaVersion: '1.0', InvocationEventType: 'NEW_INBOUND_CALL' },
    ],
    [
      'an event whose only call leg is null',
      { CallDetails: { Participants: [null] } },
    ],
  ])('answers %s with an empty action list', async (_what, event) => {
    // Act
    const response = await handler(event, context);

    // Assess
    expect(response).toEqual({ SchemaVersion: '1.0', Actions: [] });
    expect(validateResponse(response).valid).toBe(true);
  });

  it('ends a call it cannot read politely', async () => {
    // Prepare
    const event = {
      InvocationEventType: 'SOMETHING_NEW',
      CallDetails: {
        Participants: [{ CallId: 'call-1', To: '+12065550100' }],
      },
    };

    // Act
    const response = await handler(event, context);

    // Assess
    expect(response).toEqual(apologyAndHangup('call-1'));
    expect(validateResponse(response).valid).toBe(true);
  });

  it.each(['sma-new-inbound-call.json', 'sma-action-successful-digits.json'])(
    'apologises and hangs up when the database fails on %s',
    async (name) => {
      // Act
      const response = await handler(sample(name), context);

      // Assess
      expect(response).toEqual(apologyAndHangup(CALL_ID));
      expect(validateResponse(response).valid).toBe(true);
    },
  );

  it('answers HANGUP with an empty action list without reading the database', async () => {
    // Act
    const response = await handler(sample('sma-hangup.json'), context);

    // Assess
    expect(response).toEqual({ SchemaVersion: '1.0', Actions: [] });
    expect(validateResponse(response).valid).toBe(true);
  });
});
