import * as z from 'zod/mini';
import '../validation/english-messages';

/**
 * Invocation events that a SIP media application sends to its Lambda, as the
 * Amazon Chime SDK PSTN audio service documents them. The schemas accept
 * every documented shape (inbound and outbound spellings of the application
 * id, a missing participant `Status`, times as strings) and keep fields they
 * do not know, so a new field from Chime never breaks a call.
 */

/** Every `InvocationEventType` the PSTN audio service sends. */
export const INVOCATION_EVENT_TYPES = [
  'NEW_INBOUND_CALL',
  'NEW_OUTBOUND_CALL',
  'RINGING',
  'CALL_ANSWERED',
  'ACTION_SUCCESSFUL',
  'ACTION_FAILED',
  'ACTION_INTERRUPTED',
  'HANGUP',
  'DIGITS_RECEIVED',
  'CALL_UPDATE_REQUESTED',
  'INVALID_LAMBDA_RESPONSE',
] as const;

export type InvocationEventType = (typeof INVOCATION_EVENT_TYPES)[number];

const attributeMap = z.record(z.string(), z.string());

/** Chime sends epoch milliseconds as a string; a number is read the same. */
const epochMillis = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform(String),
);

export const participantSchema = z.looseObject({
  CallId: z.string().check(z.minLength(1)),
  ParticipantTag: z.enum(['LEG-A', 'LEG-B']),
  To: z.string(),
  From: z.string(),
  Direction: z.enum(['Inbound', 'Outbound']),
  StartTimeInMilliseconds: epochMillis,
  Status: z.optional(z.enum(['Connected', 'Disconnected'])),
});

export type Participant = z.infer<typeof participantSchema>;

export const callDetailsSchema = z
  .looseObject({
    TransactionId: z.string().check(z.minLength(1)),
    TransactionAttributes: z.optional(attributeMap),
    AwsAccountId: z.string(),
    AwsRegion: z.string(),
    SipMediaApplicationId: z.optional(z.string()),
    SipApplicationId: z.optional(z.string()),
    SipRuleId: z.optional(z.string()),
    Participants: z.array(participantSchema).check(z.minLength(1)),
  })
  .check(
    z.refine(
      (details) =>
        details.SipMediaApplicationId !== undefined ||
        details.SipApplicationId !== undefined,
      { error: 'CallDetails needs SipMediaApplicationId or SipApplicationId' },
    ),
  );

export type CallDetails = z.infer<typeof callDetailsSchema>;

/** The slot value shape inside a bot's `IntentResult` (PascalCase). */
const slotValueSchema = z.looseObject({
  OriginalValue: z.optional(z.string()),
  InterpretedValue: z.optional(z.string()),
  ResolvedValues: z.optional(z.array(z.string())),
});

const slotSchema = z.looseObject({
  Value: z.optional(slotValueSchema),
  Shape: z.optional(z.string()),
  get Values() {
    return z.optional(z.array(slotSchema));
  },
});

export type IntentResultSlot = z.infer<typeof slotSchema>;

const intentSchema = z.looseObject({
  Name: z.string(),
  Slots: z.optional(z.record(z.string(), z.nullable(slotSchema))),
  State: z.optional(z.string()),
  ConfirmationState: z.optional(z.string()),
});

/**
 * What `StartBotConversation` reports on success: the Lex V2 session state
 * and interpretations, spelled in PascalCase by Chime (unlike the camelCase
 * of Lex's own code hook events).
 */
export const intentResultSchema = z.looseObject({
  SessionId: z.optional(z.string()),
  SessionState: z.looseObject({
    SessionAttributes: z.optional(attributeMap),
    Intent: z.optional(intentSchema),
    DialogAction: z.optional(z.looseObject({ Type: z.string() })),
  }),
  Interpretations: z.optional(
    z.array(
      z.looseObject({
        Intent: intentSchema,
        NluConfidence: z.optional(z.looseObject({ Score: z.number() })),
      }),
    ),
  ),
});

export type IntentResult = z.infer<typeof intentResultSchema>;

/**
 * The action an event reports on: the action that finished, failed or was
 * interrupted, a received digit, the hangup, or a call update request.
 */
export const actionDataSchema = z.looseObject({
  Type: z.string(),
  Parameters: z.optional(z.record(z.string(), z.unknown())),
  ReceivedDigits: z.optional(z.string()),
  IntentResult: z.optional(intentResultSchema),
  ErrorType: z.optional(z.string()),
  ErrorMessage: z.optional(z.string()),
});

export type ActionData = z.infer<typeof actionDataSchema>;

const envelope = {
  SchemaVersion: z.literal('1.0'),
  Sequence: z.int().check(z.nonnegative()),
  CallDetails: callDetailsSchema,
};

const plainEvent = <T extends InvocationEventType>(type: T) =>
  z.looseObject({
    ...envelope,
    InvocationEventType: z.literal(type),
    ActionData: z.optional(actionDataSchema),
  });

const eventWithAction = <T extends InvocationEventType>(type: T) =>
  z.looseObject({
    ...envelope,
    InvocationEventType: z.literal(type),
    ActionData: actionDataSchema,
  });

export const invocationEventSchema = z.discriminatedUnion(
  'InvocationEventType',
  [
    plainEvent('NEW_INBOUND_CALL'),
    plainEvent('NEW_OUTBOUND_CALL'),
    plainEvent('RINGING'),
    plainEvent('CALL_ANSWERED'),
    eventWithAction('ACTION_SUCCESSFUL'),
    eventWithAction('ACTION_FAILED'),
    eventWithAction('ACTION_INTERRUPTED'),
    plainEvent('HANGUP'),
    eventWithAction('DIGITS_RECEIVED'),
    eventWithAction('CALL_UPDATE_REQUESTED'),
    z.looseObject({
      ...envelope,
      InvocationEventType: z.literal('INVALID_LAMBDA_RESPONSE'),
      ActionData: z.optional(actionDataSchema),
      ErrorType: z.optional(z.string()),
      ErrorMessage: z.optional(z.string()),
    }),
  ],
);

/** One invocation of the SIP media application's Lambda, parsed. */
export type InvocationEvent = z.infer<typeof invocationEventSchema>;

/** The event of one `InvocationEventType`. */
export type InvocationEventOf<T extends InvocationEventType> = Extract<
  InvocationEvent,
  { InvocationEventType: T }
>;

/** Thrown when an invocation does not match any documented shape. */
export class InvalidInvocationEvent extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid SIP media application event: ${issues.join('; ')}`);
    this.name = 'InvalidInvocationEvent';
  }
}

/**
 * Parses an invocation event, throwing {@link InvalidInvocationEvent} with
 * each problem's path when it does not match.
 */
export function parseInvocationEvent(input: unknown): InvocationEvent {
  const result = invocationEventSchema.safeParse(input);
  if (result.success) return result.data;

  throw new InvalidInvocationEvent(
    result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    ),
  );
}

/** The caller's leg: LEG-A, where the call came in. */
export function callerLeg(event: InvocationEvent): Participant {
  const participants = event.CallDetails.Participants;

  return (
    participants.find((p) => p.ParticipantTag === 'LEG-A') ??
    (participants[0] as Participant)
  );
}
