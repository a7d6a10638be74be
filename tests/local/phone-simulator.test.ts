import {
  callAndBridge,
  hangup,
  smaResponse,
  speak,
  speakAndGetDigits,
  startBotConversation,
  type DigitPrompt,
  type SmaResponse,
} from '../../src/telephony/actions';
import {
  callerLeg,
  parseInvocationEvent,
  type InvocationEvent,
} from '../../src/telephony/events';
import type { BotEngine } from '../../src/local/bot-engine';
import type { CallRecord } from '../../src/local/call-record';
import {
  CallerScriptError,
  parseCallerScript,
} from '../../src/local/caller-input';
import {
  PhoneSimulator,
  type PhoneSimulatorOptions,
} from '../../src/local/phone-simulator';

const CALLER = '+15555550123';
const RESTAURANT = '+15555550100';
const STAFF = '+15555550199';
const BOT_ALIAS_ARN =
  'arn:aws:lex:us-east-1:123456789012:bot-alias/BOTID12345/ALIASID123';

/** A call flow written as a plain function of the parsed event. */
type Flow = (event: InvocationEvent) => unknown;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const ended: SmaResponse = smaResponse([]);

/** Plays `flow` as the Lambda, answering HANGUP as a sound Lambda does. */
function simulator(
  flow: Flow,
  options: PhoneSimulatorOptions & { botEngine?: BotEngine } = {},
): PhoneSimulator {
  return new PhoneSimulator({
    invoke: (event) => {
      const parsed = parseInvocationEvent(event);

      return Promise.resolve(
        parsed.InvocationEventType === 'HANGUP' ? ended : flow(parsed),
      );
    },
    from: CALLER,
    to: RESTAURANT,
    silenceTimeoutMs: 5,
    ...options,
  });
}

const callId = (event: InvocationEvent) => callerLeg(event).CallId;

const eventTypes = (record: CallRecord) =>
  record.exchanges.map((exchange) => exchange.event.InvocationEventType);

const lastEvent = (record: CallRecord) =>
  record.exchanges[record.exchanges.length - 1]!.event;

function prompt(
  event: InvocationEvent,
  options: Partial<DigitPrompt> = {},
): ReturnType<typeof speakAndGetDigits> {
  return speakAndGetDigits({
    callId: callId(event),
    prompt: 'Press 1 for pizza, 2 for pasta.',
    failurePrompt: 'Sorry, I did not get that.',
    timeoutMs: 5000,
    ...options,
  });
}

/** Asks once with `options`, then says the result and hangs up. */
function askOnce(options: Partial<DigitPrompt>): Flow {
  return (event) => {
    const id = callId(event);
    switch (event.InvocationEventType) {
      case 'NEW_INBOUND_CALL':
        return smaResponse([prompt(event, options)]);
      case 'ACTION_SUCCESSFUL':
        return smaResponse([
          speak(id, `You pressed ${event.ActionData.ReceivedDigits ?? ''}.`),
          hangup(id),
        ]);
      case 'ACTION_FAILED':
        return smaResponse([speak(id, 'Goodbye.'), hangup(id)]);
      default:
        return ended;
    }
  };
}

describe('PhoneSimulator', () => {
  it('greets the caller, hangs up and tells the Lambda with HANGUP', async () => {
    const record = await simulator((event) =>
      event.InvocationEventType === 'NEW_INBOUND_CALL'
        ? smaResponse([
            speak(callId(event), "Welcome to Luigi's."),
            hangup(callId(event)),
          ])
        : ended,
    ).call('');

    expect(record.transcript).toEqual([
      { kind: 'heard', text: "Welcome to Luigi's." },
      { kind: 'hung-up', by: 'application' },
    ]);
    expect(eventTypes(record)).toEqual(['NEW_INBOUND_CALL', 'HANGUP']);
    expect(lastEvent(record).ActionData).toEqual({
      Type: 'Hangup',
      Parameters: {
        SipResponseCode: '0',
        CallId: record.callId,
        ParticipantTag: 'LEG-A',
      },
    });
    expect(record.ending).toBe('application-hung-up');
    expect(record.invocations).toBe(2);
    expect(record.spokenCharacters).toBe("Welcome to Luigi's.".length);
    expect(record.problems).toEqual([]);
  });

  it('starts the call with realistic CallDetails and Sequence 1', async () => {
    const record = await simulator(() => smaResponse([])).call('');

    const first = record.exchanges[0]!.event;
    expect(first).toMatchObject({
      SchemaVersion: '1.0',
      Sequence: 1,
      InvocationEventType: 'NEW_INBOUND_CALL',
    });
    const { CallDetails: details } = first;
    const leg = details.Participants[0]!;
    expect(details).toEqual({
      TransactionId: record.transactionId,
      AwsAccountId: details.AwsAccountId,
      AwsRegion: 'us-east-1',
      SipMediaApplicationId: details.SipMediaApplicationId,
      SipRuleId: details.SipRuleId,
      Participants: [
        {
          CallId: record.callId,
          ParticipantTag: 'LEG-A',
          To: RESTAURANT,
          From: CALLER,
          Direction: 'Inbound',
          StartTimeInMilliseconds: leg.StartTimeInMilliseconds,
          Status: 'Connected',
        },
      ],
    });
    expect(details.AwsAccountId).toMatch(/^\d{12}$/);
    expect(details.SipMediaApplicationId).toMatch(UUID);
    expect(details.SipRuleId).toMatch(UUID);
    expect(Number(leg.StartTimeInMilliseconds)).toBeGreaterThan(
      Date.parse('2024-01-01'),
    );
    expect(record.transactionId).toMatch(UUID);
    expect(record.callId).toMatch(UUID);
  });

  it('lets the caller hear silence, then hang up, when nothing is played', async () => {
    const record = await simulator(() => smaResponse([])).call('1 2');

    expect(record.transcript).toEqual([
      { kind: 'silence' },
      { kind: 'hung-up', by: 'caller' },
    ]);
    expect(eventTypes(record)).toEqual(['NEW_INBOUND_CALL', 'HANGUP']);
    expect(record.ending).toBe('caller-hung-up');
  });

  it('reports the keys before the terminator as ReceivedDigits', async () => {
    const record = await simulator(
      askOnce({ minDigits: 1, maxDigits: 4, terminators: ['#'] }),
    ).call('1 2 #');

    expect(record.exchanges[1]!.event.ActionData).toMatchObject({
      Type: 'SpeakAndGetDigits',
      ReceivedDigits: '12',
    });
    expect(record.transcript).toEqual([
      { kind: 'heard', text: 'Press 1 for pizza, 2 for pasta.' },
      { kind: 'pressed', keys: '12#' },
      { kind: 'heard', text: 'You pressed 12.' },
      { kind: 'hung-up', by: 'application' },
    ]);
  });

  it('stops collecting once MaxNumberOfDigits keys are pressed', async () => {
    const record = await simulator(askOnce({ maxDigits: 3 })).call('4 5 6 7 8');

    expect(record.exchanges[1]!.event.ActionData?.ReceivedDigits).toBe('456');
    expect(record.transcript).toContainEqual({ kind: 'pressed', keys: '456' });
  });

  it('plays the failure prompt after each bad attempt, then fails the action', async () => {
    const record = await simulator(
      askOnce({ digitsRegex: '^[1-2]$', attempts: 2 }),
    ).call('9 _');

    expect(record.transcript).toEqual([
      { kind: 'heard', text: 'Press 1 for pizza, 2 for pasta.' },
      { kind: 'pressed', keys: '9' },
      { kind: 'heard', text: 'Sorry, I did not get that.' },
      { kind: 'heard', text: 'Press 1 for pizza, 2 for pasta.' },
      { kind: 'silence' },
      { kind: 'heard', text: 'Sorry, I did not get that.' },
      { kind: 'heard', text: 'Goodbye.' },
      { kind: 'hung-up', by: 'application' },
    ]);
    expect(eventTypes(record)).toEqual([
      'NEW_INBOUND_CALL',
      'ACTION_FAILED',
      'HANGUP',
    ]);
    const data = record.exchanges[1]!.event.ActionData;
    expect(data).toMatchObject({
      Type: 'SpeakAndGetDigits',
      ErrorType: 'InvalidDigitsReceived',
    });
    expect(data?.ErrorMessage).toBe(
      'No valid digits after 2 attempts (attempt 1: "9" does not match ^[1-2]$; ' +
        'attempt 2: received 0 digits, at least 1 needed)',
    );
  });

  it('fails when the digits do not match InputDigitsRegex', async () => {
    const record = await simulator(
      askOnce({ minDigits: 3, maxDigits: 5, digitsRegex: '^\\d{4}$' }),
    ).call('1 2 3 #');

    const data = record.exchanges[1]!.event.ActionData;
    expect(data?.ErrorType).toBe('InvalidDigitsReceived');
    expect(data?.ErrorMessage).toContain('"123" does not match ^\\d{4}$');
    expect(data?.ReceivedDigits).toBeUndefined();
  });

  it('drops the rest of the action list when an action fails', async () => {
    const record = await simulator((event) =>
      event.InvocationEventType === 'NEW_INBOUND_CALL'
        ? smaResponse([prompt(event), speak(callId(event), 'Never heard.')])
        : smaResponse([hangup(callId(event))]),
    ).call('_');

    expect(eventTypes(record)).toEqual([
      'NEW_INBOUND_CALL',
      'ACTION_FAILED',
      'HANGUP',
    ]);
    expect(record.transcript).not.toContainEqual({
      kind: 'heard',
      text: 'Never heard.',
    });
    expect(record.actions.map((action) => action.Type)).toEqual([
      'SpeakAndGetDigits',
      'Hangup',
    ]);
  });

  it('keeps, replaces and clears TransactionAttributes as Chime does', async () => {
    const answers: (Record<string, string> | undefined)[] = [
      { step: 'greeted', lang: 'en' },
      undefined,
      { step: 'menu' },
      {},
    ];
    const record = await simulator((event) => {
      const id = callId(event);
      if (event.Sequence > answers.length) return smaResponse([hangup(id)]);

      return smaResponse([speak(id, 'Hi.')], answers[event.Sequence - 1]);
    }).call('');

    const seen = record.exchanges.map(
      (exchange) => exchange.event.CallDetails.TransactionAttributes,
    );
    expect(seen).toEqual([
      undefined,
      { step: 'greeted', lang: 'en' },
      { step: 'greeted', lang: 'en' },
      { step: 'menu' },
      undefined,
      undefined,
    ]);
    expect(record.transactionAttributes).toEqual({});
  });

  it('increments Sequence on every event', async () => {
    const record = await simulator((event) =>
      event.Sequence < 3
        ? smaResponse([speak(callId(event), 'Hi.')])
        : smaResponse([hangup(callId(event))]),
    ).call('');

    expect(record.exchanges.map((exchange) => exchange.event.Sequence)).toEqual(
      [1, 2, 3, 4],
    );
  });

  it('waits for the caller to live through each answer before the next event', async () => {
    const happened: string[] = [];
    const flow = askOnce({ maxDigits: 1 });
    const record = await simulator(
      (event) => {
        happened.push(`sent ${event.InvocationEventType}`);

        return flow(event);
      },
      {
        pace: async (turn) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          happened.push(`lived ${JSON.stringify(turn)}`);
        },
      },
    ).call('7');

    expect(happened).toEqual([
      'sent NEW_INBOUND_CALL',
      `lived ${JSON.stringify([
        { kind: 'heard', text: 'Press 1 for pizza, 2 for pasta.' },
        { kind: 'pressed', keys: '7' },
      ])}`,
      'sent ACTION_SUCCESSFUL',
      `lived ${JSON.stringify([
        { kind: 'heard', text: 'You pressed 7.' },
        { kind: 'hung-up', by: 'application' },
      ])}`,
    ]);
    expect(eventTypes(record)).toEqual([
      'NEW_INBOUND_CALL',
      'ACTION_SUCCESSFUL',
      'HANGUP',
    ]);
  });

  it('abandons the prompt when the caller hangs up part way', async () => {
    const record = await simulator((event) =>
      event.InvocationEventType === 'NEW_INBOUND_CALL'
        ? smaResponse([
            prompt(event, { maxDigits: 4 }),
            speak(callId(event), 'Thanks.'),
          ])
        : ended,
    ).call('1 hangup 2');

    expect(record.transcript).toEqual([
      { kind: 'heard', text: 'Press 1 for pizza, 2 for pasta.' },
      { kind: 'pressed', keys: '1' },
      { kind: 'hung-up', by: 'caller' },
    ]);
    expect(eventTypes(record)).toEqual(['NEW_INBOUND_CALL', 'HANGUP']);
    expect(lastEvent(record).ActionData).toEqual({
      Type: 'Hangup',
      Parameters: {
        SipResponseCode: '0',
        CallId: record.callId,
        ParticipantTag: 'LEG-A',
      },
    });
    expect(lastEvent(record).CallDetails.Participants[0]?.Status).toBe(
      'Disconnected',
    );
    expect(record.ending).toBe('caller-hung-up');
  });

  it('records a problem when the answer to HANGUP has actions', async () => {
    const record = await new PhoneSimulator({
      invoke: (event) =>
        Promise.resolve(
          smaResponse([hangup(callId(parseInvocationEvent(event)))]),
        ),
      from: CALLER,
      to: RESTAURANT,
    }).call('');

    expect(eventTypes(record)).toEqual(['NEW_INBOUND_CALL', 'HANGUP']);
    expect(record.problems).toEqual([
      'the answer to HANGUP must be an empty action list, got 1 actions',
    ]);
  });

  it('answers an invalid response with INVALID_LAMBDA_RESPONSE', async () => {
    const record = await simulator((event) =>
      event.InvocationEventType === 'NEW_INBOUND_CALL'
        ? {
            SchemaVersion: '1.0',
            Actions: [{ Type: 'Speak', Parameters: { Text: 'Hi.' } }],
            TransactionAttributes: { step: 'broken' },
          }
        : smaResponse([hangup(callId(event))]),
    ).call('');

    const invalid = record.exchanges[1]!.event;
    expect(invalid.InvocationEventType).toBe('INVALID_LAMBDA_RESPONSE');
    expect(invalid.ErrorType).toBe('InvalidResponse');
    expect(invalid.ErrorMessage).toBe('Actions[0] (Speak): CallId is required');
    expect(invalid.CallDetails.TransactionAttributes).toBeUndefined();
    expect(record.transcript).toEqual([{ kind: 'hung-up', by: 'application' }]);
    expect(record.problems).toEqual(['Actions[0] (Speak): CallId is required']);
  });

  it('delivers each event twice with duplicate delivery and acts on the second answer', async () => {
    const payloads: string[] = [];
    const record = await new PhoneSimulator({
      invoke: (event) => {
        payloads.push(JSON.stringify(event));
        const parsed = parseInvocationEvent(event);
        if (parsed.InvocationEventType === 'HANGUP')
          return Promise.resolve(ended);
        const id = callId(parsed);

        return Promise.resolve(
          smaResponse([speak(id, `Answer ${payloads.length}.`), hangup(id)]),
        );
      },
      from: CALLER,
      to: RESTAURANT,
      duplicateDelivery: true,
    }).call('');

    expect(payloads).toHaveLength(4);
    expect(payloads[1]).toBe(payloads[0]);
    expect(payloads[3]).toBe(payloads[2]);
    expect(record.exchanges[0]!.answers).toHaveLength(2);
    expect(record.transcript[0]).toEqual({ kind: 'heard', text: 'Answer 2.' });
    expect(record.invocations).toBe(4);
  });

  it('invokes again when the Lambda is slow or throws', async () => {
    let calls = 0;
    const record = await simulator(
      async (event) => {
        calls += 1;
        if (calls === 1)
          await new Promise((resolve) => setTimeout(resolve, 60));
        if (calls === 2) throw new Error('cold start failed');

        return event.InvocationEventType === 'HANGUP'
          ? ended
          : smaResponse([hangup(callId(event))]);
      },
      { retryAfterMs: 20, giveUpAfterMs: 1000 },
    ).call('');

    expect(record.exchanges[0]!.answers.map((answer) => answer.kind)).toEqual([
      'timeout',
      'error',
      'response',
    ]);
    expect(record.ending).toBe('application-hung-up');
  });

  it('hangs up when the Lambda never answers', async () => {
    const record = await simulator(() => new Promise<never>(() => undefined), {
      retryAfterMs: 20,
      giveUpAfterMs: 70,
    }).call('');

    expect(record.invocations).toBe(4);
    expect(record.ending).toBe('failed');
    expect(record.failure).toBe('lambda-unresponsive');
    expect(record.transcript).toEqual([{ kind: 'hung-up', by: 'system' }]);
    expect(eventTypes(record)).toEqual(['NEW_INBOUND_CALL']);
  });

  it('hangs up after 1,000 invocations', async () => {
    const record = await simulator((event) =>
      smaResponse([speak(callId(event), 'Again.')]),
    ).call('');

    expect(record.invocations).toBe(1000);
    expect(record.ending).toBe('failed');
    expect(record.failure).toBe('invocation-limit');
  });

  it('records a transfer, reports the bridge and ends on the caller hanging up', async () => {
    const record = await simulator((event) =>
      event.InvocationEventType === 'NEW_INBOUND_CALL'
        ? smaResponse([
            speak(callId(event), 'Connecting you.'),
            callAndBridge(RESTAURANT, STAFF),
            speak(callId(event), 'Never heard.'),
          ])
        : ended,
    ).call('');

    expect(record.transcript).toEqual([
      { kind: 'heard', text: 'Connecting you.' },
      { kind: 'transferred', to: STAFF },
      { kind: 'hung-up', by: 'caller' },
    ]);
    expect(eventTypes(record)).toEqual([
      'NEW_INBOUND_CALL',
      'ACTION_SUCCESSFUL',
      'HANGUP',
    ]);
    const bridged = record.exchanges[1]!.event;
    expect(bridged.ActionData?.Type).toBe('CallAndBridge');
    expect(bridged.CallDetails.Participants[1]).toMatchObject({
      ParticipantTag: 'LEG-B',
      To: STAFF,
      From: RESTAURANT,
      Direction: 'Outbound',
    });
    expect(record.ending).toBe('transferred');
    expect(record.transferredTo).toBe(STAFF);
  });

  describe('StartBotConversation', () => {
    const handOff: Flow = (event) => {
      const id = callId(event);
      switch (event.InvocationEventType) {
        case 'NEW_INBOUND_CALL':
          return smaResponse([
            startBotConversation({
              callId: id,
              botAliasArn: BOT_ALIAS_ARN,
              localeId: 'en_US',
              welcome: 'What would you like?',
            }),
          ]);
        case 'ACTION_FAILED':
          return smaResponse([speak(id, 'Sorry.'), hangup(id)]);
        default:
          return smaResponse([hangup(id)]);
      }
    };
    const pizzaBot: BotEngine = {
      async converse(parameters, caller) {
        const welcome = parameters.Configuration?.WelcomeMessages?.[0];
        caller.speak(welcome?.Content ?? 'Hello.');
        const heard = await caller.listen();
        const order = heard.kind === 'utterance' ? heard.text : '';
        caller.speak(`One ${order}, coming up.`);

        return {
          outcome: 'success',
          intentResult: {
            SessionState: {
              Intent: {
                Name: 'OrderPizza',
                State: 'ReadyForFulfillment',
                Slots: { Pizza: { Value: { InterpretedValue: order } } },
              },
            },
          },
        };
      },
    };

    it('reports the bot engine intent result', async () => {
      const record = await simulator(handOff, { botEngine: pizzaBot }).call(
        'say:large pepperoni',
      );

      expect(record.transcript).toEqual([
        { kind: 'heard', text: 'What would you like?' },
        { kind: 'said', text: 'large pepperoni' },
        { kind: 'heard', text: 'One large pepperoni, coming up.' },
        { kind: 'hung-up', by: 'application' },
      ]);
      const data = record.exchanges[1]!.event.ActionData;
      expect(data?.Type).toBe('StartBotConversation');
      expect(
        data?.IntentResult?.SessionState.Intent?.Slots?.Pizza?.Value
          ?.InterpretedValue,
      ).toBe('large pepperoni');
    });

    it('fails with SystemException when no bot engine is attached', async () => {
      const record = await simulator(handOff).call('');

      expect(record.exchanges[1]!.event.ActionData).toMatchObject({
        Type: 'StartBotConversation',
        ErrorType: 'SystemException',
      });
      expect(record.transcript[0]).toEqual({ kind: 'heard', text: 'Sorry.' });
    });

    it('ends the call when the caller hangs up on the bot', async () => {
      const record = await simulator(handOff, { botEngine: pizzaBot }).call(
        'hangup',
      );

      expect(eventTypes(record)).toEqual(['NEW_INBOUND_CALL', 'HANGUP']);
      expect(record.ending).toBe('caller-hung-up');
    });
  });
});

describe('parseCallerScript', () => {
  it('reads keys, silence, speech and a hang-up', () => {
    expect(
      parseCallerScript('1 2# _ say:two large pepperoni * "no thanks" hangup'),
    ).toEqual([
      { kind: 'key', key: '1' },
      { kind: 'key', key: '2' },
      { kind: 'key', key: '#' },
      { kind: 'silence' },
      { kind: 'utterance', text: 'two large pepperoni' },
      { kind: 'key', key: '*' },
      { kind: 'utterance', text: 'no thanks' },
      { kind: 'hangup' },
    ]);
  });

  it('refuses a token it does not know', () => {
    expect(() => parseCallerScript('1 pizza')).toThrow(CallerScriptError);
  });
});
