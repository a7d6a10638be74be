import type { IntentResult, IntentResultSlot } from '../telephony/events';
import type { LexIntent, LexSessionState, LexSlot } from './lex-events';

/**
 * The end of a bot conversation as Chime reports it to the SIP media
 * application: Lex's camelCase session state and interpretations, spelled
 * in PascalCase inside `ActionData.IntentResult`. Both bot engines end a
 * conversation through here, so the IVR reads the same shape whether Lex
 * ran locally or in AWS.
 */

/** An interpretation with its confidence as a number or as Lex's object. */
export interface ScoredIntent {
  intent?: LexIntent | undefined;
  nluConfidence?: number | { score?: number | undefined } | undefined;
}

/** What a finished conversation left: the session and the last reading. */
export interface FinishedConversation {
  sessionId: string;
  sessionState: LexSessionState;
  interpretations?: readonly ScoredIntent[] | undefined;
}

/** Chime's IntentResult for a finished conversation. */
export function toIntentResult(finished: FinishedConversation): IntentResult {
  const { sessionState } = finished;
  const state: IntentResult['SessionState'] = {
    SessionAttributes: { ...sessionState.sessionAttributes },
  };
  if (sessionState.intent !== undefined) {
    state.Intent = pascalIntent(sessionState.intent);
  }
  if (sessionState.dialogAction !== undefined) {
    state.DialogAction = { Type: sessionState.dialogAction.type };
  }

  return {
    SessionId: finished.sessionId,
    SessionState: state,
    Interpretations: (finished.interpretations ?? []).flatMap((reading) =>
      reading.intent === undefined ? [] : [pascalInterpretation(reading)],
    ),
  };
}

function pascalInterpretation(reading: ScoredIntent) {
  const score =
    typeof reading.nluConfidence === 'number'
      ? reading.nluConfidence
      : reading.nluConfidence?.score;

  return {
    Intent: pascalIntent(reading.intent as LexIntent),
    ...(score === undefined ? {} : { NluConfidence: { Score: score } }),
  };
}

function pascalIntent(intent: LexIntent) {
  const slots = Object.entries(intent.slots ?? {}).map(
    ([name, slot]) => [name, slot === null ? null : pascalSlot(slot)] as const,
  );

  return {
    Name: intent.name,
    Slots: Object.fromEntries(slots),
    ...(intent.state === undefined ? {} : { State: intent.state }),
    ...(intent.confirmationState === undefined
      ? {}
      : { ConfirmationState: intent.confirmationState }),
  };
}

function pascalSlot(slot: LexSlot): IntentResultSlot {
  const value = slot.value;
  const result: IntentResultSlot = {};
  if (slot.shape !== undefined) result.Shape = slot.shape;
  if (value !== undefined) {
    result.Value = {
      ...(value.originalValue === undefined
        ? {}
        : { OriginalValue: value.originalValue }),
      ...(value.interpretedValue === undefined
        ? {}
        : { InterpretedValue: value.interpretedValue }),
      ResolvedValues: value.resolvedValues ?? [],
    };
  }

  return result;
}
