import {
  callAndBridge,
  hangup,
  pause,
  playAudio,
  receiveDigits,
  sendDigits,
  smaResponse,
  speak,
  speakAndGetDigits,
  startBotConversation,
  type Action,
} from '../../src/telephony/actions';
import { validateResponse } from '../../src/telephony/validate-response';

const CALL_ID = '8a4e2c6f-1d3b-4e9a-b7c5-0f2e4a6c8d1b';
const BOT_ALIAS_ARN =
  'arn:aws:lex:us-east-1:123456789012:bot-alias/ORDERBOT01/LIVEALIAS1';

describe('smaResponse', () => {
  it('wraps the actions in a version 1.0 response', () => {
    // Prepare
    const actions = [hangup(CALL_ID)];

    // Act
    const response = smaResponse(actions);

    // Assess
    expect(response).toEqual({ SchemaVersion: '1.0', Actions: actions });
    expect(response).not.toHaveProperty('TransactionAttributes');
  });

  it('carries the transaction attributes it is given', () => {
    // Prepare
    const attributes = { step: 'MAIN' };

    // Act
    const response = smaResponse([], attributes);

    // Assess
    expect(response).toEqual({
      SchemaVersion: '1.0',
      Actions: [],
      TransactionAttributes: { step: 'MAIN' },
    });
  });
});

describe('speak', () => {
  it('speaks plain text on the call', () => {
    // Act
    const action = speak(CALL_ID, 'Your order is in.');

    // Assess
    expect(action).toEqual({
      Type: 'Speak',
      Parameters: {
        CallId: CALL_ID,
        Text: 'Your order is in.',
        TextType: 'text',
      },
    });
  });

  it('speaks with the voice it is given', () => {
    // Act
    const action = speak(CALL_ID, 'Hello.', {
      Engine: 'neural',
      LanguageCode: 'en-US',
      VoiceId: 'Joanna',
    });

    // Assess
    expect(action.Parameters).toEqual({
      CallId: CALL_ID,
      Text: 'Hello.',
      TextType: 'text',
      Engine: 'neural',
      LanguageCode: 'en-US',
      VoiceId: 'Joanna',
    });
  });
});

describe('speakAndGetDigits', () => {
  it('reads one key in one attempt by default', () => {
    // Act
    const action = speakAndGetDigits({
      callId: CALL_ID,
      prompt: 'To order, press 1.',
      failurePrompt: 'Sorry.',
      timeoutMs: 5000,
    });

    // Assess
    expect(action).toEqual({
      Type: 'SpeakAndGetDigits',
      Parameters: {
        CallId: CALL_ID,
        SpeechParameters: { Text: 'To order, press 1.', TextType: 'text' },
        FailureSpeechParameters: { Text: 'Sorry.', TextType: 'text' },
        MinNumberOfDigits: 1,
        MaxNumberOfDigits: 1,
        Repeat: 1,
        RepeatDurationInMilliseconds: 5000,
      },
    });
  });

  it('passes every option to its parameter', () => {
    // Act
    const action = speakAndGetDigits({
      callId: CALL_ID,
      prompt: 'Enter your house number, then the pound key.',
      failurePrompt: 'Sorry, I did not get that.',
      minDigits: 1,
      maxDigits: 5,
      digitsRegex: '^\\d{1,5}#?$',
      terminators: ['#'],
      attempts: 3,
      timeoutMs: 8000,
      betweenDigitsMs: 3000,
      voice: { VoiceId: 'Matthew' },
    });

    // Assess
    expect(action.Parameters).toEqual({
      CallId: CALL_ID,
      SpeechParameters: {
        Text: 'Enter your house number, then the pound key.',
        TextType: 'text',
        VoiceId: 'Matthew',
      },
      FailureSpeechParameters: {
        Text: 'Sorry, I did not get that.',
        TextType: 'text',
        VoiceId: 'Matthew',
      },
      MinNumberOfDigits: 1,
      MaxNumberOfDigits: 5,
      InputDigitsRegex: '^\\d{1,5}#?$',
      TerminatorDigits: ['#'],
      Repeat: 3,
      RepeatDurationInMilliseconds: 8000,
      InBetweenDigitsDurationInMilliseconds: 3000,
    });
  });
});

describe('startBotConversation', () => {
  it('hands the caller to the bot, asking for an intent', () => {
    // Act
    const action = startBotConversation({
      callId: CALL_ID,
      botAliasArn: BOT_ALIAS_ARN,
      localeId: 'en_US',
    });

    // Assess
    expect(action).toEqual({
      Type: 'StartBotConversation',
      Parameters: {
        CallId: CALL_ID,
        BotAliasArn: BOT_ALIAS_ARN,
        LocaleId: 'en_US',
        Configuration: {
          SessionState: {
            SessionAttributes: {},
            DialogAction: { Type: 'ElicitIntent' },
          },
        },
      },
    });
  });

  it('opens with the welcome and session attributes it is given', () => {
    // Act
    const action = startBotConversation({
      callId: CALL_ID,
      botAliasArn: BOT_ALIAS_ARN,
      localeId: 'en_US',
      welcome: 'What would you like to order?',
      sessionAttributes: { restaurant: 'luigis' },
    });

    // Assess
    expect(action.Parameters.Configuration).toEqual({
      SessionState: {
        SessionAttributes: { restaurant: 'luigis' },
        DialogAction: { Type: 'ElicitIntent' },
      },
      WelcomeMessages: [
        { Content: 'What would you like to order?', ContentType: 'PlainText' },
      ],
    });
  });
});

describe('callAndBridge', () => {
  it('bridges to a phone number within 30 seconds by default', () => {
    // Act
    const action = callAndBridge('+12065550100', '+12065550177');

    // Assess
    expect(action).toEqual({
      Type: 'CallAndBridge',
      Parameters: {
        CallTimeoutSeconds: 30,
        CallerIdNumber: '+12065550100',
        Endpoints: [{ BridgeEndpointType: 'PSTN', Uri: '+12065550177' }],
      },
    });
  });
});

describe('pause', () => {
  it('pauses the call for the given milliseconds', () => {
    // Act
    const action = pause(CALL_ID, 1500);

    // Assess
    expect(action).toEqual({
      Type: 'Pause',
      Parameters: { CallId: CALL_ID, DurationInMilliseconds: 1500 },
    });
  });
});

describe('hangup', () => {
  it('ends the call normally by default', () => {
    // Act
    const action = hangup(CALL_ID);

    // Assess
    expect(action).toEqual({
      Type: 'Hangup',
      Parameters: { CallId: CALL_ID, SipResponseCode: '0' },
    });
  });

  it('ends the call with the SIP code it is given', () => {
    // Act
    const action = hangup(CALL_ID, '480');

    // Assess
    expect(action.Parameters.SipResponseCode).toBe('480');
  });
});

describe('playAudio', () => {
  it('plays a file from S3 once by default', () => {
    // Act
    const action = playAudio(CALL_ID, {
      bucket: 'luigis-audio',
      key: 'hold-music.wav',
    });

    // Assess
    expect(action).toEqual({
      Type: 'PlayAudio',
      Parameters: {
        CallId: CALL_ID,
        Repeat: 1,
        AudioSource: {
          Type: 'S3',
          BucketName: 'luigis-audio',
          Key: 'hold-music.wav',
        },
      },
    });
  });
});

describe('receiveDigits', () => {
  it('listens for matching keys with the default timings', () => {
    // Act
    const action = receiveDigits(CALL_ID, '^[0*]$');

    // Assess
    expect(action).toEqual({
      Type: 'ReceiveDigits',
      Parameters: {
        CallId: CALL_ID,
        InputDigitsRegex: '^[0*]$',
        InBetweenDigitsDurationInMilliseconds: 1000,
        FlushDigitsDurationInMilliseconds: 10000,
      },
    });
  });
});

describe('sendDigits', () => {
  it('sends tones of 250 ms by default', () => {
    // Act
    const action = sendDigits(CALL_ID, '1234#');

    // Assess
    expect(action).toEqual({
      Type: 'SendDigits',
      Parameters: {
        CallId: CALL_ID,
        Digits: '1234#',
        ToneDurationInMilliseconds: 250,
      },
    });
  });
});

describe('every builder', () => {
  const built: [string, Action][] = [
    ['speak', speak(CALL_ID, 'Hello.')],
    [
      'speakAndGetDigits',
      speakAndGetDigits({
        callId: CALL_ID,
        prompt: 'To order, press 1.',
        failurePrompt: 'Sorry.',
        digitsRegex: '^[1-3]$',
        terminators: ['#'],
        attempts: 3,
        timeoutMs: 5000,
        betweenDigitsMs: 2000,
        voice: { Engine: 'neural', LanguageCode: 'en-US', VoiceId: 'Joanna' },
      }),
    ],
    [
      'startBotConversation',
      startBotConversation({
        callId: CALL_ID,
        botAliasArn: BOT_ALIAS_ARN,
        localeId: 'en_US',
        welcome: 'What would you like?',
        sessionAttributes: { restaurant: 'luigis' },
      }),
    ],
    ['callAndBridge', callAndBridge('+12065550100', '+12065550177')],
    ['pause', pause(CALL_ID, 1000)],
    ['hangup', hangup(CALL_ID)],
    ['playAudio', playAudio(CALL_ID, { bucket: 'audio', key: 'a.wav' }, 2)],
    ['receiveDigits', receiveDigits(CALL_ID, '^[0*]$')],
    ['sendDigits', sendDigits(CALL_ID, '12,34#', 100)],
  ];

  it.each(built)('%s builds an action Chime accepts', (_name, action) => {
    // Prepare
    const response = smaResponse([action], { step: 'MAIN' });

    // Act
    const result = validateResponse(response);

    // Assess
    expect(result).toEqual({
      valid: true,
      response,
      keepsPendingActions: false,
    });
  });
});
