/**
 * Fuzzing every entry point with what AWS could send and with what it
 * should never send: random JSON, the sample events of events/ broken in
 * a few places, and well-formed events carrying random state. Each run is
 * deterministic (a fixed seed) and sized for CI. The properties are what
 * the other side sees: Chime always gets an answer it accepts, Lex always
 * a response of its shape, the bus a named error for an event it should
 * not have carried, and a staff client a JSON answer, never a 5xx.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleCodeHook } from '../../src/bot/code-hook';
import { SLOT } from '../../src/bot/intents';
import {
  InvalidLexEvent,
  lexCodeHookResponseSchema,
  parseLexEvent,
} from '../../src/bot/lex-events';
import { InvalidOrderEvent } from '../../src/events/order-events';
import { httpApiEvent } from '../../src/local/http-api-event';
import { InMemoryMenuRepository } from '../../src/menu/in-memory-menu-repository';
import { GSM7_SEGMENT, gsm7Length, isGsm7 } from '../../src/notifications/gsm7';
import { InMemoryOrderRepository } from '../../src/orders/in-memory-order-repository';
import type { OrderDraft } from '../../src/orders/model';
import { ERROR_STATUS } from '../../src/staff-api/error-codes';
import { errorResponseSchema } from '../../src/staff-api/response-schemas';
import { createStaffApi } from '../../src/staff-api/router';
import type { SmaResponse } from '../../src/telephony/actions';
import { parseInvocationEvent } from '../../src/telephony/events';
import { validateResponse } from '../../src/telephony/validate-response';
import type { BusEvent } from '../../src/wiring/order-event-consumer';
import { orderDraft } from '../orders/order-draft';
import { expectDocumented } from '../staff-api/support/documented';
import {
  type BundledHandler,
  lambdaContext,
  loadBundledHandler,
} from '../support/bundled-function';
import { STAFF_NUMBER } from '../support/call-flow-fixture';
import { mutatedSample } from '../support/fuzz-arbitraries';
import { inMemoryConsumers } from '../support/in-memory-consumers';
import { LEX_SAMPLES, wellFormedLexEvent } from '../support/lex-arbitraries';
import {
  BUS_SAMPLES,
  busEventWithRandomDetail,
  contractEvent,
} from '../support/order-event-arbitraries';
import { answerAsSma } from '../support/sma-answer';
import {
  brokenSmaEvent,
  MENU,
  wellFormedSmaEvent,
} from '../support/sma-arbitraries';
import {
  BOARD_ORIGIN,
  type FuzzedRequest,
  fuzzedRequest,
  validRequest,
} from '../support/staff-request-arbitraries';
import { BOT_SETTINGS, voiceFixture } from '../support/voice-fixture';

const SEED = 42;
const SORRY = 'Sorry, something went wrong on our side.';

// ---------------------------------------------------------------------------
// The SIP media application
// ---------------------------------------------------------------------------

/** The restaurant with a staff line and a bot: every branch reachable. */
function smaUnderTest() {
  return voiceFixture({
    settings: { staffPhoneNumber: STAFF_NUMBER, bot: BOT_SETTINGS },
  }).dependencies;
}

/** Whether Chime would run the response, with its problems if not. */
function expectAcceptedByChime(response: SmaResponse): void {
  const check = validateResponse(response);
  expect(check.valid ? [] : check.problems).toEqual([]);
}

/** An apology that ends in a hang-up or a transfer, or no action at all. */
function expectPoliteEnding(response: SmaResponse): void {
  if (response.Actions.length === 0) return;
  const [first] = response.Actions;
  const last = response.Actions.at(-1);
  expect(first).toMatchObject({ Type: 'Speak', Parameters: { Text: SORRY } });
  expect(['Hangup', 'CallAndBridge']).toContain(last?.Type);
}

function isReadable(event: unknown): boolean {
  try {
    parseInvocationEvent(event);

    return true;
  } catch {
    return false;
  }
}

describe('the SIP media application, fuzzed', () => {
  const dependencies = smaUnderTest();

  it('answers random JSON with an apology or nothing, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (event) => {
        // Act
        const { response } = await answerAsSma(event, dependencies);

        // Assess
        expectAcceptedByChime(response);
        if (!isReadable(event)) expectPoliteEnding(response);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('ends a call politely whatever part of a real event is broken', async () => {
    await fc.assert(
      fc.asyncProperty(brokenSmaEvent, async (event) => {
        // Act
        const { response } = await answerAsSma(event, dependencies);

        // Assess
        expectAcceptedByChime(response);
        if (!isReadable(event)) expectPoliteEnding(response);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('answers every readable event itself, whatever state it carries', async () => {
    await fc.assert(
      fc.asyncProperty(wellFormedSmaEvent, async (event) => {
        // Act
        const answer = await answerAsSma(event, dependencies);

        // Assess
        expectAcceptedByChime(answer.response);
        if (!isReadable(event)) expectPoliteEnding(answer.response);
        else expect(answer).toMatchObject({ path: 'call-flow' });
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });
});

/** functions/sma.ts as deployed, its DynamoDB out of reach. */
const BUNDLED_SMA_ENVIRONMENT = {
  TABLE_NAME: 'orders-test',
  RESTAURANT_NAME: "Tony's Pizzeria",
  TIME_ZONE: 'America/New_York',
  STAFF_PHONE_NUMBER: STAFF_NUMBER,
  // Nothing listens on port 9 (discard), and the SDK does not retry: a
  // read fails at once, so the fuzzer reaches the fail-safe quickly.
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
  AWS_MAX_ATTEMPTS: '1',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_NAMESPACE: 'PhoneOrdersTest',
  POWERTOOLS_METRICS_DISABLED: 'true',
};

describe('the bundled sma function, fuzzed', () => {
  const saved = { ...process.env };
  const bundles = mkdtempSync(join(tmpdir(), 'sma-fuzz-'));
  let handler: BundledHandler;

  beforeAll(async () => {
    Object.assign(process.env, BUNDLED_SMA_ENVIRONMENT);
    handler = await loadBundledHandler('sma', bundles);
  }, 30_000);

  afterAll(() => {
    process.env = saved;
    rmSync(bundles, { recursive: true, force: true });
  });

  it('answers whatever arrives in a way Chime accepts, without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue(), brokenSmaEvent),
        async (event) => {
          // Act
          const response = (await handler(
            event,
            lambdaContext('phone-orders-test-sma'),
          )) as SmaResponse;

          // Assess
          expectAcceptedByChime(response);
          if (!isReadable(event)) expectPoliteEnding(response);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------
// The Lex V2 code hook
// ---------------------------------------------------------------------------

const ORDER_FOOD_SLOTS: readonly string[] = Object.values(SLOT);

/** What Lex requires of a response beyond its JSON shape. */
function expectLexAccepts(response: unknown): void {
  const { sessionState, messages } = lexCodeHookResponseSchema.parse(response);
  const { dialogAction, intent } = sessionState;
  if (dialogAction.type !== 'ElicitIntent') expect(intent).toBeDefined();
  if (dialogAction.type === 'ElicitSlot') {
    expect(ORDER_FOOD_SLOTS).toContain(dialogAction.slotToElicit);
  }
  if (dialogAction.type === 'Close') {
    expect(['Fulfilled', 'Failed']).toContain(intent?.state);
  }
  for (const message of messages ?? []) {
    expect(message.content.trim()).not.toBe('');
  }
}

/** The code hook as functions/lex-hook.ts runs it, on in-memory stores. */
function codeHookUnderTest() {
  const failures: string[] = [];
  const dependencies = {
    menu: new InMemoryMenuRepository(MENU),
    pricing: { taxRatePercent: 8.875, currency: 'USD' },
    log: {
      info: () => undefined,
      warn: () => undefined,
      error: (message: string, fields?: Record<string, unknown>) => {
        failures.push(`${message}: ${String(fields?.error)}`);
      },
    },
  };
  const answer = async (event: unknown): Promise<unknown> =>
    handleCodeHook(parseLexEvent(event), dependencies);

  return { answer, failures };
}

/** Answers, or the named rejection of an event Lex would not send. */
async function answerOrRejection(
  answer: (event: unknown) => Promise<unknown>,
  event: unknown,
): Promise<{ response?: unknown; rejected?: unknown }> {
  try {
    return { response: await answer(event) };
  } catch (error) {
    return { rejected: error };
  }
}

describe('the Lex code hook, fuzzed', () => {
  const hook = codeHookUnderTest();

  it.each([
    ['random JSON', fc.jsonValue()],
    ['broken sample events', mutatedSample(LEX_SAMPLES)],
  ])(
    'answers %s in the shape Lex takes, or refuses it by name',
    async (_what, events: fc.Arbitrary<unknown>) => {
      await fc.assert(
        fc.asyncProperty(events, async (event) => {
          // Act
          const { response, rejected } = await answerOrRejection(
            hook.answer,
            event,
          );

          // Assess
          if (rejected === undefined) expectLexAccepts(response);
          else expect(rejected).toBeInstanceOf(InvalidLexEvent);
        }),
        { seed: SEED, numRuns: 700 },
      );
    },
  );

  it('answers every well-formed turn in the shape Lex takes, without failing', async () => {
    await fc.assert(
      fc.asyncProperty(wellFormedLexEvent, async (event) => {
        // Act
        const response = await hook.answer(event);

        // Assess
        expectLexAccepts(response);
        expect(hook.failures).toEqual([]);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });
});

// ---------------------------------------------------------------------------
// The notification consumers
// ---------------------------------------------------------------------------

const OUTCOMES = [
  'sent',
  'duplicate',
  'no-text-for-event',
  'not-a-mobile-number',
  'opted-out',
  'no-email-for-event',
  'no-address',
];

/** Both consumers on in-memory records, counting what they send. */
function consumersUnderTest() {
  const sent: string[] = [];
  const texts: string[] = [];
  const accept = (channel: string, to: string) => {
    sent.push(`${channel} ${to}`);

    return Promise.resolve({ messageId: `msg-${sent.length}` });
  };
  const { sendSms, sendEmail } = inMemoryConsumers({
    sms: {
      send: (message) => {
        texts.push(message.body);

        return accept('SMS', message.to);
      },
    },
    email: { send: (message) => accept('EMAIL', message.to) },
  });

  return { sent, texts, consumers: [sendSms, sendEmail] };
}

describe('the notification consumers, fuzzed', () => {
  it.each([
    ['broken sample events', mutatedSample(BUS_SAMPLES)],
    ['events with a random detail', busEventWithRandomDetail],
  ])(
    'handles %s or rejects them by name, sending only what it handled',
    async (_what, events: fc.Arbitrary<unknown>) => {
      const { sent, consumers } = consumersUnderTest();
      await fc.assert(
        fc.asyncProperty(events, async (event) => {
          for (const consume of consumers) {
            // Prepare
            const before = sent.length;

            // Act
            const { response, rejected } = await answerOrRejection(
              (e) => consume(e as BusEvent),
              event,
            );

            // Assess
            if (rejected !== undefined) {
              expect(rejected).toBeInstanceOf(InvalidOrderEvent);
              expect(sent.length).toBe(before);
            } else {
              expect(OUTCOMES).toContain(response);
              expect(sent.length - before).toBe(response === 'sent' ? 1 : 0);
            }
          }
        }),
        { seed: SEED, numRuns: 700 },
      );
    },
  );

  it('sends one single-segment text for any event that keeps the contract', async () => {
    const { texts, consumers } = consumersUnderTest();
    await fc.assert(
      fc.asyncProperty(contractEvent, async (event) => {
        for (const consume of consumers) {
          // Prepare
          const before = texts.length;

          // Act
          const outcome = await consume(event as BusEvent);

          // Assess
          expect(OUTCOMES).toContain(outcome);
          for (const text of texts.slice(before)) {
            expect(isGsm7(text)).toBe(true);
            expect(gsm7Length(text)).toBeLessThanOrEqual(GSM7_SEGMENT);
          }
        }
      }),
      { seed: SEED, numRuns: 700 },
    );
  });
});

// ---------------------------------------------------------------------------
// The staff API
// ---------------------------------------------------------------------------

const API_NOW = new Date('2030-06-15T16:00:00.000Z');
const STACK_TRACE = /\n\s+at |\.ts:\d|node_modules|TypeError|ReferenceError/;

/** The staff API on in-memory stores with a few orders placed today. */
function staffApiUnderTest() {
  const orders = new InMemoryOrderRepository({ clock: () => API_NOW });
  const unexpected: unknown[] = [];
  const api = createStaffApi({
    orders,
    customers: orders.customers,
    menu: new InMemoryMenuRepository(MENU),
    timeZone: 'America/New_York',
    now: () => API_NOW,
    boardOrigin: BOARD_ORIGIN,
    log: {
      info: () => undefined,
      error: (_message, fields) => unexpected.push(fields.error),
    },
  });
  const place = (overrides: Partial<OrderDraft> = {}) =>
    orders.create(orderDraft({ businessDate: '2030-06-15', ...overrides }));
  const call = async (request: FuzzedRequest) => {
    const event = httpApiEvent({
      method: request.method,
      rawPath: request.path,
      rawQueryString: new URLSearchParams(request.query).toString(),
      headers: request.headers,
      body: request.body,
      routeKey: '$default',
      claims:
        request.groups === null
          ? undefined
          : { sub: 'a0b1c2d3-staff', 'cognito:groups': request.groups },
    });

    return api({ ...event, isBase64Encoded: request.isBase64Encoded });
  };

  return { call, place, orders, unexpected };
}

/** A JSON answer: a documented success, or a 4xx naming its error. */
function expectJsonAnswer(
  request: FuzzedRequest,
  result: { statusCode: number; body: string },
): unknown {
  expect(result.statusCode).toBeGreaterThanOrEqual(200);
  expect(result.statusCode).toBeLessThan(500);
  expect(result.body).not.toMatch(STACK_TRACE);
  const body: unknown =
    result.body === '' ? undefined : JSON.parse(result.body);
  if (result.statusCode >= 400) {
    const { error } = errorResponseSchema.parse(body);
    expect(ERROR_STATUS[error.code]).toBe(result.statusCode);
  }
  expectDocumented(
    request.method.toUpperCase(),
    request.path,
    result.statusCode,
    body,
  );

  return body;
}

describe('the staff API, fuzzed', () => {
  it('answers any request with JSON and a 2xx or a named 4xx, never a 5xx', async () => {
    // Prepare
    const api = staffApiUnderTest();
    await api.place({ orderId: 'order-1', callerNumber: '+12065550142' });

    await fc.assert(
      fc.asyncProperty(fuzzedRequest, async (request) => {
        // Act
        const result = await api.call(request);

        // Assess
        expectJsonAnswer(request, result);
        expect(api.unexpected).toEqual([]);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('answers every valid request with a 2xx', async () => {
    // Prepare
    const api = staffApiUnderTest();

    await fc.assert(
      fc.asyncProperty(validRequest, async (write) => {
        // Act
        const request = await write(api);
        const result = await api.call(request);

        // Assess
        expectJsonAnswer(request, result);
        expect(result.statusCode).toBeLessThan(300);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
