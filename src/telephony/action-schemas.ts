import * as z from 'zod/mini';
import '../validation/english-messages';

import type { Action, ActionType } from './actions';
import { MAX_BOT_CONFIGURATION_BYTES, MAX_SPEECH_CHARACTERS } from './limits';

/**
 * One strict zod schema per action's Parameters, with the rules of the
 * developer guide. Messages are the rule alone ("must be greater than 0");
 * the validator adds the action and the parameter's path. Built once, at
 * module load, because every invocation is checked.
 */

const E164 = /^\+[1-9]\d{1,14}$/;
const E164_RULE = 'must be an E.164 phone number such as +15555550100';
const LEX_BOT_ALIAS_ARN =
  /^arn:aws(-[a-z]+)*:lex:[a-z]{2}(-[a-z]+)+-\d:\d{12}:bot-alias\/[0-9A-Za-z]+\/[0-9A-Za-z]+$/;
// Lex locales are language_REGION, and Latin American Spanish is es_419.
const LEX_LOCALE = /^[a-z]{2}_([A-Z]{2}|\d{3})$/;
const SIP_RESPONSE_CODE = /^\d+$/;
const SEND_DIGITS = /^[0-9*#A-D,]{1,50}$/;
const KEYPAD_KEYS = [
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '#',
  '*',
] as const;

const nonEmptyText = z.string().check(z.minLength(1, 'must not be empty'));
const callId = nonEmptyText;
const participantTag = z.enum(['LEG-A', 'LEG-B'], {
  error: 'must be LEG-A or LEG-B',
});
const positiveWholeNumber = z.int().check(z.positive('must be greater than 0'));
const keypadKey = z.enum(KEYPAD_KEYS, { error: 'must be one of 0-9, # or *' });
const e164 = z.string().check(z.regex(E164, E164_RULE));

const digitsRegex = z
  .string()
  .check(
    z.refine(compilesAsRegExp, { error: 'must be a valid regular expression' }),
  );

const speechText = nonEmptyText.check(
  z.maxLength(
    MAX_SPEECH_CHARACTERS,
    `must be at most ${MAX_SPEECH_CHARACTERS} characters`,
  ),
);

const voiceSettings = {
  Engine: z.optional(
    z.enum(['standard', 'neural'], { error: 'must be standard or neural' }),
  ),
  LanguageCode: z.optional(nonEmptyText),
  VoiceId: z.optional(nonEmptyText),
};

const textType = z.enum(['text', 'ssml'], { error: 'must be text or ssml' });

const speechParameters = z.strictObject({
  Text: speechText,
  TextType: z.optional(textType),
  ...voiceSettings,
});

const s3AudioSource = z.strictObject({
  Type: z.literal('S3', { error: 'must be S3' }),
  BucketName: nonEmptyText,
  Key: nonEmptyText,
});

const speak = z.strictObject({
  CallId: callId,
  Text: speechText,
  TextType: z.optional(textType),
  ...voiceSettings,
});

const speakAndGetDigits = z
  .strictObject({
    CallId: callId,
    InputDigitsRegex: z.optional(digitsRegex),
    SpeechParameters: speechParameters,
    FailureSpeechParameters: speechParameters,
    MinNumberOfDigits: z.optional(
      z.int().check(z.nonnegative('must be 0 or more')),
    ),
    MaxNumberOfDigits: z.optional(positiveWholeNumber),
    TerminatorDigits: z.optional(z.array(keypadKey)),
    InBetweenDigitsDurationInMilliseconds: z.optional(positiveWholeNumber),
    Repeat: z.optional(positiveWholeNumber),
    RepeatDurationInMilliseconds: positiveWholeNumber,
  })
  .check(
    // The guide asks for more than the minimum, yet AWS's own samples read
    // a single key with both at 1; Chime accepts that, so equal passes.
    z.refine(
      (p) =>
        p.MaxNumberOfDigits === undefined ||
        p.MaxNumberOfDigits >= (p.MinNumberOfDigits ?? 0),
      {
        path: ['MaxNumberOfDigits'],
        error: 'must not be less than MinNumberOfDigits',
      },
    ),
  );

const botConfiguration = z
  .strictObject({
    SessionState: z.optional(
      z.strictObject({
        SessionAttributes: z.optional(z.record(z.string(), z.string())),
        DialogAction: z.optional(
          z.strictObject({
            Type: z.enum(['ElicitIntent', 'Delegate'], {
              error: 'must be ElicitIntent or Delegate',
            }),
          }),
        ),
        Intent: z.optional(
          z.strictObject({
            Name: nonEmptyText,
            Slots: z.optional(z.record(z.string(), z.unknown())),
          }),
        ),
      }),
    ),
    WelcomeMessages: z.optional(
      z.array(
        z.strictObject({
          Content: nonEmptyText,
          ContentType: z.enum(['PlainText', 'SSML'], {
            error: 'must be PlainText or SSML',
          }),
        }),
      ),
    ),
  })
  .check(
    z.refine(
      (c) =>
        c.WelcomeMessages === undefined ||
        c.SessionState?.DialogAction?.Type === 'ElicitIntent',
      {
        path: ['WelcomeMessages'],
        error: 'require SessionState.DialogAction.Type to be ElicitIntent',
      },
    ),
    z.refine(
      (c) =>
        Buffer.byteLength(JSON.stringify(c)) <= MAX_BOT_CONFIGURATION_BYTES,
      {
        error: `must be at most ${MAX_BOT_CONFIGURATION_BYTES} bytes as JSON`,
      },
    ),
  );

const startBotConversation = z
  .strictObject({
    CallId: z.optional(callId),
    ParticipantTag: z.optional(participantTag),
    BotAliasArn: z
      .string()
      .check(
        z.regex(
          LEX_BOT_ALIAS_ARN,
          'must be a Lex V2 bot alias ARN such as ' +
            'arn:aws:lex:us-east-1:123456789012:bot-alias/BOTID12345/ALIASID123',
        ),
      ),
    LocaleId: z
      .string()
      .check(z.regex(LEX_LOCALE, 'must be a Lex locale such as en_US')),
    Configuration: z.optional(botConfiguration),
  })
  .check(
    z.refine((p) => p.CallId !== undefined || p.ParticipantTag !== undefined, {
      error: 'CallId or ParticipantTag is required',
    }),
  );

const bridgeEndpoint = z
  .strictObject({
    BridgeEndpointType: z.enum(['PSTN', 'AWS'], {
      error: 'must be PSTN or AWS',
    }),
    Uri: nonEmptyText,
    Arn: z.optional(nonEmptyText),
  })
  .check(
    z.refine((e) => e.BridgeEndpointType !== 'PSTN' || E164.test(e.Uri), {
      path: ['Uri'],
      error: E164_RULE,
    }),
    z.refine((e) => e.BridgeEndpointType !== 'AWS' || e.Arn !== undefined, {
      path: ['Arn'],
      error: 'is required for an AWS endpoint',
    }),
  );

const callAndBridge = z.strictObject({
  CallTimeoutSeconds: z.optional(
    positiveWholeNumber.check(z.maximum(120, 'must be at most 120')),
  ),
  CallerIdNumber: e164,
  Endpoints: z
    .array(bridgeEndpoint)
    .check(z.minLength(1, 'must list at least one endpoint')),
  RingbackTone: z.optional(s3AudioSource),
  SipHeaders: z.optional(z.record(z.string(), z.string())),
});

const pause = z.strictObject({
  CallId: callId,
  DurationInMilliseconds: positiveWholeNumber,
});

const hangup = z.strictObject({
  CallId: callId,
  ParticipantTag: z.optional(participantTag),
  SipResponseCode: z
    .string()
    .check(z.regex(SIP_RESPONSE_CODE, 'must be a numeric string such as "0"')),
});

const playAudio = z.strictObject({
  CallId: callId,
  ParticipantTag: z.optional(participantTag),
  PlaybackTerminators: z.optional(z.array(keypadKey)),
  Repeat: z.optional(positiveWholeNumber),
  AudioSource: s3AudioSource,
});

const receiveDigits = z.strictObject({
  CallId: callId,
  InputDigitsRegex: digitsRegex,
  InBetweenDigitsDurationInMilliseconds: positiveWholeNumber,
  FlushDigitsDurationInMilliseconds: positiveWholeNumber,
});

const sendDigits = z.strictObject({
  CallId: callId,
  Digits: z
    .string()
    .check(
      z.regex(SEND_DIGITS, 'must be 1 to 50 of 0-9, *, #, A-D and commas'),
    ),
  ToneDurationInMilliseconds: z.optional(
    z
      .int()
      .check(
        z.minimum(50, 'must be at least 50'),
        z.maximum(24_000, 'must be at most 24000'),
      ),
  ),
});

type ParametersOf<T extends ActionType> = Extract<
  Action,
  { Type: T }
>['Parameters'];

// Typed against actions.ts: a schema whose output does not fit its action's
// Parameters (a required parameter missing, a type that differs) fails to
// compile. An optional parameter added on one side only still compiles.
const parameterSchemas: {
  [T in ActionType]: z.ZodMiniType<ParametersOf<T>>;
} = {
  Speak: speak,
  SpeakAndGetDigits: speakAndGetDigits,
  StartBotConversation: startBotConversation,
  CallAndBridge: callAndBridge,
  Pause: pause,
  Hangup: hangup,
  PlayAudio: playAudio,
  ReceiveDigits: receiveDigits,
  SendDigits: sendDigits,
};

const schemaByType = new Map<string, z.ZodMiniType>(
  Object.entries(parameterSchemas),
);

/** The schema of an action type's Parameters, or undefined if unknown. */
export function parameterSchemaOf(type: string): z.ZodMiniType | undefined {
  return schemaByType.get(type);
}

function compilesAsRegExp(source: string): boolean {
  try {
    new RegExp(source);

    return true;
  } catch {
    return false;
  }
}
