import * as z from 'zod/mini';
import '../validation/english-messages';

/**
 * The Amazon Lex V2 code hook's input event and response, in Lex's own
 * camelCase. Chime reports the end of a bot conversation in PascalCase
 * (telephony/events.ts, IntentResult); the two are kept apart on purpose,
 * each typed from its own schema. Schemas keep fields they do not name, so
 * a new field from Lex never breaks a turn.
 */

const slotValueSchema = z.looseObject({
  originalValue: z.optional(z.string()),
  interpretedValue: z.optional(z.string()),
  resolvedValues: z.optional(z.array(z.string())),
});

export const lexSlotSchema = z.looseObject({
  shape: z.optional(z.string()),
  value: z.optional(slotValueSchema),
});

/** One slot as Lex sends and takes it; null for a slot with no value. */
export type LexSlot = z.infer<typeof lexSlotSchema>;

export const INTENT_STATES = [
  'Failed',
  'Fulfilled',
  'FulfillmentInProgress',
  'InProgress',
  'ReadyForFulfillment',
  'Waiting',
] as const;

export type LexIntentState = (typeof INTENT_STATES)[number];

const confirmationStates = z.enum(['Confirmed', 'Denied', 'None']);

export const lexIntentSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  slots: z.optional(z.record(z.string(), z.nullable(lexSlotSchema))),
  state: z.optional(z.enum(INTENT_STATES)),
  confirmationState: z.optional(confirmationStates),
});

export type LexIntent = z.infer<typeof lexIntentSchema>;

export const DIALOG_ACTION_TYPES = [
  'Close',
  'ConfirmIntent',
  'Delegate',
  'ElicitIntent',
  'ElicitSlot',
] as const;

export type DialogActionType = (typeof DIALOG_ACTION_TYPES)[number];

const dialogActionSchema = z.looseObject({
  type: z.enum(DIALOG_ACTION_TYPES),
  slotToElicit: z.optional(z.string()),
});

const sessionAttributesSchema = z.record(z.string(), z.string());

export const lexSessionStateSchema = z.looseObject({
  sessionAttributes: z.optional(sessionAttributesSchema),
  intent: z.optional(lexIntentSchema),
  dialogAction: z.optional(dialogActionSchema),
});

export type LexSessionState = z.infer<typeof lexSessionStateSchema>;

export const lexInterpretationSchema = z.looseObject({
  intent: lexIntentSchema,
  nluConfidence: z.optional(z.number()),
});

export type LexInterpretation = z.infer<typeof lexInterpretationSchema>;

/** What Lex sends the code hook on each turn and before fulfilment. */
export const lexCodeHookEventSchema = z.looseObject({
  messageVersion: z.optional(z.string()),
  invocationSource: z.enum(['DialogCodeHook', 'FulfillmentCodeHook']),
  inputMode: z.optional(z.string()),
  inputTranscript: z._default(z.string(), ''),
  sessionId: z.string().check(z.minLength(1)),
  bot: z.optional(
    z.looseObject({ name: z.optional(z.string()), localeId: z.string() }),
  ),
  sessionState: z.extend(lexSessionStateSchema, { intent: lexIntentSchema }),
  interpretations: z.optional(z.array(lexInterpretationSchema)),
});

export type LexCodeHookEvent = z.infer<typeof lexCodeHookEventSchema>;

const messageSchema = z.object({
  contentType: z.enum(['PlainText', 'SSML']),
  content: z.string().check(z.minLength(1)),
});

/** What the code hook answers: the next dialog step and what to say. */
export const lexCodeHookResponseSchema = z.object({
  sessionState: z.object({
    sessionAttributes: z.optional(sessionAttributesSchema),
    dialogAction: dialogActionSchema,
    intent: z.optional(lexIntentSchema),
  }),
  messages: z.optional(z.array(messageSchema)),
});

export type LexCodeHookResponse = z.infer<typeof lexCodeHookResponseSchema>;

/** Thrown when a code hook event does not have the shape Lex documents. */
export class InvalidLexEvent extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid Lex code hook event: ${issues.join('; ')}`);
    this.name = 'InvalidLexEvent';
  }
}

/**
 * Parses a code hook event, throwing {@link InvalidLexEvent} with the path
 * of each problem.
 */
export function parseLexEvent(input: unknown): LexCodeHookEvent {
  const result = lexCodeHookEventSchema.safeParse(input);
  if (result.success) return result.data;

  throw new InvalidLexEvent(
    result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    ),
  );
}
