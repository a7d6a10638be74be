import * as z from 'zod';

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
const epochMillis = z.union([z.string(), z.number()]).transform(String);

export const participantSchema = z.looseObject({
  CallId: z.string().min(1),
  ParticipantTag: z.enum(['LEG-A', 'LEG-B']),
  To: z.string(),
  From: z.string(),
  Direction: z.enum(['Inbound', 'Outbound']),
  StartTimeInMilliseconds: epochMillis,
  Status: z.enum(['Connected', 'Disconnected']).optional(),
});

export type Participant = z.infer<typeof participantSchema>;

export const callDetailsSchema = z
  .looseObject({
    TransactionId: z.string().min(1),
    TransactionAttributes: attributeMap.optional(),
    AwsAccountId: z.string(),
    AwsRegion: z.string(),
    SipMediaApplicationId: z.string().optional(),
    SipApplicationId: z.string().optional(),
    SipRuleId: z.string().optional(),
    Participants: z.array(participantSchema).min(1),
  })
  .refine(
    (details) =>
      details.SipMediaApplicationId !== undefined ||
      details.SipApplicationId !== undefined,
    { error: 'CallDetails needs SipMediaApplicationId or SipApplicationId' },
  );

export type CallDetails = z.infer<typeof callDetailsSchema>;

/** The slot value shape inside a bot's `IntentResult` (PascalCase). */
const slotValueSchema = z.looseObject({
  OriginalValue: z.string().optional(),
  InterpretedValue: z.string().optional(),
  ResolvedValues: z.array(z.string()).optional(),
});

const slotSchema = z.looseObject({
  Value: slotValueSchema.optional(),
  Shape: z.string().optional(),
  get Values() {
    return z.array(slotSchema).optional();
  },
});

export type IntentResultSlot = z.infer<typeof slotSchema>;

const intentSchema = z.looseObject({
  Name: z.string(),
  Slots: z.record(z.string(), slotSchema.nullable()).optional(),
  State: z.string().optional(),
  ConfirmationState: z.string().optional(),
});

/**
 * What `StartBotConversation` reports on success: the Lex V2 session state
 * and interpretations, spelled in PascalCase by Chime (unlike the camelCase
 * of Lex's own code hook events).
 */
export const intentResultSchema = z.looseObject({
  SessionId: z.string().optional(),
  SessionState: z.looseObject({
    SessionAttributes: attributeMap.optional(),
    Intent: intentSchema.optional(),
    DialogAction: z.looseObject({ Type: z.string() }).optional(),
  }),
  Interpretations: z
    .array(
      z.looseObject({
        Intent: intentSchema,
        NluConfidence: z.looseObject({ Score: z.number() }).optional(),
      }),
    )
    .optional(),
});

export type IntentResult = z.infer<typeof intentResultSchema>;

/**
 * The action an event reports on: the action that finished, failed or was
 * interrupted, a received digit, the hangup, or a call update request.
 */
export const actionDataSchema = z.looseObject({
  Type: z.string(),
  Parameters: z.record(z.string(), z.unknown()).optional(),
  ReceivedDigits: z.string().optional(),
  IntentResult: intentResultSchema.optional(),
  ErrorType: z.string().optional(),
  ErrorMessage: z.string().optional(),
});

export type ActionData = z.infer<typeof actionDataSchema>;

const envelope = {
  SchemaVersion: z.literal('1.0'),
  Sequence: z.number().int().nonnegative(),
  CallDetails: callDetailsSchema,
};

const plainEvent = <T extends InvocationEventType>(type: T) =>
  z.looseObject({
    ...envelope,
    InvocationEventType: z.literal(type),
    ActionData: actionDataSchema.optional(),
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
      ActionData: actionDataSchema.optional(),
      ErrorType: z.string().optional(),
      ErrorMessage: z.string().optional(),
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
