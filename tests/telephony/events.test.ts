import {
  callerLeg,
  INVOCATION_EVENT_TYPES,
  InvalidInvocationEvent,
  parseInvocationEvent,
  type InvocationEventType,
} from '../../src/telephony/events';

const CALL_ID = '8a4e2c6f-1d3b-4e9a-b7c5-0f2e4a6c8d1b';

function callDetails(overrides: Record<string, unknown> = {}) {
  return {
    TransactionId: 'c3f1a7e2-6b4d-4f0a-9e8c-2d5b7a1c9f30',
    AwsAccountId: '123456789012',
    AwsRegion: 'us-east-1',
    SipRuleId: '4d7a1e9c-3b5f-4c2d-a8e6-1f9b3d5c7a20',
    SipMediaApplicationId: 'f2b8d4a6-9c1e-4a3f-8b5d-7e0c2a4f6b98',
    Participants: [
      {
        CallId: CALL_ID,
        ParticipantTag: 'LEG-A',
        To: '+12065550100',
        From: '+12065550142',
        Direction: 'Inbound',
        StartTimeInMilliseconds: '1764777600123',
        Status: 'Connected',
      },
    ],
    ...overrides,
  };
}

/** The outbound examples of the guide: SipApplicationId, no Status. */
function outboundCallDetails(status?: 'Connected') {
  return {
    TransactionId: '9e2d4f6a-8b1c-4d3e-a5f7-6c0b2e4d8a13',
    AwsAccountId: '123456789012',
    AwsRegion: 'us-east-1',
    SipApplicationId: 'f2b8d4a6-9c1e-4a3f-8b5d-7e0c2a4f6b98',
    Participants: [
      {
        CallId: '2b6d8f0a-4c1e-4a7b-9d3f-5e8a0c2b4d67',
        ParticipantTag: 'LEG-A',
        To: '+12065550142',
        From: '+12065550100',
        Direction: 'Outbound',
        StartTimeInMilliseconds: '1764781200456',
        ...(status === undefined ? {} : { Status: status }),
      },
    ],
  };
}

const speakAndGetDigitsParameters = {
  CallId: CALL_ID,
  InputDigitsRegex: '^[0-3]$',
  SpeechParameters: { Text: 'To order by keypad, press 1.', TextType: 'text' },
  FailureSpeechParameters: { Text: 'Sorry.', TextType: 'text' },
  MinNumberOfDigits: 1,
  MaxNumberOfDigits: 1,
  Repeat: 3,
  RepeatDurationInMilliseconds: 5000,
};

const slot = (original: string, interpreted: string) => ({
  Value: {
    OriginalValue: original,
    InterpretedValue: interpreted,
    ResolvedValues: [interpreted],
  },
  Values: [],
});

const intentResult = {
  SessionId: CALL_ID,
  SessionState: {
    SessionAttributes: {},
    Intent: {
      Name: 'OrderFood',
      Slots: {
        Item: slot('margherita', 'margherita-pizza'),
        Quantity: slot('two', '2'),
        Notes: null,
      },
      State: 'ReadyForFulfillment',
      ConfirmationState: 'Confirmed',
    },
  },
  Interpretations: [
    {
      NluConfidence: { Score: 0.94 },
      Intent: { Name: 'OrderFood', State: 'ReadyForFulfillment' },
    },
  ],
};

/** One event of each type, in the shapes the developer guide shows. */
const documentedEvents: Record<InvocationEventType, Record<string, unknown>> = {
  NEW_INBOUND_CALL: {
    SchemaVersion: '1.0',
    Sequence: 1,
    InvocationEventType: 'NEW_INBOUND_CALL',
    CallDetails: callDetails(),
  },
  NEW_OUTBOUND_CALL: {
    SchemaVersion: '1.0',
    Sequence: 1,
    InvocationEventType: 'NEW_OUTBOUND_CALL',
    CallDetails: outboundCallDetails(),
  },
  RINGING: {
    SchemaVersion: '1.0',
    Sequence: 2,
    InvocationEventType: 'RINGING',
    CallDetails: outboundCallDetails(),
  },
  CALL_ANSWERED: {
    SchemaVersion: '1.0',
    Sequence: 3,
    InvocationEventType: 'CALL_ANSWERED',
    CallDetails: outboundCallDetails('Connected'),
  },
  ACTION_SUCCESSFUL: {
    SchemaVersion: '1.0',
    Sequence: 2,
    InvocationEventType: 'ACTION_SUCCESSFUL',
    ActionData: {
      Type: 'SpeakAndGetDigits',
      Parameters: speakAndGetDigitsParameters,
      ReceivedDigits: '1',
    },
    CallDetails: callDetails({ TransactionAttributes: { step: 'MAIN' } }),
  },
  ACTION_FAILED: {
    SchemaVersion: '1.0',
    Sequence: 6,
    InvocationEventType: 'ACTION_FAILED',
    ActionData: {
      Type: 'CallAndBridge',
      Parameters: {
        CallTimeoutSeconds: 30,
        CallerIdNumber: '+12065550100',
        Endpoints: [{ BridgeEndpointType: 'PSTN', Uri: '+12065550177' }],
        CallId: CALL_ID,
      },
      ErrorType: 'CallNotAnswered',
      ErrorMessage: 'The staff line did not answer',
    },
    CallDetails: callDetails(),
  },
  ACTION_INTERRUPTED: {
    SchemaVersion: '1.0',
    Sequence: 5,
    InvocationEventType: 'ACTION_INTERRUPTED',
    ActionData: {
      Type: 'Pause',
      Parameters: { CallId: CALL_ID, DurationInMilliseconds: 3000 },
    },
    CallDetails: callDetails(),
  },
  HANGUP: {
    SchemaVersion: '1.0',
    Sequence: 7,
    InvocationEventType: 'HANGUP',
    ActionData: {
      Type: 'Hangup',
      Parameters: { CallId: CALL_ID, ParticipantTag: 'LEG-A' },
    },
    CallDetails: callDetails(),
  },
  DIGITS_RECEIVED: {
    SchemaVersion: '1.0',
    Sequence: 3,
    InvocationEventType: 'DIGITS_RECEIVED',
    ActionData: {
      ReceivedDigits: '0',
      Type: 'ReceiveDigits',
      Parameters: {
        CallId: CALL_ID,
        InputDigitsRegex: '^[0*]$',
        InBetweenDigitsDurationInMilliseconds: 1000,
        FlushDigitsDurationInMilliseconds: 10000,
      },
    },
    CallDetails: callDetails(),
  },
  CALL_UPDATE_REQUESTED: {
    SchemaVersion: '1.0',
    Sequence: 4,
    InvocationEventType: 'CALL_UPDATE_REQUESTED',
    ActionData: {
      Type: 'CallUpdateRequest',
      Parameters: { Arguments: { command: 'transfer-to-staff' } },
    },
    CallDetails: callDetails(),
  },
  INVALID_LAMBDA_RESPONSE: {
    SchemaVersion: '1.0',
    Sequence: 3,
    InvocationEventType: 'INVALID_LAMBDA_RESPONSE',
    CallDetails: callDetails(),
    ErrorType: 'TransactionAttributesInvalidMapSize',
    ErrorMessage: 'The transaction attributes hold more than 10 mappings',
  },
};

function issuesOf(input: unknown): string[] {
  try {
    parseInvocationEvent(input);
  } catch (error) {
    if (error instanceof InvalidInvocationEvent) return error.issues;
    throw error;
  }

  throw new Error('the event parsed');
}

describe('parseInvocationEvent', () => {
  it.each(INVOCATION_EVENT_TYPES)('reads a documented %s event', (type) => {
    // Prepare
    const input = documentedEvents[type];

    // Act
    const event = parseInvocationEvent(input);

    // Assess
    expect(event.InvocationEventType).toBe(type);
    expect(event.CallDetails.Participants).toHaveLength(1);
  });

  it('reads an outbound call that names SipApplicationId', () => {
    // Prepare
    const input = documentedEvents.NEW_OUTBOUND_CALL;

    // Act
    const event = parseInvocationEvent(input);

    // Assess
    expect(event.CallDetails.SipApplicationId).toBe(
      'f2b8d4a6-9c1e-4a3f-8b5d-7e0c2a4f6b98',
    );
    expect(event.CallDetails.SipMediaApplicationId).toBeUndefined();
  });

  it('reads a participant that has no Status yet', () => {
    // Prepare
    const input = documentedEvents.RINGING;

    // Act
    const event = parseInvocationEvent(input);

    // Assess
    expect(callerLeg(event).Status).toBeUndefined();
  });

  it('keeps StartTimeInMilliseconds as the string Chime sends', () => {
    // Prepare
    const input = documentedEvents.NEW_INBOUND_CALL;

    // Act
    const event = parseInvocationEvent(input);

    // Assess
    expect(callerLeg(event).StartTimeInMilliseconds).toBe('1764777600123');
  });

  it('reads a StartTimeInMilliseconds number as the same string', () => {
    // Prepare
    const details = callDetails();
    const input = {
      ...documentedEvents.NEW_INBOUND_CALL,
      CallDetails: {
        ...details,
        Participants: [
          {
            ...details.Participants[0],
            StartTimeInMilliseconds: 1764777600123,
          },
        ],
      },
    };

    // Act
    const event = parseInvocationEvent(input);

    // Assess
    expect(callerLeg(event).StartTimeInMilliseconds).toBe('1764777600123');
  });

  it('gives the error type and message of a failed action', () => {
    // Prepare
    const input = documentedEvents.ACTION_FAILED;

    // Act
    const event = parseInvocationEvent(input);

    // Assess
    expect(event.ActionData).toMatchObject({
      Type: 'CallAndBridge',
      ErrorType: 'CallNotAnswered',
      ErrorMessage: 'The staff line did not answer',
    });
  });

  it('gives the digits a SpeakAndGetDigits action received', () => {
    // Prepare
    const input = documentedEvents.ACTION_SUCCESSFUL;

    // Act
    const event = parseInvocationEvent(input);

    // Assess
    expect(event.ActionData?.Type).toBe('SpeakAndGetDigits');
    expect(event.ActionData?.ReceivedDigits).toBe('1');
    expect(event.CallDetails.TransactionAttributes).toEqual({ step: 'MAIN' });
  });

  it('gives the slots a bot conversation filled', () => {
    // Prepare
    const input = {
      ...documentedEvents.ACTION_SUCCESSFUL,
      ActionData: {
        CallId: CALL_ID,
        Type: 'StartBotConversation',
        Parameters: {
          CallId: CALL_ID,
          BotAliasArn:
            'arn:aws:lex:us-east-1:123456789012:bot-alias/ORDERBOT01/LIVEALIAS1',
          LocaleId: 'en_US',
        },
        IntentResult: intentResult,
      },
    };

    // Act
    const event = parseInvocationEvent(input);

    // Assess
    const intent = event.ActionData?.IntentResult?.SessionState.Intent;
    expect(intent?.Name).toBe('OrderFood');
    expect(intent?.State).toBe('ReadyForFulfillment');
    expect(intent?.Slots?.Item?.Value?.InterpretedValue).toBe(
      'margherita-pizza',
    );
    expect(intent?.Slots?.Notes).toBeNull();
    expect(
      event.ActionData?.IntentResult?.Interpretations?.[0]?.NluConfidence,
    ).toEqual({ Score: 0.94 });
  });

  it('gives the top-level error of an INVALID_LAMBDA_RESPONSE', () => {
    // Prepare
    const input = documentedEvents.INVALID_LAMBDA_RESPONSE;

    // Act
    const event = parseInvocationEvent(input);

    // Assess
    expect(event).toMatchObject({
      ErrorType: 'TransactionAttributesInvalidMapSize',
      ErrorMessage: 'The transaction attributes hold more than 10 mappings',
    });
  });

  it('rejects an unknown event type, naming InvocationEventType', () => {
    // Prepare
    const input = {
      ...documentedEvents.NEW_INBOUND_CALL,
      InvocationEventType: 'CALL_TRANSFERRED',
    };

    // Act
    const issues = issuesOf(input);

    // Assess
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^InvocationEventType: /);
  });

  it('rejects an event without CallDetails, naming CallDetails', () => {
    // Prepare
    const input: Record<string, unknown> = {
      ...documentedEvents.NEW_INBOUND_CALL,
    };
    delete input.CallDetails;

    // Act
    const issues = issuesOf(input);

    // Assess
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^CallDetails: /);
  });

  it('rejects an event without participants, naming the list', () => {
    // Prepare
    const input = {
      ...documentedEvents.NEW_INBOUND_CALL,
      CallDetails: callDetails({ Participants: [] }),
    };

    // Act
    const issues = issuesOf(input);

    // Assess
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^CallDetails\.Participants: /);
  });

  it('says what is wrong in the error message', () => {
    // Prepare
    const input = { ...documentedEvents.HANGUP, SchemaVersion: '2.0' };

    // Act
    const act = () => parseInvocationEvent(input);

    // Assess
    expect(act).toThrow(InvalidInvocationEvent);
    expect(act).toThrow(/^invalid SIP media application event: SchemaVersion/);
  });
});

describe('callerLeg', () => {
  it('picks the LEG-A participant of a bridged call', () => {
    // Prepare
    const details = callDetails();
    const caller = details.Participants[0];
    const staff = {
      ...caller,
      CallId: '5f9b1d3e-7a2c-4e6b-8f0d-3a5c7e9b1d42',
      ParticipantTag: 'LEG-B',
      Direction: 'Outbound',
    };
    const event = parseInvocationEvent({
      ...documentedEvents.HANGUP,
      CallDetails: { ...details, Participants: [staff, caller] },
    });

    // Act
    const leg = callerLeg(event);

    // Assess
    expect(leg.CallId).toBe(CALL_ID);
  });
});
