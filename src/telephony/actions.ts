/**
 * The actions a SIP media application's Lambda returns, typed as the Amazon
 * Chime SDK PSTN audio service documents them, and one builder per action so
 * callers never spell a parameter name by hand.
 */

/** Amazon Polly settings shared by the speech actions. */
export interface VoiceSettings {
  Engine?: 'standard' | 'neural';
  LanguageCode?: string;
  VoiceId?: string;
}

export interface SpeechParameters extends VoiceSettings {
  Text: string;
  TextType?: 'text' | 'ssml';
}

export interface SpeakAction {
  Type: 'Speak';
  Parameters: SpeechParameters & { CallId: string };
}

export interface SpeakAndGetDigitsAction {
  Type: 'SpeakAndGetDigits';
  Parameters: {
    CallId: string;
    InputDigitsRegex?: string;
    SpeechParameters: SpeechParameters;
    FailureSpeechParameters: SpeechParameters;
    MinNumberOfDigits?: number;
    MaxNumberOfDigits?: number;
    TerminatorDigits?: string[];
    InBetweenDigitsDurationInMilliseconds?: number;
    Repeat?: number;
    RepeatDurationInMilliseconds: number;
  };
}

export interface BotWelcomeMessage {
  Content: string;
  ContentType: 'PlainText' | 'SSML';
}

export interface StartBotConversationAction {
  Type: 'StartBotConversation';
  Parameters: {
    CallId?: string;
    ParticipantTag?: 'LEG-A' | 'LEG-B';
    BotAliasArn: string;
    LocaleId: string;
    Configuration?: {
      SessionState?: {
        SessionAttributes?: Record<string, string>;
        DialogAction?: { Type: 'ElicitIntent' | 'Delegate' };
        Intent?: { Name: string; Slots?: Record<string, unknown> };
      };
      WelcomeMessages?: BotWelcomeMessage[];
    };
  };
}

export interface BridgeEndpoint {
  BridgeEndpointType: 'PSTN' | 'AWS';
  Uri: string;
  Arn?: string;
}

export interface S3AudioSource {
  Type: 'S3';
  BucketName: string;
  Key: string;
}

export interface CallAndBridgeAction {
  Type: 'CallAndBridge';
  Parameters: {
    CallTimeoutSeconds?: number;
    CallerIdNumber: string;
    Endpoints: BridgeEndpoint[];
    RingbackTone?: S3AudioSource;
    SipHeaders?: Record<string, string>;
  };
}

export interface PauseAction {
  Type: 'Pause';
  Parameters: { CallId: string; DurationInMilliseconds: number };
}

export interface HangupAction {
  Type: 'Hangup';
  Parameters: {
    CallId: string;
    ParticipantTag?: 'LEG-A' | 'LEG-B';
    SipResponseCode: string;
  };
}

export interface PlayAudioAction {
  Type: 'PlayAudio';
  Parameters: {
    CallId: string;
    ParticipantTag?: 'LEG-A' | 'LEG-B';
    PlaybackTerminators?: string[];
    Repeat?: number;
    AudioSource: S3AudioSource;
  };
}

export interface ReceiveDigitsAction {
  Type: 'ReceiveDigits';
  Parameters: {
    CallId: string;
    InputDigitsRegex: string;
    InBetweenDigitsDurationInMilliseconds: number;
    FlushDigitsDurationInMilliseconds: number;
  };
}

export interface SendDigitsAction {
  Type: 'SendDigits';
  Parameters: {
    CallId: string;
    Digits: string;
    ToneDurationInMilliseconds?: number;
  };
}

/** Every action this product can return to Chime. */
export type Action =
  | SpeakAction
  | SpeakAndGetDigitsAction
  | StartBotConversationAction
  | CallAndBridgeAction
  | PauseAction
  | HangupAction
  | PlayAudioAction
  | ReceiveDigitsAction
  | SendDigitsAction;

export type ActionType = Action['Type'];

/** What the Lambda answers to each invocation. */
export interface SmaResponse {
  SchemaVersion: '1.0';
  Actions: Action[];
  TransactionAttributes?: Record<string, string>;
}

/** Builds a response; leaving out attributes keeps the call's current ones. */
export function smaResponse(
  actions: Action[],
  transactionAttributes?: Record<string, string>,
): SmaResponse {
  const response: SmaResponse = { SchemaVersion: '1.0', Actions: actions };
  if (transactionAttributes !== undefined) {
    response.TransactionAttributes = transactionAttributes;
  }

  return response;
}

export function speak(
  callId: string,
  text: string,
  voice: VoiceSettings = {},
): SpeakAction {
  return {
    Type: 'Speak',
    Parameters: { CallId: callId, Text: text, TextType: 'text', ...voice },
  };
}

/** What {@link speakAndGetDigits} needs: a prompt and how to read keys. */
export interface DigitPrompt {
  callId: string;
  prompt: string;
  /** Spoken after a wrong key or silence, before the prompt repeats. */
  failurePrompt: string;
  minDigits?: number;
  maxDigits?: number;
  /** Anchored pattern the keys must match, such as `^[1-3*]$`. */
  digitsRegex?: string;
  terminators?: string[];
  /** Total attempts, the first included. */
  attempts?: number;
  /** How long each attempt waits for the first key. */
  timeoutMs: number;
  betweenDigitsMs?: number;
  voice?: VoiceSettings;
}

export function speakAndGetDigits(
  options: DigitPrompt,
): SpeakAndGetDigitsAction {
  const voice = options.voice ?? {};
  const parameters: SpeakAndGetDigitsAction['Parameters'] = {
    CallId: options.callId,
    SpeechParameters: { Text: options.prompt, TextType: 'text', ...voice },
    FailureSpeechParameters: {
      Text: options.failurePrompt,
      TextType: 'text',
      ...voice,
    },
    MinNumberOfDigits: options.minDigits ?? 1,
    MaxNumberOfDigits: options.maxDigits ?? 1,
    Repeat: options.attempts ?? 1,
    RepeatDurationInMilliseconds: options.timeoutMs,
  };
  if (options.digitsRegex !== undefined) {
    parameters.InputDigitsRegex = options.digitsRegex;
  }
  if (options.terminators !== undefined) {
    parameters.TerminatorDigits = options.terminators;
  }
  if (options.betweenDigitsMs !== undefined) {
    parameters.InBetweenDigitsDurationInMilliseconds = options.betweenDigitsMs;
  }

  return { Type: 'SpeakAndGetDigits', Parameters: parameters };
}

/** What {@link startBotConversation} needs to hand the caller to Lex. */
export interface BotHandOff {
  callId: string;
  botAliasArn: string;
  localeId: string;
  welcome?: string;
  sessionAttributes?: Record<string, string>;
}

export function startBotConversation(
  options: BotHandOff,
): StartBotConversationAction {
  const configuration: NonNullable<
    StartBotConversationAction['Parameters']['Configuration']
  > = {
    SessionState: {
      SessionAttributes: options.sessionAttributes ?? {},
      DialogAction: { Type: 'ElicitIntent' },
    },
  };
  if (options.welcome !== undefined) {
    configuration.WelcomeMessages = [
      { Content: options.welcome, ContentType: 'PlainText' },
    ];
  }

  return {
    Type: 'StartBotConversation',
    Parameters: {
      CallId: options.callId,
      BotAliasArn: options.botAliasArn,
      LocaleId: options.localeId,
      Configuration: configuration,
    },
  };
}

/** Bridges the call to a phone number, showing `callerId` to the callee. */
export function callAndBridge(
  callerId: string,
  toNumber: string,
  timeoutSeconds = 30,
): CallAndBridgeAction {
  return {
    Type: 'CallAndBridge',
    Parameters: {
      CallTimeoutSeconds: timeoutSeconds,
      CallerIdNumber: callerId,
      Endpoints: [{ BridgeEndpointType: 'PSTN', Uri: toNumber }],
    },
  };
}

export function pause(callId: string, durationMs: number): PauseAction {
  return {
    Type: 'Pause',
    Parameters: { CallId: callId, DurationInMilliseconds: durationMs },
  };
}

/** Ends the call; SIP response code 0 is a normal hang-up. */
export function hangup(callId: string, sipResponseCode = '0'): HangupAction {
  return {
    Type: 'Hangup',
    Parameters: { CallId: callId, SipResponseCode: sipResponseCode },
  };
}

export function playAudio(
  callId: string,
  source: { bucket: string; key: string },
  repeat = 1,
): PlayAudioAction {
  return {
    Type: 'PlayAudio',
    Parameters: {
      CallId: callId,
      Repeat: repeat,
      AudioSource: { Type: 'S3', BucketName: source.bucket, Key: source.key },
    },
  };
}

export function receiveDigits(
  callId: string,
  digitsRegex: string,
  betweenDigitsMs = 1000,
  flushDigitsMs = 10000,
): ReceiveDigitsAction {
  return {
    Type: 'ReceiveDigits',
    Parameters: {
      CallId: callId,
      InputDigitsRegex: digitsRegex,
      InBetweenDigitsDurationInMilliseconds: betweenDigitsMs,
      FlushDigitsDurationInMilliseconds: flushDigitsMs,
    },
  };
}

export function sendDigits(
  callId: string,
  digits: string,
  toneDurationMs = 250,
): SendDigitsAction {
  return {
    Type: 'SendDigits',
    Parameters: {
      CallId: callId,
      Digits: digits,
      ToneDurationInMilliseconds: toneDurationMs,
    },
  };
}
