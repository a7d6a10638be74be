import type { ActionType } from '../../src/telephony/actions';
import {
  MAX_ACTIONS,
  MAX_BOT_CONFIGURATION_BYTES,
  MAX_SPEECH_CHARACTERS,
  MAX_TRANSACTION_ATTRIBUTE_KEYS,
  MAX_TRANSACTION_ATTRIBUTES_SIZE,
  transactionAttributesSize,
  validateResponse,
} from '../../src/telephony/validate-response';

const CALL_ID = '8a4e2c6f-1d3b-4e9a-b7c5-0f2e4a6c8d1b';

/** Parameters Chime accepts, one set per action type. */
const validParameters: Record<ActionType, Record<string, unknown>> = {
  Speak: { CallId: CALL_ID, Text: 'Your order is in.', TextType: 'text' },
  SpeakAndGetDigits: {
    CallId: CALL_ID,
    InputDigitsRegex: '^[1-3]$',
    SpeechParameters: { Text: 'To order, press 1.', TextType: 'text' },
    FailureSpeechParameters: { Text: 'Sorry.', TextType: 'text' },
    MinNumberOfDigits: 1,
    MaxNumberOfDigits: 1,
    TerminatorDigits: ['#'],
    Repeat: 3,
    RepeatDurationInMilliseconds: 5000,
  },
  StartBotConversation: {
    CallId: CALL_ID,
    BotAliasArn:
      'arn:aws:lex:us-east-1:123456789012:bot-alias/ORDERBOT01/LIVEALIAS1',
    LocaleId: 'en_US',
    Configuration: {
      SessionState: { DialogAction: { Type: 'ElicitIntent' } },
      WelcomeMessages: [
        { Content: 'What would you like?', ContentType: 'PlainText' },
      ],
    },
  },
  CallAndBridge: {
    CallTimeoutSeconds: 30,
    CallerIdNumber: '+12065550100',
    Endpoints: [{ BridgeEndpointType: 'PSTN', Uri: '+12065550177' }],
  },
  Pause: { CallId: CALL_ID, DurationInMilliseconds: 1000 },
  Hangup: { CallId: CALL_ID, SipResponseCode: '0' },
  PlayAudio: {
    CallId: CALL_ID,
    AudioSource: { Type: 'S3', BucketName: 'audio', Key: 'hold.wav' },
  },
  ReceiveDigits: {
    CallId: CALL_ID,
    InputDigitsRegex: '^[0*]$',
    InBetweenDigitsDurationInMilliseconds: 1000,
    FlushDigitsDurationInMilliseconds: 10000,
  },
  SendDigits: { CallId: CALL_ID, Digits: '12,34#' },
};

function action(type: ActionType) {
  return { Type: type, Parameters: validParameters[type] };
}

/** A valid action of `type` with parameters changed; undefined drops one. */
function changed(type: ActionType, changes: Record<string, unknown>) {
  const parameters = Object.fromEntries(
    Object.entries({ ...validParameters[type], ...changes }).filter(
      ([, value]) => value !== undefined,
    ),
  );

  return { Type: type, Parameters: parameters };
}

function respond(...actions: unknown[]) {
  return { SchemaVersion: '1.0', Actions: actions };
}

function attributesOfSize(keys: number, size: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (let index = 0; index < keys; index++) attributes[`k${index}`] = '';
  const used = transactionAttributesSize(attributes);
  attributes.k0 = 'x'.repeat(size - used);

  return attributes;
}

function problemsOf(response: unknown): string[] {
  const result = validateResponse(response);

  return result.valid ? [] : result.problems;
}

const longText = 'a'.repeat(MAX_SPEECH_CHARACTERS + 1);
const hugeSlots = { Item: 'x'.repeat(MAX_BOT_CONFIGURATION_BYTES) };

const rejections: { rule: string; response: unknown; problem: string }[] = [
  {
    rule: 'a response that is not an object',
    response: 'Hangup',
    problem: 'The response must be an object',
  },
  {
    rule: 'a SchemaVersion other than 1.0',
    response: { ...respond(), SchemaVersion: '2.0' },
    problem: 'SchemaVersion must be "1.0"',
  },
  {
    rule: 'a misspelt response field',
    response: { ...respond(), TransactionAttribute: {} },
    problem: 'TransactionAttribute is not a field of a response',
  },
  {
    rule: 'Actions that are not a list',
    response: { SchemaVersion: '1.0', Actions: action('Pause') },
    problem: 'Actions must be an array, or null to keep the pending actions',
  },
  {
    rule: 'more than 10 actions',
    response: respond(
      ...Array.from({ length: MAX_ACTIONS + 1 }, () => action('Pause')),
    ),
    problem: 'Actions has 11 actions; at most 10 are allowed',
  },
  {
    rule: 'an action that is not an object',
    response: respond('Pause'),
    problem: 'Actions[0] must be an object',
  },
  {
    rule: 'an action without a Type',
    response: respond({ Parameters: validParameters.Pause }),
    problem: 'Actions[0]: Type is required',
  },
  {
    rule: 'an unknown action Type',
    response: respond({ Type: 'PlayMusic', Parameters: {} }),
    problem: 'Actions[0]: unknown action Type "PlayMusic"',
  },
  {
    rule: 'a field beside Type and Parameters',
    response: respond({ ...action('Pause'), CallId: CALL_ID }),
    problem: 'Actions[0] (Pause): CallId is not a field of an action',
  },
  {
    rule: 'an action without Parameters',
    response: respond({ Type: 'Hangup' }),
    problem: 'Actions[0] (Hangup): Parameters is required',
  },
  {
    rule: 'an unknown parameter',
    response: respond(changed('Speak', { Voice: 'Joanna' })),
    problem: 'Actions[0] (Speak): Voice is not a known parameter',
  },
  {
    rule: 'a missing required parameter',
    response: respond(changed('Speak', { CallId: undefined })),
    problem: 'Actions[0] (Speak): CallId is required',
  },
  {
    rule: 'a parameter of the wrong type',
    response: respond(changed('Pause', { DurationInMilliseconds: '1000' })),
    problem: 'Actions[0] (Pause): DurationInMilliseconds must be a number',
  },
  {
    rule: 'an empty Speak Text',
    response: respond(changed('Speak', { Text: '' })),
    problem: 'Actions[0] (Speak): Text must not be empty',
  },
  {
    rule: 'a Speak Text over 1000 characters',
    response: respond(changed('Speak', { Text: longText })),
    problem: 'Actions[0] (Speak): Text must be at most 1000 characters',
  },
  {
    rule: 'a TextType other than text or ssml',
    response: respond(changed('Speak', { TextType: 'html' })),
    problem: 'Actions[0] (Speak): TextType must be text or ssml',
  },
  {
    rule: 'an Engine other than standard or neural',
    response: respond(changed('Speak', { Engine: 'generative' })),
    problem: 'Actions[0] (Speak): Engine must be standard or neural',
  },
  {
    rule: 'SpeakAndGetDigits without RepeatDurationInMilliseconds',
    response: respond(
      action('Speak'),
      action('Pause'),
      changed('SpeakAndGetDigits', { RepeatDurationInMilliseconds: undefined }),
    ),
    problem:
      'Actions[2] (SpeakAndGetDigits): RepeatDurationInMilliseconds is required',
  },
  {
    rule: 'a RepeatDurationInMilliseconds of 0',
    response: respond(
      changed('SpeakAndGetDigits', { RepeatDurationInMilliseconds: 0 }),
    ),
    problem:
      'Actions[0] (SpeakAndGetDigits): RepeatDurationInMilliseconds must be greater than 0',
  },
  {
    rule: 'a fractional RepeatDurationInMilliseconds',
    response: respond(
      changed('SpeakAndGetDigits', { RepeatDurationInMilliseconds: 2.5 }),
    ),
    problem:
      'Actions[0] (SpeakAndGetDigits): RepeatDurationInMilliseconds must be a whole number',
  },
  {
    rule: 'a Repeat of 0',
    response: respond(changed('SpeakAndGetDigits', { Repeat: 0 })),
    problem: 'Actions[0] (SpeakAndGetDigits): Repeat must be greater than 0',
  },
  {
    rule: 'a negative MinNumberOfDigits',
    response: respond(changed('SpeakAndGetDigits', { MinNumberOfDigits: -1 })),
    problem:
      'Actions[0] (SpeakAndGetDigits): MinNumberOfDigits must be 0 or more',
  },
  {
    rule: 'a MaxNumberOfDigits below MinNumberOfDigits',
    response: respond(
      changed('SpeakAndGetDigits', {
        MinNumberOfDigits: 4,
        MaxNumberOfDigits: 3,
      }),
    ),
    problem:
      'Actions[0] (SpeakAndGetDigits): MaxNumberOfDigits must not be less than MinNumberOfDigits',
  },
  {
    rule: 'a terminator that is not a keypad key',
    response: respond(
      changed('SpeakAndGetDigits', { TerminatorDigits: ['#', 'x'] }),
    ),
    problem:
      'Actions[0] (SpeakAndGetDigits): TerminatorDigits[1] must be one of 0-9, # or *',
  },
  {
    rule: 'an InputDigitsRegex that does not compile',
    response: respond(
      changed('SpeakAndGetDigits', { InputDigitsRegex: '^[1-3$' }),
    ),
    problem:
      'Actions[0] (SpeakAndGetDigits): InputDigitsRegex must be a valid regular expression',
  },
  {
    rule: 'an empty prompt',
    response: respond(
      changed('SpeakAndGetDigits', { SpeechParameters: { Text: '' } }),
    ),
    problem:
      'Actions[0] (SpeakAndGetDigits): SpeechParameters.Text must not be empty',
  },
  {
    rule: 'a failure prompt over 1000 characters',
    response: respond(
      changed('SpeakAndGetDigits', {
        FailureSpeechParameters: { Text: longText },
      }),
    ),
    problem:
      'Actions[0] (SpeakAndGetDigits): FailureSpeechParameters.Text must be at most 1000 characters',
  },
  {
    rule: 'an unknown speech parameter',
    response: respond(
      changed('SpeakAndGetDigits', {
        SpeechParameters: { Text: 'Hi.', Voice: 'Joanna' },
      }),
    ),
    problem:
      'Actions[0] (SpeakAndGetDigits): SpeechParameters.Voice is not a known parameter',
  },
  {
    rule: 'a Pause of 0 milliseconds',
    response: respond(changed('Pause', { DurationInMilliseconds: 0 })),
    problem:
      'Actions[0] (Pause): DurationInMilliseconds must be greater than 0',
  },
  {
    rule: 'a SipResponseCode that is not a number',
    response: respond(changed('Hangup', { SipResponseCode: 'busy' })),
    problem:
      'Actions[0] (Hangup): SipResponseCode must be a numeric string such as "0"',
  },
  {
    rule: 'a SipResponseCode given as a number',
    response: respond(changed('Hangup', { SipResponseCode: 0 })),
    problem: 'Actions[0] (Hangup): SipResponseCode must be a string',
  },
  {
    rule: 'a caller id that is not E.164',
    response: respond(
      changed('CallAndBridge', { CallerIdNumber: '2065550100' }),
    ),
    problem:
      'Actions[0] (CallAndBridge): CallerIdNumber must be an E.164 phone number such as +15555550100',
  },
  {
    rule: 'a PSTN endpoint that is not E.164',
    response: respond(
      changed('CallAndBridge', {
        Endpoints: [{ BridgeEndpointType: 'PSTN', Uri: '206-555-0177' }],
      }),
    ),
    problem:
      'Actions[0] (CallAndBridge): Endpoints[0].Uri must be an E.164 phone number such as +15555550100',
  },
  {
    rule: 'a bridge without endpoints',
    response: respond(changed('CallAndBridge', { Endpoints: [] })),
    problem:
      'Actions[0] (CallAndBridge): Endpoints must list at least one endpoint',
  },
  {
    rule: 'an AWS endpoint without an Arn',
    response: respond(
      changed('CallAndBridge', {
        Endpoints: [{ BridgeEndpointType: 'AWS', Uri: '5550177' }],
      }),
    ),
    problem:
      'Actions[0] (CallAndBridge): Endpoints[0].Arn is required for an AWS endpoint',
  },
  {
    rule: 'a bridge timeout over 120 seconds',
    response: respond(changed('CallAndBridge', { CallTimeoutSeconds: 121 })),
    problem:
      'Actions[0] (CallAndBridge): CallTimeoutSeconds must be at most 120',
  },
  {
    rule: 'a bot ARN that is not a Lex V2 alias',
    response: respond(
      changed('StartBotConversation', {
        BotAliasArn: 'arn:aws:lex:us-east-1:123456789012:bot:OrderBot',
      }),
    ),
    problem:
      'Actions[0] (StartBotConversation): BotAliasArn must be a Lex V2 bot alias ARN such as arn:aws:lex:us-east-1:123456789012:bot-alias/BOTID12345/ALIASID123',
  },
  {
    rule: 'a locale spelt like a language tag',
    response: respond(changed('StartBotConversation', { LocaleId: 'en-US' })),
    problem:
      'Actions[0] (StartBotConversation): LocaleId must be a Lex locale such as en_US',
  },
  {
    rule: 'a welcome message of an unknown ContentType',
    response: respond(
      changed('StartBotConversation', {
        Configuration: {
          SessionState: { DialogAction: { Type: 'ElicitIntent' } },
          WelcomeMessages: [{ Content: 'Hi.', ContentType: 'Text' }],
        },
      }),
    ),
    problem:
      'Actions[0] (StartBotConversation): Configuration.WelcomeMessages[0].ContentType must be PlainText or SSML',
  },
  {
    rule: 'welcome messages without ElicitIntent',
    response: respond(
      changed('StartBotConversation', {
        Configuration: {
          SessionState: { DialogAction: { Type: 'Delegate' } },
          WelcomeMessages: [{ Content: 'Hi.', ContentType: 'PlainText' }],
        },
      }),
    ),
    problem:
      'Actions[0] (StartBotConversation): Configuration.WelcomeMessages require SessionState.DialogAction.Type to be ElicitIntent',
  },
  {
    rule: 'a bot Configuration over 10 KB',
    response: respond(
      changed('StartBotConversation', {
        Configuration: {
          SessionState: { Intent: { Name: 'OrderFood', Slots: hugeSlots } },
        },
      }),
    ),
    problem:
      'Actions[0] (StartBotConversation): Configuration must be at most 10240 bytes as JSON',
  },
  {
    rule: 'a bot conversation on no call leg',
    response: respond(changed('StartBotConversation', { CallId: undefined })),
    problem:
      'Actions[0] (StartBotConversation): CallId or ParticipantTag is required',
  },
  {
    rule: 'an audio source outside S3',
    response: respond(
      changed('PlayAudio', {
        AudioSource: { Type: 'URL', BucketName: 'audio', Key: 'hold.wav' },
      }),
    ),
    problem: 'Actions[0] (PlayAudio): AudioSource.Type must be S3',
  },
  {
    rule: 'ReceiveDigits without FlushDigitsDurationInMilliseconds',
    response: respond(
      changed('ReceiveDigits', {
        FlushDigitsDurationInMilliseconds: undefined,
      }),
    ),
    problem:
      'Actions[0] (ReceiveDigits): FlushDigitsDurationInMilliseconds is required',
  },
  {
    rule: 'digits a phone cannot send',
    response: respond(changed('SendDigits', { Digits: '12E' })),
    problem:
      'Actions[0] (SendDigits): Digits must be 1 to 50 of 0-9, *, #, A-D and commas',
  },
  {
    rule: 'TransactionAttributes that are not an object',
    response: { ...respond(), TransactionAttributes: ['MAIN'] },
    problem: 'TransactionAttributes must be an object of strings',
  },
  {
    rule: 'a TransactionAttributes value that is not a string',
    response: { ...respond(), TransactionAttributes: { tries: 0 } },
    problem: 'TransactionAttributes.tries must be a string',
  },
  {
    rule: 'more than 10 TransactionAttributes keys',
    response: {
      ...respond(),
      TransactionAttributes: attributesOfSize(
        MAX_TRANSACTION_ATTRIBUTE_KEYS + 1,
        100,
      ),
    },
    problem: 'TransactionAttributes has 11 keys; at most 10 are allowed',
  },
  {
    rule: 'TransactionAttributes over 20,000 characters',
    response: {
      ...respond(),
      TransactionAttributes: attributesOfSize(
        2,
        MAX_TRANSACTION_ATTRIBUTES_SIZE + 1,
      ),
    },
    problem:
      'TransactionAttributes holds 20001 characters of keys and values; at most 20000 are allowed',
  },
];

describe('validateResponse', () => {
  it.each(rejections)('rejects $rule', ({ response, problem }) => {
    // Act
    const problems = problemsOf(response);

    // Assess
    expect(problems).toEqual([problem]);
  });

  it('reports every problem of a response, not only the first', () => {
    // Prepare
    const response = {
      SchemaVersion: '1.0',
      Actions: [
        changed('Speak', { Text: '' }),
        changed('Pause', { DurationInMilliseconds: 0 }),
      ],
      TransactionAttributes: { tries: 1 },
    };

    // Act
    const problems = problemsOf(response);

    // Assess
    expect(problems).toEqual([
      'Actions[0] (Speak): Text must not be empty',
      'Actions[1] (Pause): DurationInMilliseconds must be greater than 0',
      'TransactionAttributes.tries must be a string',
    ]);
  });

  it('accepts one action of every type', () => {
    // Prepare
    const response = respond(action('Speak'), action('SpeakAndGetDigits'));
    const others = respond(
      action('StartBotConversation'),
      action('CallAndBridge'),
      action('Pause'),
      action('Hangup'),
      action('PlayAudio'),
      action('ReceiveDigits'),
      action('SendDigits'),
    );

    // Act
    const results = [validateResponse(response), validateResponse(others)];

    // Assess
    expect(results.map((result) => result.valid)).toEqual([true, true]);
  });

  it('returns a valid action list as given', () => {
    // Prepare
    const response = {
      ...respond(action('Hangup')),
      TransactionAttributes: { step: 'ENDED' },
    };

    // Act
    const result = validateResponse(response);

    // Assess
    expect(result).toEqual({
      valid: true,
      response,
      keepsPendingActions: false,
    });
    expect(result.valid && result.response).toBe(response);
  });

  it('accepts null Actions as keeping the pending actions', () => {
    // Prepare
    const response = {
      SchemaVersion: '1.0',
      Actions: null,
      TransactionAttributes: { step: 'MAIN' },
    };

    // Act
    const result = validateResponse(response);

    // Assess
    expect(result).toEqual({
      valid: true,
      response: {
        SchemaVersion: '1.0',
        Actions: [],
        TransactionAttributes: { step: 'MAIN' },
      },
      keepsPendingActions: true,
    });
  });

  it('accepts absent Actions as keeping the pending actions', () => {
    // Act
    const result = validateResponse({ SchemaVersion: '1.0' });

    // Assess
    expect(result).toEqual({
      valid: true,
      response: { SchemaVersion: '1.0', Actions: [] },
      keepsPendingActions: true,
    });
  });

  it('accepts an empty action list, the answer to a hangup', () => {
    // Act
    const result = validateResponse(respond());

    // Assess
    expect(result).toEqual({
      valid: true,
      response: { SchemaVersion: '1.0', Actions: [] },
      keepsPendingActions: false,
    });
  });

  it('accepts 10 actions', () => {
    // Prepare
    const response = respond(
      ...Array.from({ length: MAX_ACTIONS }, () => action('Pause')),
    );

    // Act
    const problems = problemsOf(response);

    // Assess
    expect(problems).toEqual([]);
  });

  it('accepts a single menu key read with both digit counts at 1', () => {
    // Prepare
    const response = respond(
      changed('SpeakAndGetDigits', {
        MinNumberOfDigits: 1,
        MaxNumberOfDigits: 1,
      }),
    );

    // Act
    const problems = problemsOf(response);

    // Assess
    expect(problems).toEqual([]);
  });

  it('accepts speech of exactly 1000 characters', () => {
    // Prepare
    const text = 'a'.repeat(MAX_SPEECH_CHARACTERS);
    const response = respond(changed('Speak', { Text: text }));

    // Act
    const problems = problemsOf(response);

    // Assess
    expect(problems).toEqual([]);
  });

  it('accepts TransactionAttributes of 10 keys and 20,000 characters', () => {
    // Prepare
    const response = {
      ...respond(),
      TransactionAttributes: attributesOfSize(
        MAX_TRANSACTION_ATTRIBUTE_KEYS,
        MAX_TRANSACTION_ATTRIBUTES_SIZE,
      ),
    };

    // Act
    const problems = problemsOf(response);

    // Assess
    expect(problems).toEqual([]);
  });

  it('accepts an empty TransactionAttributes map, which clears them', () => {
    // Act
    const problems = problemsOf({ ...respond(), TransactionAttributes: {} });

    // Assess
    expect(problems).toEqual([]);
  });

  it('accepts a bot conversation on a participant tag', () => {
    // Prepare
    const response = respond(
      changed('StartBotConversation', {
        CallId: undefined,
        ParticipantTag: 'LEG-A',
      }),
    );

    // Act
    const problems = problemsOf(response);

    // Assess
    expect(problems).toEqual([]);
  });

  it('accepts an AWS endpoint with an Arn', () => {
    // Prepare
    const response = respond(
      changed('CallAndBridge', {
        Endpoints: [
          {
            BridgeEndpointType: 'AWS',
            Uri: '5550177',
            Arn: 'arn:aws:chime:us-east-1:123456789012:vc/abcdefghijklmnop',
          },
        ],
      }),
    );

    // Act
    const problems = problemsOf(response);

    // Assess
    expect(problems).toEqual([]);
  });
});

describe('transactionAttributesSize', () => {
  it('counts the characters of every key and value', () => {
    // Act
    const size = transactionAttributesSize({ step: 'MAIN', cart: '[]' });

    // Assess
    expect(size).toBe(14);
  });
});
