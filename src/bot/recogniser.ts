import {
  INTENT,
  SLOT,
  type BotDefinition,
  type IntentDefinition,
  type SlotName,
} from './definition';
import type { LexInterpretation, LexSlot } from './lex-events';
import {
  groupLines,
  MenuVocabulary,
  namesItem,
  type Analysis,
  type Mention,
} from './menu-vocabulary';
import { fuzzyDistance, words } from './text-matching';

/**
 * A small stand-in for Lex's language understanding, read from the bot
 * definition. For intents with slots, slot values are found first (exact
 * or within a few edits) and replaced by their slot's marker; intents
 * without slots are compared on the plain words. Either way the utterance
 * is compared word by word with every sample utterance: the closest one's
 * intent wins, with a confidence of how close it was, and below the bot's
 * threshold the fallback intent is chosen, as Lex does.
 */

/** Slots as Lex sends them to the code hook. */
export type LexSlots = Record<string, LexSlot | null>;

/** What the recogniser made of one utterance. */
export interface Recognition {
  intent: string;
  /** 0 to 1; none for the fallback intent, as with Lex. */
  confidence?: number;
  /** The slots of the chosen intent. */
  slots: LexSlots;
  /** Slot values found in the utterance, whatever the intent. */
  found: Partial<Record<SlotName, LexSlot>>;
  /** Every intent, best first, as Lex lists interpretations. */
  interpretations: LexInterpretation[];
}

const MARKER: Record<Mention['kind'], string> = {
  item: `{${SLOT.item}}`,
  category: `{${SLOT.item}}`,
  unknown: `{${SLOT.item}}`,
  size: `{${SLOT.size}}`,
  quantity: `{${SLOT.quantity}}`,
};

// After the first item, more items joined by these words are more lines of
// the same order: "two large pepperoni and a coke" reads as one request.
const JOINERS = new Set(['and', 'with', 'plus', 'also', 'then']);

interface Pattern {
  intent: IntentDefinition;
  /** Compared with slot markers in place of values, or with plain words. */
  marked: boolean;
  tokens: string[];
}

/** Recognises intents and slots with a bot definition's own words. */
export class Recogniser {
  private readonly vocabulary: MenuVocabulary;
  private readonly patterns: Pattern[];

  constructor(private readonly definition: BotDefinition) {
    this.vocabulary = new MenuVocabulary(definition);
    this.patterns = definition.intents.flatMap((intent) =>
      intent.utterances.map((utterance) => {
        const marked = intent.slots.length > 0;
        const tokens = marked ? this.tokens(utterance) : words(utterance);

        return { intent, marked, tokens };
      }),
    );
  }

  /** The intent and slots of an utterance. */
  recognise(text: string): Recognition {
    const analysis = this.vocabulary.analyse(text);
    const heard = {
      marked: collapseMoreItems(markedTokens(analysis)),
      plain: analysis.words,
    };
    const found = slotValues(analysis);
    const ranked = this.rank(heard);
    const best = ranked[0];
    const understood =
      best !== undefined &&
      analysis.words.length > 0 &&
      best.score >= this.definition.nluConfidenceThreshold;
    const intent = understood ? best.intent : undefined;

    return {
      intent: intent?.name ?? INTENT.fallback,
      ...(understood ? { confidence: best.score } : {}),
      slots: intent === undefined ? {} : slotsOf(intent, found),
      found,
      interpretations: this.interpretations(ranked, found, understood),
    };
  }

  private rank(heard: {
    marked: string[];
    plain: string[];
  }): { intent: IntentDefinition; score: number }[] {
    const best = new Map<IntentDefinition, number>();
    for (const pattern of this.patterns) {
      const tokens = pattern.marked ? heard.marked : heard.plain;
      const score = similarity(tokens, pattern.tokens);
      if (score > (best.get(pattern.intent) ?? -1)) {
        best.set(pattern.intent, score);
      }
    }

    return [...best]
      .map(([intent, score]) => ({ intent, score }))
      .sort((a, b) => b.score - a.score);
  }

  private interpretations(
    ranked: { intent: IntentDefinition; score: number }[],
    found: Recognition['found'],
    understood: boolean,
  ): LexInterpretation[] {
    const scored = ranked.map(({ intent, score }) => ({
      intent: interpretedIntent(intent.name, slotsOf(intent, found)),
      nluConfidence: round(score),
    }));
    const fallback = { intent: interpretedIntent(INTENT.fallback, {}) };

    return understood ? [...scored, fallback] : [fallback, ...scored];
  }

  /** An utterance as tokens, its `{slot}` references kept as markers. */
  private tokens(utterance: string): string[] {
    return utterance
      .split(/(\{[a-zA-Z]+\})/)
      .flatMap((part) =>
        part.startsWith('{')
          ? [part]
          : markedTokens(this.vocabulary.analyse(part)),
      );
  }
}

function interpretedIntent(name: string, slots: LexSlots) {
  return { name, slots, state: 'InProgress' as const };
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}

/** The words of an analysis, each mention replaced by its slot's marker. */
function markedTokens(analysis: Analysis): string[] {
  const tokens: string[] = [];
  for (let index = 0; index < analysis.words.length;) {
    const mention = analysis.mentions.find((m) => m.start === index);
    tokens.push(
      mention === undefined
        ? (analysis.words[index] ?? '')
        : MARKER[mention.kind],
    );
    index = mention?.end ?? index + 1;
  }

  return tokens;
}

function collapseMoreItems(tokens: string[]): string[] {
  const first = tokens.indexOf(MARKER.item);
  if (first < 0) return tokens;
  let end = first + 1;
  const markers = new Set(Object.values(MARKER));
  while (end < tokens.length) {
    const token = tokens[end] ?? '';
    if (!JOINERS.has(token) && !markers.has(token)) break;
    end += 1;
  }
  // Keep a trailing size said after the item ("pepperoni large").
  const trailing = tokens.slice(first + 1, end).includes(MARKER.item)
    ? []
    : tokens.slice(first + 1, end);

  return [...tokens.slice(0, first + 1), ...trailing, ...tokens.slice(end)];
}

/** 1 for the same words, falling with each word inserted, dropped or changed. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const same = sameWord(a[i - 1] ?? '', b[j - 1] ?? '') ? 0 : 1;
      row.push(
        Math.min(
          (previous[j] ?? 0) + 1,
          (row[j - 1] ?? 0) + 1,
          (previous[j - 1] ?? 0) + same,
        ),
      );
    }
    previous = row;
  }

  return 1 - (previous[b.length] ?? longest) / longest;
}

function sameWord(heard: string, known: string): boolean {
  if (known.startsWith('{')) return heard === known;

  return fuzzyDistance(heard, known) !== undefined;
}

/** Slot values of the first line said, in Lex's slot shape. */
function slotValues(analysis: Analysis): Recognition['found'] {
  const first =
    groupLines(analysis.mentions).find((group) => group.some(namesItem)) ??
    groupLines(analysis.mentions)[0] ??
    [];
  const found: Recognition['found'] = {};
  for (const mention of first) {
    if (namesItem(mention)) found.item = itemSlot(mention);
    if (mention.kind === 'size') found.size = scalar(mention.heard, mention.id);
    if (mention.kind === 'quantity') {
      found.quantity = scalar(mention.heard, String(mention.value));
    }
  }

  return found;
}

/**
 * The item slot resolves like ORIGINAL_VALUE: the words said are the
 * value, and the menu entry they match, if any, is the resolution.
 */
function itemSlot(mention: Mention): LexSlot {
  const resolved =
    mention.kind === 'item' || mention.kind === 'category' ? [mention.id] : [];

  return {
    shape: 'Scalar',
    value: {
      originalValue: mention.heard,
      interpretedValue: mention.heard,
      resolvedValues: resolved,
    },
  };
}

function scalar(heard: string, interpreted: string): LexSlot {
  return {
    shape: 'Scalar',
    value: {
      originalValue: heard,
      interpretedValue: interpreted,
      resolvedValues: [interpreted],
    },
  };
}

/** Every slot of an intent: a value where one was found, null otherwise. */
export function slotsOf(
  intent: IntentDefinition,
  found: Recognition['found'],
): LexSlots {
  return Object.fromEntries(
    intent.slots.map((slot) => [slot.name, found[slot.name] ?? null]),
  );
}
