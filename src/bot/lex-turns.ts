import {
  INTENT,
  type BotDefinition,
  type IntentDefinition,
  type SlotName,
} from './definition';
import type {
  LexCodeHookEvent,
  LexIntent,
  LexInterpretation,
  LexSessionState,
} from './lex-events';
import {
  slotsOf,
  type LexSlots,
  type Recognition,
  type Recogniser,
} from './recogniser';
import { words } from './text-matching';

/**
 * How Lex reads one caller turn against the dialog state the code hook
 * left: a yes or no to a confirmation, an answer to the slot it asked for
 * (or, when the answer is clearly something else, a switch of intent), or
 * a new intent. The result is the intent to send the code hook.
 */

/** Below this confidence an answer to a slot question stays on its intent. */
const SWITCH_CONFIDENCE = 0.6;

const YES = new Set(words('yes yeah yep yup correct right sure ok okay'));
const NO = new Set(words('no nope nah wrong incorrect'));

/** The intent a turn is about, and Lex's reading of the words. */
export interface ReadTurn {
  intent: LexIntent;
  interpretations: LexInterpretation[];
}

/** Reads a turn; see the module comment. */
export function readTurn(
  text: string,
  state: LexSessionState,
  recogniser: Recogniser,
  definition: BotDefinition,
): ReadTurn {
  const recognition = recogniser.recognise(text);
  const turn = { text, recognition, definition };
  const current = state.intent;
  const action = state.dialogAction;
  if (current !== undefined && action?.type === 'ConfirmIntent') {
    return confirmation(turn, current);
  }
  if (current !== undefined && action?.type === 'ElicitSlot') {
    return slotAnswer(turn, current, action.slotToElicit as SlotName);
  }

  return read(turn, freshIntent(recognition));
}

interface TurnText {
  text: string;
  recognition: Recognition;
  definition: BotDefinition;
}

function read(turn: TurnText, intent: LexIntent): ReadTurn {
  return { intent, interpretations: turn.recognition.interpretations };
}

function freshIntent(recognition: Recognition): LexIntent {
  return {
    name: recognition.intent,
    slots: recognition.slots,
    state: 'InProgress',
    confirmationState: 'None',
  };
}

/** A yes or no answers the intent in hand; anything else is a new intent. */
function confirmation(turn: TurnText, current: LexIntent): ReadTurn {
  const answer = yesOrNo(turn.text);
  if (answer === undefined) return read(turn, freshIntent(turn.recognition));
  const confirmed = { ...current, confirmationState: answer };

  return {
    intent: confirmed,
    interpretations: [{ intent: confirmed, nluConfidence: 1 }],
  };
}

/**
 * An answer fills the slot asked for; words clearly meant for another
 * intent switch to it; anything else fills the slot as said, when its
 * type keeps original values.
 */
function slotAnswer(
  turn: TurnText,
  current: LexIntent,
  slot: SlotName | undefined,
): ReadTurn {
  const { recognition, definition } = turn;
  const intent = intentNamed(definition, current.name);
  if (intent === undefined || slot === undefined) {
    return read(turn, freshIntent(recognition));
  }
  const filled = (slots: LexSlots) =>
    read(turn, { ...current, slots: { ...current.slots, ...slots } });
  if (recognition.found[slot] !== undefined) {
    return filled(slotsOf(intent, recognition.found));
  }
  const elsewhere =
    recognition.intent !== current.name &&
    recognition.intent !== INTENT.fallback &&
    (recognition.confidence ?? 0) >= SWITCH_CONFIDENCE;
  if (elsewhere) return read(turn, freshIntent(recognition));

  return filled(saidAsValue(intent, slot, turn.text, definition));
}

/**
 * A custom slot that keeps the original value takes the words said even
 * when they match no value, as Lex does; other slots stay empty.
 */
function saidAsValue(
  intent: IntentDefinition,
  slot: SlotName,
  text: string,
  definition: BotDefinition,
): LexSlots {
  const slotType = intent.slots.find((s) => s.name === slot)?.slotType;
  const type = definition.slotTypes.find((t) => t.name === slotType);
  if (type?.resolution !== 'ORIGINAL_VALUE' || text.trim() === '') return {};

  return {
    [slot]: {
      shape: 'Scalar',
      value: {
        originalValue: text,
        interpretedValue: text,
        resolvedValues: [],
      },
    },
  };
}

function yesOrNo(text: string): 'Confirmed' | 'Denied' | undefined {
  const said = words(text);
  if (said.some((word) => NO.has(word))) return 'Denied';
  if (said.some((word) => YES.has(word))) return 'Confirmed';

  return undefined;
}

/** An intent of the definition by name. */
export function intentNamed(
  definition: BotDefinition,
  name: string,
): IntentDefinition | undefined {
  return definition.intents.find((intent) => intent.name === name);
}

/** The code hook event Lex would send for a turn. */
export function codeHookEvent(options: {
  source: LexCodeHookEvent['invocationSource'];
  text: string;
  inputMode: 'Speech' | 'DTMF';
  sessionId: string;
  definition: BotDefinition;
  sessionAttributes: Record<string, string>;
  read: ReadTurn;
}): LexCodeHookEvent {
  const { read, definition } = options;

  return {
    messageVersion: '1.0',
    invocationSource: options.source,
    inputMode: options.inputMode,
    responseContentType: 'text/plain; charset=utf-8',
    sessionId: options.sessionId,
    inputTranscript: options.text,
    bot: {
      id: 'LOCALBOT',
      name: 'order-bot',
      localeId: definition.localeId,
      version: 'DRAFT',
      aliasId: 'TSTALIASID',
      aliasName: 'TestBotAlias',
    },
    interpretations: read.interpretations,
    sessionState: {
      sessionAttributes: options.sessionAttributes,
      intent: read.intent,
    },
  };
}
