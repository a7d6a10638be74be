import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCallState } from '../../src/call-flow/state-codec';
import type { BotEngine } from '../../src/local/bot-engine';
import type { CallRecord } from '../../src/local/call-record';
import type { Order } from '../../src/orders/model';
import type {
  SmaResponse,
  StartBotConversationAction,
} from '../../src/telephony/actions';
import type { IntentResult } from '../../src/telephony/events';
import {
  callerWith,
  heardTexts,
  STAFF_NUMBER,
  type FlowFixture,
} from '../support/call-flow-fixture';
import { BOT_ALIAS_ARN, voiceFixture } from '../support/voice-fixture';

/**
 * Whole calls ordered by voice: key 2 hands the caller to the bot, played
 * by the local bot engine on the real code hook, with the call flow and
 * the stores in memory. Each test reads the words heard and what was
 * stored.
 */

const WELCOME = "Thanks for calling Tony's Pizzeria.";
const MAIN_MENU = 'To order, press 1. To order by voice, press 2.';
const BOT_WELCOME = 'What would you like?';
const ANYTHING_ELSE = 'Anything else?';
const PIZZAS = 'We have Margherita, Pepperoni, Veggie Supreme and Meat Lovers.';
const CATEGORIES = 'Pizzas, press 1. Sides, 2. Drinks, 3.';
const GO_BACK = 'Press star to go back at any time.';
const TROUBLE = "Sorry, I'm having trouble understanding.";
const REVIEW_KEYS =
  'Press 1 to finish, 2 to remove the last item, 3 to start over, ' +
  'or 4 to add more.';

/** The keypad's own confirmation, after the bot's read-back. */
function keypadConfirm(total: string): string {
  return (
    `Your total is ${total} with tax, for pickup. ` +
    'Press 1 to place your order, or star to go back.'
  );
}

function placed(ticket: number, total: string): string {
  return (
    `Thank you! Your ticket number is ${ticket}. Your total is ${total}, ` +
    'ready around 6:15 PM. Goodbye.'
  );
}

const LARGE_PEPPERONI = {
  itemId: 'pepperoni',
  name: 'Pepperoni',
  sizeId: 'large',
  sizeName: 'Large',
  unitPriceCents: 1899,
};
const COLA = { itemId: 'cola', name: 'Cola', unitPriceCents: 249 };

async function orderOf(
  fixture: FlowFixture,
  record: CallRecord,
): Promise<Order | undefined> {
  return fixture.orders.get(record.transactionId);
}

function botActions(record: CallRecord): StartBotConversationAction[] {
  return record.actions.filter(
    (action): action is StartBotConversationAction =>
      action.Type === 'StartBotConversation',
  );
}

/** An engine that ends every conversation with the same result. */
function engineEndingWith(result: IntentResult): BotEngine {
  return {
    converse: () =>
      Promise.resolve({ outcome: 'success', intentResult: result }),
  };
}

describe('voice ordering', () => {
  it('takes a one-breath order and confirms it like a keypad order', async () => {
    // Prepare
    const fixture = voiceFixture();

    // Act
    const record = await fixture.call(
      `2 "two large pepperoni and a coke" "that's all" "yes" 1`,
    );

    // Assess
    expect(heardTexts(record)).toEqual([
      `${WELCOME} ${MAIN_MENU}`,
      BOT_WELCOME,
      `Added 2 large Pepperoni and 1 Cola. ${ANYTHING_ELSE}`,
      'You have: 2 large Pepperoni, 37 dollars and 98 cents. ' +
        '1 Cola, 2 dollars and 49 cents. ' +
        'Total with tax, 44 dollars and 6 cents. Is that right?',
      keypadConfirm('44 dollars and 6 cents'),
      placed(1, '44 dollars and 6 cents'),
    ]);
    expect(record.problems).toEqual([]);
    expect(await orderOf(fixture, record)).toMatchObject({
      channel: 'VOICE',
      lines: [
        { ...LARGE_PEPPERONI, quantity: 2 },
        { ...COLA, quantity: 1 },
      ],
      subtotalCents: 4047,
      taxCents: 359,
      totalCents: 4406,
      fulfilment: 'PICKUP',
      ticketNumber: 1,
    });
    expect(fixture.metrics).toContain('VoiceConversations');
  });

  it('hands the bot the alias, the locale, a welcome and what the IVR knows', async () => {
    // Prepare
    const fixture = voiceFixture();

    // Act
    const record = await fixture.call('2 hangup');

    // Assess
    expect(botActions(record)).toEqual([
      {
        Type: 'StartBotConversation',
        Parameters: {
          CallId: record.callId,
          BotAliasArn: BOT_ALIAS_ARN,
          LocaleId: 'en_US',
          Configuration: {
            SessionState: {
              SessionAttributes: { returning: 'false', cart: '[]' },
              DialogAction: { Type: 'ElicitIntent' },
            },
            WelcomeMessages: [
              { Content: BOT_WELCOME, ContentType: 'PlainText' },
            ],
          },
        },
      },
    ]);
  });

  it('asks which one, then the size, turn by turn', async () => {
    // Prepare
    const fixture = voiceFixture();

    // Act
    const record = await fixture.call(
      '2 "a pizza" "pepperoni" "family size" "and a coke" "no" "yes" 1',
    );

    // Assess
    expect(heardTexts(record).slice(1)).toEqual([
      BOT_WELCOME,
      `Which pizza would you like? ${PIZZAS}`,
      'Which size Pepperoni: medium for 14 dollars and 49 cents ' +
        'or large for 18 dollars and 99 cents?',
      `Added 1 large Pepperoni. ${ANYTHING_ELSE}`,
      `Added 1 Cola. ${ANYTHING_ELSE}`,
      'You have: 1 large Pepperoni, 18 dollars and 99 cents. ' +
        '1 Cola, 2 dollars and 49 cents. ' +
        'Total with tax, 23 dollars and 39 cents. Is that right?',
      keypadConfirm('23 dollars and 39 cents'),
      placed(1, '23 dollars and 39 cents'),
    ]);
    expect(await orderOf(fixture, record)).toMatchObject({
      channel: 'VOICE',
      lines: [
        { ...LARGE_PEPPERONI, quantity: 1 },
        { ...COLA, quantity: 1 },
      ],
    });
  });

  it('names what we have when the caller asks for something we do not sell', async () => {
    // Prepare
    const fixture = voiceFixture();

    // Act
    const record = await fixture.call(
      `2 "a hawaiian pizza" "margarita" "big" "that's it" "yes" 1`,
    );

    // Assess
    expect(heardTexts(record).slice(2, 5)).toEqual([
      `Sorry, we don't have hawaiian pizza. ${PIZZAS} What would you like?`,
      'Which size Margherita: medium for 12 dollars and 99 cents ' +
        'or large for 16 dollars and 99 cents?',
      `Added 1 large Margherita. ${ANYTHING_ELSE}`,
    ]);
    expect(await orderOf(fixture, record)).toMatchObject({
      channel: 'VOICE',
      lines: [{ itemId: 'margherita', sizeId: 'large', quantity: 1 }],
      totalCents: 1850,
    });
  });

  it('refuses a sold-out item and offers the rest of its category', async () => {
    // Prepare
    const fixture = voiceFixture();

    // Act
    const record = await fixture.call(
      `2 "mozzarella sticks" "garlic knots" "that's all" "yes" 1`,
    );

    // Assess
    expect(heardTexts(record).slice(2, 4)).toEqual([
      'Sorry, Mozzarella Sticks is sold out today. We also have ' +
        'Garlic Knots, Buffalo Wings and Caesar Salad. ' +
        'What would you like instead?',
      `Added 1 Garlic Knots. ${ANYTHING_ELSE}`,
    ]);
    expect(await orderOf(fixture, record)).toMatchObject({
      lines: [{ itemId: 'garlic-knots', quantity: 1 }],
    });
  });

  it('refuses an item that sells out during the call', async () => {
    // Prepare
    const fixture = voiceFixture();
    const caller = callerWith(
      '2 "a large pepperoni"',
      () => fixture.menu.setAvailability('cola', false),
      `"and a coke" "iced tea" "that's all" "yes" 1`,
    );

    // Act
    const record = await fixture.call(caller);

    // Assess
    expect(heardTexts(record)[3]).toBe(
      'Sorry, Cola is sold out today. We also have Lemon-Lime Soda, ' +
        'Iced Tea and Bottled Water. What would you like instead?',
    );
    expect(await orderOf(fixture, record)).toMatchObject({
      lines: [
        { itemId: 'pepperoni', quantity: 1 },
        { itemId: 'iced-tea', quantity: 1 },
      ],
    });
  });

  it.each([
    [
      'a family size roni and two sprites',
      'Added 1 large Pepperoni and 2 Lemon-Lime Soda.',
    ],
    [
      'three garlic knots and 2 iced teas',
      'Added 3 Garlic Knots and 2 Iced Tea.',
    ],
    ['a couple of big peperoni', 'Added 2 large Pepperoni.'],
    ['four cheese sticks', undefined],
  ])(
    'understands synonyms, near misses and numbers: %s',
    async (said, added) => {
      // Prepare
      const fixture = voiceFixture();

      // Act
      const record = await fixture.call(`2 "${said}" hangup`);

      // Assess
      const answer = heardTexts(record)[2];
      if (added === undefined) {
        // "cheese sticks" are the sold-out mozzarella sticks.
        expect(answer).toMatch(/^Sorry, Mozzarella Sticks is sold out today/);
      } else {
        expect(answer).toBe(`${added} ${ANYTHING_ELSE}`);
      }
    },
  );

  it('tells a returning caller the status of their order', async () => {
    // Prepare
    const fixture = voiceFixture();
    await fixture.call(`2 "a coke" "that's all" "yes" 1`);

    // Act
    const record = await fixture.call('2 "where is my order" hangup');

    // Assess
    expect(heardTexts(record).slice(1)).toEqual([
      BOT_WELCOME,
      'Your order, ticket 1, has been received. ' +
        `${MAIN_MENU} To repeat your last order, press 3. ` +
        'For your order status, press 4.',
    ]);
  });

  it('says so when there is no order in progress to tell about', async () => {
    // Prepare
    const fixture = voiceFixture();

    // Act
    const record = await fixture.call('2 "is my order ready" hangup');

    // Assess
    expect(heardTexts(record)[2]).toBe(
      `I could not find an order in progress from this number. ${MAIN_MENU}`,
    );
  });

  it('transfers a caller who asks for a person', async () => {
    // Prepare
    const fixture = voiceFixture({
      settings: { staffPhoneNumber: STAFF_NUMBER },
    });

    // Act
    const record = await fixture.call(
      '2 "a large pepperoni" "talk to a person"',
    );

    // Assess
    expect(heardTexts(record).slice(2)).toEqual([
      `Added 1 large Pepperoni. ${ANYTHING_ELSE}`,
      'Sure. Connecting you to our staff now.',
    ]);
    expect(record.ending).toBe('transferred');
    expect(record.transferredTo).toBe(STAFF_NUMBER);
  });

  it('goes on by keypad with the cart kept when the caller says keypad', async () => {
    // Prepare
    const fixture = voiceFixture();

    // Act
    const record = await fixture.call('2 "three garlic knots" "keypad" 1 1');

    // Assess
    expect(heardTexts(record).slice(2)).toEqual([
      `Added 3 Garlic Knots. ${ANYTHING_ELSE}`,
      "Sure, let's use the keypad. Here is your order so far. " +
        'You have: 3 Garlic Knots, 17 dollars and 97 cents. ' +
        `Total with tax, 19 dollars and 56 cents. ${REVIEW_KEYS}`,
      keypadConfirm('19 dollars and 56 cents'),
      placed(1, '19 dollars and 56 cents'),
    ]);
    expect(await orderOf(fixture, record)).toMatchObject({
      channel: 'VOICE',
      lines: [{ itemId: 'garlic-knots', quantity: 3 }],
    });
  });

  it('falls back to the keypad when the bot cannot follow the caller', async () => {
    // Prepare
    const fixture = voiceFixture();

    // Act
    const record = await fixture.call('2 "blah" "fish" "gah" 3 1 1 3 1');

    // Assess
    const help =
      "Sorry, I didn't catch that. You can say something like two large " +
      'pepperoni, or say keypad to use the keypad.';
    expect(heardTexts(record).slice(2, 5)).toEqual([
      help,
      help,
      `${TROUBLE} ${GO_BACK} ${CATEGORIES}`,
    ]);
    expect(fixture.metrics).toContain('VoiceFallbacks');
    expect(await orderOf(fixture, record)).toMatchObject({
      channel: 'KEYPAD',
      lines: [{ itemId: 'cola', quantity: 1 }],
    });
  });

  it('falls back to the keypad when the bot conversation fails', async () => {
    // Prepare
    const fixture = voiceFixture({
      engine: {
        converse: () =>
          Promise.resolve({
            outcome: 'failed',
            errorType: 'AccessDeniedException',
            errorMessage: 'not allowed',
          }),
      },
    });

    // Act
    const record = await fixture.call('2 3 1 1 3 1');

    // Assess
    expect(heardTexts(record)[1]).toBe(`${TROUBLE} ${GO_BACK} ${CATEGORIES}`);
    expect(record.problems).toEqual([]);
    expect(fixture.logs).toContainEqual({
      level: 'info',
      message: 'voice order fell back to keypad',
      fields: { reason: 'AccessDeniedException', cartLines: 0 },
    });
    expect(await orderOf(fixture, record)).toMatchObject({
      channel: 'KEYPAD',
    });
  });

  it('does not act on a reading the bot is unsure of, and keeps its cart', async () => {
    // Prepare
    const unsure: IntentResult = {
      SessionState: {
        SessionAttributes: { cart: '[{"i":"cola","q":2}]' },
        Intent: { Name: 'TalkToPerson', State: 'Fulfilled' },
      },
      Interpretations: [
        {
          Intent: { Name: 'TalkToPerson' },
          NluConfidence: { Score: 0.31 },
        },
      ],
    };
    const fixture = voiceFixture({
      settings: { staffPhoneNumber: STAFF_NUMBER },
      engine: engineEndingWith(unsure),
    });

    // Act
    const record = await fixture.call('2 1 1');

    // Assess
    expect(heardTexts(record)[1]).toBe(
      `${TROUBLE} Here is your order so far. ` +
        'You have: 2 Cola, 4 dollars and 98 cents. ' +
        `Total with tax, 5 dollars and 42 cents. ${REVIEW_KEYS}`,
    );
    expect(record.ending).toBe('application-hung-up');
    expect(await orderOf(fixture, record)).toMatchObject({
      channel: 'VOICE',
      lines: [{ itemId: 'cola', quantity: 2 }],
    });
  });

  it('reads the IntentResult Chime sends for a confirmed voice order', async () => {
    // Prepare
    const fixture = voiceFixture();
    const path = join(
      __dirname,
      '../../events/sma-action-successful-voice-order.json',
    );
    const event: unknown = JSON.parse(readFileSync(path, 'utf8'));

    // Act
    const response = (await fixture.invoke(event)) as SmaResponse;

    // Assess
    expect(response.Actions).toEqual([
      expect.objectContaining({
        Type: 'SpeakAndGetDigits',
        Parameters: expect.objectContaining({
          SpeechParameters: expect.objectContaining({
            Text: keypadConfirm('44 dollars and 6 cents'),
          }) as unknown,
        }) as unknown,
      }),
    ]);
    expect(decodeCallState(response.TransactionAttributes)).toMatchObject({
      step: 'CONFIRM',
      ful: 'PICKUP',
      ch: 'VOICE',
      cart: [
        { i: 'pepperoni', s: 'large', q: 2 },
        { i: 'cola', q: 1 },
      ],
    });
  });

  it('stores one order when Chime delivers every event twice', async () => {
    // Prepare
    const fixture = voiceFixture();

    // Act
    const record = await fixture.call(
      `2 "two large pepperoni and a coke" "that's all" "yes" 1`,
      { duplicateDelivery: true },
    );

    // Assess
    expect(heardTexts(record).at(-1)).toBe(placed(1, '44 dollars and 6 cents'));
    const { orders } = await fixture.orders.listByStatus(
      '2026-12-01',
      'PLACED',
      { limit: 10 },
    );
    expect(orders).toHaveLength(1);
  });
});
