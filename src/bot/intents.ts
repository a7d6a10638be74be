import type { IntentDefinition } from './definition';

/**
 * The order bot's intents: their names, the slots of OrderFood, and the
 * sample utterances Lex learns from and the local recogniser compares with.
 */

/** The intents, by the names Lex and the call flow use. */
export const INTENT = {
  orderFood: 'OrderFood',
  finishOrder: 'FinishOrder',
  checkOrderStatus: 'CheckOrderStatus',
  talkToPerson: 'TalkToPerson',
  useKeypad: 'UseKeypad',
  fallback: 'FallbackIntent',
} as const;

export type IntentName = (typeof INTENT)[keyof typeof INTENT];

/** The slots of OrderFood. */
export const SLOT = {
  item: 'item',
  size: 'size',
  quantity: 'quantity',
} as const;

export type SlotName = (typeof SLOT)[keyof typeof SLOT];

/** Custom slot types; quantities use Lex's built-in AMAZON.Number. */
export const SLOT_TYPE = {
  menuItem: 'MenuItem',
  itemSize: 'ItemSize',
  number: 'AMAZON.Number',
} as const;

const ORDER_FOOD: IntentDefinition = {
  name: INTENT.orderFood,
  description: 'The caller names food or drinks to add to the order.',
  utterances: [
    '{item}',
    '{quantity} {item}',
    '{size} {item}',
    '{quantity} {size} {item}',
    '{quantity} {item} {size}',
    "I'd like {quantity} {size} {item}",
    "I'd like {quantity} {item}",
    "I'd like {item}",
    'I want {quantity} {size} {item}',
    'I want {item}',
    'can I get {quantity} {size} {item}',
    'can I have {quantity} {item}',
    'give me {quantity} {size} {item}',
    "I'll have {quantity} {size} {item}",
    'and {quantity} {item}',
    'also {item}',
    "I'd like to order",
    'I want to order',
    "I'd like to place an order",
    'order food',
    'yes',
    'yes please',
    'something else',
  ],
  slots: [
    {
      name: SLOT.item,
      description: 'A menu item, or a category such as pizza.',
      slotType: SLOT_TYPE.menuItem,
      prompt: 'What would you like?',
    },
    {
      name: SLOT.size,
      description: 'The size, for items that come in sizes.',
      slotType: SLOT_TYPE.itemSize,
      prompt: 'What size would you like?',
    },
    {
      name: SLOT.quantity,
      description: 'How many of the item.',
      slotType: SLOT_TYPE.number,
      prompt: 'How many would you like?',
    },
  ],
  dialogCodeHook: true,
  fulfillmentCodeHook: true,
};

const FINISH_ORDER: IntentDefinition = {
  name: INTENT.finishOrder,
  description: 'The caller has nothing more to add.',
  utterances: [
    "that's all",
    "that's it",
    'that is all',
    'that will be all',
    "no that's all",
    'no',
    'no thanks',
    'nope',
    'nothing else',
    "I'm done",
    'done',
    'finish',
    'finish my order',
    'complete my order',
    'check out',
  ],
  slots: [],
  confirmationPrompt: 'Shall I finish your order?',
  dialogCodeHook: true,
  fulfillmentCodeHook: true,
};

const CHECK_ORDER_STATUS: IntentDefinition = {
  name: INTENT.checkOrderStatus,
  description: 'The caller asks about an order already placed.',
  utterances: [
    'where is my order',
    'order status',
    'check my order',
    'what is the status of my order',
    'is my order ready',
    'when will my order be ready',
    'how long will my order be',
    'track my order',
  ],
  slots: [],
  dialogCodeHook: true,
  fulfillmentCodeHook: true,
};

const TALK_TO_PERSON: IntentDefinition = {
  name: INTENT.talkToPerson,
  description: 'The caller wants to speak with staff.',
  utterances: [
    'talk to a person',
    'I want to speak to someone',
    'can I speak to someone',
    'speak to someone',
    'speak with a person',
    'talk to someone',
    'a real person',
    'can I talk to a human',
    'talk to a human',
    'operator',
    'representative',
    'agent',
    'staff',
  ],
  slots: [],
  dialogCodeHook: true,
  fulfillmentCodeHook: true,
};

const USE_KEYPAD: IntentDefinition = {
  name: INTENT.useKeypad,
  description: 'The caller would rather press keys.',
  utterances: [
    'keypad',
    'buttons',
    'use the keypad',
    "I'll use the buttons",
    'press buttons',
    'let me press keys',
    'touch tone',
  ],
  slots: [],
  dialogCodeHook: true,
  fulfillmentCodeHook: true,
};

// Lex refuses a bot without an intent whose parent is AMAZON.FallbackIntent.
// It takes no utterances, and Lex offers it only the fulfilment code hook.
const FALLBACK: IntentDefinition = {
  name: INTENT.fallback,
  description: 'Nothing else fits: the code hook asks again or gives up.',
  parent: 'AMAZON.FallbackIntent',
  utterances: [],
  slots: [],
  dialogCodeHook: false,
  fulfillmentCodeHook: true,
};

/** Every intent of the bot, the required fallback last. */
export const INTENTS: IntentDefinition[] = [
  ORDER_FOOD,
  FINISH_ORDER,
  CHECK_ORDER_STATUS,
  TALK_TO_PERSON,
  USE_KEYPAD,
  FALLBACK,
];
