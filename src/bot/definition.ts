import type { Menu } from '../menu/model';
import { INTENTS, SLOT_TYPE, type IntentName, type SlotName } from './intents';
import { words } from './text-matching';

/**
 * The voice ordering bot, described once as data built from the menu. The
 * CloudFormation resources (bot-resources.ts) and the local recogniser
 * (recogniser.ts) are both read from it, so what is deployed to Amazon Lex
 * and what runs on a laptop understand the same sentences.
 */

export const ORDER_BOT_LOCALE = 'en_US';

export {
  INTENT,
  SLOT,
  SLOT_TYPE,
  type IntentName,
  type SlotName,
} from './intents';

/** What a slot value stands for on the menu. */
export type ValueMeaning = 'item' | 'category' | 'size';

/** One value of a custom slot type and the other words for it. */
export interface SlotTypeValue {
  value: string;
  synonyms: string[];
  /** Read by the recogniser and the code hook; not deployed. */
  meaning: ValueMeaning;
}

export interface SlotTypeDefinition {
  name: string;
  description: string;
  values: SlotTypeValue[];
  /**
   * ORIGINAL_VALUE hands the code hook what the caller said even when it
   * matches no value, so "a hawaiian pizza" can be answered with what we
   * do sell; TOP_RESOLUTION keeps only a known value.
   */
  resolution: 'ORIGINAL_VALUE' | 'TOP_RESOLUTION';
}

export interface SlotDefinition {
  name: SlotName;
  description: string;
  slotType: string;
  /** What Lex asks when it elicits the slot without the code hook's words. */
  prompt: string;
}

export interface IntentDefinition {
  name: IntentName;
  description: string;
  /** AMAZON.FallbackIntent for the intent Lex picks when nothing fits. */
  parent?: 'AMAZON.FallbackIntent';
  /** Sample utterances; `{slot}` marks where a slot value goes. */
  utterances: string[];
  slots: SlotDefinition[];
  /** The question Lex asks before fulfilment, when the intent has one. */
  confirmationPrompt?: string;
  dialogCodeHook: boolean;
  fulfillmentCodeHook: boolean;
}

/** The whole bot: one locale, its intents and slot types. */
export interface BotDefinition {
  description: string;
  localeId: string;
  /** Below this NLU confidence Lex picks the fallback intent. */
  nluConfidenceThreshold: number;
  idleSessionTtlSeconds: number;
  voice: { voiceId: string; engine: 'standard' | 'neural' };
  intents: IntentDefinition[];
  slotTypes: SlotTypeDefinition[];
}

/** Voice settings when the caller of the builder gives none. */
const DEFAULT_VOICE = { voiceId: 'Joanna', engine: 'neural' } as const;

/** The order bot for a menu: every item, synonym and size is a slot value. */
export function orderBotDefinition(
  menu: Menu,
  voice: BotDefinition['voice'] = DEFAULT_VOICE,
): BotDefinition {
  return {
    description: 'Takes phone orders by voice for the restaurant.',
    localeId: ORDER_BOT_LOCALE,
    nluConfidenceThreshold: 0.4,
    // A phone call with the bot is short; a stale session must not leak a
    // cart into the next call on the same CallId.
    idleSessionTtlSeconds: 300,
    voice,
    intents: INTENTS,
    slotTypes: [menuItemSlotType(menu), itemSizeSlotType(menu)],
  };
}

/**
 * Items by id, with their names and synonyms; categories too, so "a pizza"
 * fills the slot and the code hook can ask which one.
 */
function menuItemSlotType(menu: Menu): SlotTypeDefinition {
  const items = menu.items.map((item) =>
    slotValue('item', item.itemId, [item.name, ...(item.synonyms ?? [])]),
  );
  const categories = menu.categories.map((category) =>
    slotValue('category', category.categoryId, [
      category.name,
      words(category.name).join(' '),
    ]),
  );

  return {
    name: SLOT_TYPE.menuItem,
    description: 'Everything on the menu, sold out or not, and categories.',
    values: [...items, ...categories],
    resolution: 'ORIGINAL_VALUE',
  };
}

/** Sizes by id across all items, with every item's words for them. */
function itemSizeSlotType(menu: Menu): SlotTypeDefinition {
  const sizes = new Map<string, string[]>();
  for (const size of menu.items.flatMap((item) => item.sizes ?? [])) {
    const known = sizes.get(size.sizeId) ?? [];
    sizes.set(size.sizeId, [...known, size.name, ...(size.synonyms ?? [])]);
  }

  return {
    name: SLOT_TYPE.itemSize,
    description: 'Item sizes such as medium and large.',
    values: [...sizes].map(([sizeId, names]) =>
      slotValue('size', sizeId, names),
    ),
    resolution: 'TOP_RESOLUTION',
  };
}

/**
 * A value with its synonyms, each once and none repeating the value. Only
 * the same spelling counts as a repeat: "Veggie Supreme" stays a synonym of
 * "veggie-supreme", as the words speech recognition should listen for.
 */
function slotValue(
  meaning: ValueMeaning,
  value: string,
  names: string[],
): SlotTypeValue {
  const seen = new Set([value.toLowerCase()]);
  const synonyms: string[] = [];
  for (const name of names) {
    const synonym = name.trim().toLowerCase();
    if (synonym === '' || seen.has(synonym)) continue;
    seen.add(synonym);
    synonyms.push(synonym);
  }

  return { value, synonyms, meaning };
}
