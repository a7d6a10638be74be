import { handleCodeHook, MAX_MISSES } from '../../src/bot/code-hook';
import type { CodeHookDependencies } from '../../src/bot/hook-context';
import {
  lexCodeHookResponseSchema,
  parseLexEvent,
  type LexCodeHookResponse,
} from '../../src/bot/lex-events';
import { InMemoryMenuRepository } from '../../src/menu/in-memory-menu-repository';
import { parseMenu } from '../../src/menu/menu-schema';
import type { MenuRepository } from '../../src/menu/model';
import sampleMenu from '../../src/menu/sample-menu.json';

/**
 * The code hook turn by turn, with the camelCase events Lex V2 sends and
 * the sample menu in memory. Each test reads the dialog action, the words
 * and the session attributes that go back to Lex.
 */

interface Turn {
  intent?: string;
  said?: string;
  slots?: Record<string, unknown>;
  session?: Record<string, string>;
  source?: 'DialogCodeHook' | 'FulfillmentCodeHook';
  confirmation?: 'None' | 'Confirmed' | 'Denied';
}

/** A Lex V2 code hook event, as Lex sends it. */
function lexEvent(turn: Turn): unknown {
  return {
    messageVersion: '1.0',
    invocationSource: turn.source ?? 'DialogCodeHook',
    inputMode: 'Speech',
    responseContentType: 'text/plain; charset=utf-8',
    sessionId: '8a4e2c6f-1d3b-4e9a-b7c5-0f2e4a6c8d1b',
    inputTranscript: turn.said ?? '',
    bot: {
      id: 'ORDERBOT01',
      name: 'phone-orders-dev-order-bot',
      localeId: 'en_US',
      version: '1',
      aliasId: 'LIVEALIAS1',
      aliasName: 'live',
    },
    interpretations: [],
    sessionState: {
      sessionAttributes: turn.session ?? { returning: 'false', cart: '[]' },
      intent: {
        name: turn.intent ?? 'OrderFood',
        slots: turn.slots ?? { item: null, size: null, quantity: null },
        state: 'InProgress',
        confirmationState: turn.confirmation ?? 'None',
      },
    },
  };
}

function slot(original: string, interpreted = original, resolved = [original]) {
  return {
    shape: 'Scalar',
    value: {
      originalValue: original,
      interpretedValue: interpreted,
      resolvedValues: resolved,
    },
  };
}

interface Setup {
  menu?: MenuRepository;
}

function dependencies(setup: Setup = {}) {
  const logs: { level: string; message: string }[] = [];
  const log = (level: string) => (message: string) => {
    logs.push({ level, message });
  };
  const deps: CodeHookDependencies = {
    menu: setup.menu ?? new InMemoryMenuRepository(parseMenu(sampleMenu)),
    pricing: { taxRatePercent: 8.875, currency: 'USD' },
    log: { info: log('info'), warn: log('warn'), error: log('error') },
  };

  return { deps, logs };
}

async function answer(
  turn: Turn,
  setup: Setup = {},
): Promise<LexCodeHookResponse> {
  const response = await handleCodeHook(
    parseLexEvent(lexEvent(turn)),
    dependencies(setup).deps,
  );

  // Whatever the turn, Lex must accept the answer.
  return lexCodeHookResponseSchema.parse(response);
}

function words(response: LexCodeHookResponse): string | undefined {
  return response.messages?.map((message) => message.content).join(' ');
}

const PEPPERONI_SIZES =
  'Which size Pepperoni: medium for 14 dollars and 49 cents ' +
  'or large for 18 dollars and 99 cents?';

describe('the code hook', () => {
  describe('taking an order', () => {
    it('adds every line of a one-breath order and asks for anything else', async () => {
      // Act
      const response = await answer({
        said: 'two large pepperoni and a coke',
        slots: {
          item: slot('pepperoni'),
          size: slot('large'),
          quantity: slot('two', '2', ['2']),
        },
      });

      // Assess
      expect(response).toEqual({
        sessionState: {
          sessionAttributes: {
            returning: 'false',
            cart: '[{"i":"pepperoni","s":"large","q":2},{"i":"cola","q":1}]',
          },
          dialogAction: { type: 'ElicitIntent' },
        },
        messages: [
          {
            contentType: 'PlainText',
            content: 'Added 2 large Pepperoni and 1 Cola. Anything else?',
          },
        ],
      });
    });

    it('reads the slots Lex resolved when the words alone do not say', async () => {
      // Act
      const response = await answer({
        said: 'uh the usual roni thing',
        slots: {
          item: slot('roni thing', 'roni thing', ['pepperoni']),
          size: slot('family', 'large', ['large']),
          quantity: slot('3', '3', ['3']),
        },
      });

      // Assess
      expect(words(response)).toBe('Added 3 large Pepperoni. Anything else?');
    });

    it('asks the size of an item that comes in sizes, keeping the line', async () => {
      // Act
      const response = await answer({
        said: 'two pepperoni',
        slots: { item: slot('pepperoni'), quantity: slot('2') },
      });

      // Assess
      expect(response.sessionState.dialogAction).toEqual({
        type: 'ElicitSlot',
        slotToElicit: 'size',
      });
      expect(response.sessionState.intent).toEqual({
        name: 'OrderFood',
        slots: { item: null, size: null, quantity: null },
        state: 'InProgress',
      });
      expect(words(response)).toBe(PEPPERONI_SIZES);
      expect(
        JSON.parse(response.sessionState.sessionAttributes?.pending ?? ''),
      ).toEqual({
        lines: [{ itemId: 'pepperoni', quantity: 2 }],
        ask: 'size',
      });
    });

    it('completes the waiting line with the size, then the lines said after it', async () => {
      // Prepare
      const pending = JSON.stringify({
        lines: [{ itemId: 'pepperoni', quantity: 2 }, { itemId: 'cola' }],
        ask: 'size',
      });

      // Act
      const response = await answer({
        said: 'large',
        slots: { size: slot('large') },
        session: { cart: '[]', pending },
      });

      // Assess
      expect(words(response)).toBe(
        'Added 2 large Pepperoni and 1 Cola. Anything else?',
      );
      expect(response.sessionState.sessionAttributes).toEqual({
        cart: '[{"i":"pepperoni","s":"large","q":2},{"i":"cola","q":1}]',
      });
    });

    it('asks which one when the caller names a category', async () => {
      // Act
      const response = await answer({
        said: 'a pizza',
        slots: { item: slot('pizza', 'pizza', ['pizzas']) },
      });

      // Assess
      expect(response.sessionState.dialogAction.slotToElicit).toBe('item');
      expect(words(response)).toBe(
        'Which pizza would you like? ' +
          'We have Margherita, Pepperoni, Veggie Supreme and Meat Lovers.',
      );
    });

    it('re-elicits an item we do not sell, naming its category', async () => {
      // Act
      const response = await answer({
        said: 'two hawaiian pizzas',
        slots: { item: slot('hawaiian pizzas', 'hawaiian pizzas', []) },
      });

      // Assess
      expect(response.sessionState.dialogAction).toEqual({
        type: 'ElicitSlot',
        slotToElicit: 'item',
      });
      expect(words(response)).toBe(
        "Sorry, we don't have hawaiian pizza. We have Margherita, " +
          'Pepperoni, Veggie Supreme and Meat Lovers. What would you like?',
      );
      expect(
        JSON.parse(response.sessionState.sessionAttributes?.pending ?? ''),
      ).toEqual({
        lines: [{ categoryId: 'pizzas', quantity: 2 }],
        ask: 'item',
      });
    });

    it('offers the categories for an unknown word of no category', async () => {
      // Act
      const response = await answer({
        said: 'sushi',
        slots: { item: slot('sushi', 'sushi', []) },
      });

      // Assess
      expect(words(response)).toBe(
        "Sorry, we don't have sushi. We have pizzas, sides and drinks. " +
          'What would you like?',
      );
    });

    it('refuses a sold-out item with the others of its category', async () => {
      // Act
      const response = await answer({
        said: 'mozzarella sticks',
        slots: { item: slot('mozzarella sticks', 'x', ['mozzarella-sticks']) },
      });

      // Assess
      expect(words(response)).toBe(
        'Sorry, Mozzarella Sticks is sold out today. We also have ' +
          'Garlic Knots, Buffalo Wings and Caesar Salad. ' +
          'What would you like instead?',
      );
    });

    it('asks again for a quantity a phone order cannot take', async () => {
      // Act
      const response = await answer({
        said: 'twelve cokes',
        slots: { item: slot('cokes', 'cokes', ['cola']), quantity: slot('12') },
      });

      // Assess
      expect(response.sessionState.dialogAction.slotToElicit).toBe('quantity');
      expect(words(response)).toBe(
        'We can take 1 to 9 of one item by phone. ' +
          'How many Cola would you like?',
      );
    });

    it('raises the quantity of a line said twice', async () => {
      // Act
      const response = await answer({
        said: 'another coke',
        session: { cart: '[{"i":"cola","q":2}]' },
      });

      // Assess
      expect(response.sessionState.sessionAttributes?.cart).toBe(
        '[{"i":"cola","q":3}]',
      );
    });

    it('asks what the caller would like when nothing was named', async () => {
      // Act
      const response = await answer({ said: "I'd like to order" });

      // Assess
      expect(response.sessionState.dialogAction.slotToElicit).toBe('item');
      expect(words(response)).toBe(
        'What would you like? We have pizzas, sides and drinks.',
      );
    });

    it('takes "keypad" said for an item as the UseKeypad intent', async () => {
      // Act
      const response = await answer({
        said: 'keypad',
        slots: { item: slot('keypad', 'keypad', []) },
        session: { cart: '[{"i":"cola","q":1}]', pending: '{"lines":[{}]}' },
      });

      // Assess
      expect(response).toEqual({
        sessionState: {
          sessionAttributes: { cart: '[{"i":"cola","q":1}]' },
          dialogAction: { type: 'Close' },
          intent: { name: 'UseKeypad', state: 'Fulfilled' },
        },
      });
    });
  });

  describe('finishing', () => {
    const cart = '[{"i":"pepperoni","s":"large","q":1},{"i":"cola","q":2}]';

    it('reads the cart back with its total and asks to confirm', async () => {
      // Act
      const response = await answer({
        intent: 'FinishOrder',
        said: "that's all",
        session: { cart, callerName: 'Maria' },
      });

      // Assess
      expect(response.sessionState.dialogAction).toEqual({
        type: 'ConfirmIntent',
      });
      expect(response.sessionState.intent).toMatchObject({
        name: 'FinishOrder',
        confirmationState: 'None',
      });
      expect(words(response)).toBe(
        'Thanks, Maria. You have: 1 large Pepperoni, 18 dollars and 99 ' +
          'cents. 2 Cola, 4 dollars and 98 cents. Total with tax, 26 ' +
          'dollars and 10 cents. Is that right?',
      );
    });

    it('hands a confirmed order back to Lex for fulfilment', async () => {
      // Act
      const response = await answer({
        intent: 'FinishOrder',
        said: 'yes',
        confirmation: 'Confirmed',
        session: { cart },
      });

      // Assess
      expect(response.sessionState.dialogAction).toEqual({ type: 'Delegate' });
      expect(response.sessionState.intent?.confirmationState).toBe('Confirmed');
    });

    it('closes the fulfilled order with the cart for the IVR', async () => {
      // Act
      const response = await answer({
        intent: 'FinishOrder',
        source: 'FulfillmentCodeHook',
        confirmation: 'Confirmed',
        session: { cart, returning: 'true' },
      });

      // Assess
      expect(response).toEqual({
        sessionState: {
          sessionAttributes: { cart, returning: 'true' },
          dialogAction: { type: 'Close' },
          intent: { name: 'FinishOrder', state: 'Fulfilled' },
        },
      });
    });

    it('asks what to add when the caller says the cart is not right', async () => {
      // Act
      const response = await answer({
        intent: 'FinishOrder',
        said: 'no',
        confirmation: 'Denied',
        session: { cart },
      });

      // Assess
      expect(response.sessionState.dialogAction).toEqual({
        type: 'ElicitIntent',
      });
      expect(words(response)).toBe(
        'Okay. What would you like to add? ' +
          'To change your order on the keypad, say keypad.',
      );
    });

    it('does not finish an empty order', async () => {
      // Act
      const response = await answer({ intent: 'FinishOrder', said: 'done' });

      // Assess
      expect(response.sessionState.dialogAction.type).toBe('ElicitIntent');
      expect(words(response)).toBe(
        "There's nothing in your order yet. What would you like?",
      );
    });

    it('takes off lines that sold out since they were added', async () => {
      // Prepare
      const menu = new InMemoryMenuRepository(parseMenu(sampleMenu));
      await menu.setAvailability('cola', false);

      // Act
      const response = await answer(
        { intent: 'FinishOrder', said: "that's all", session: { cart } },
        { menu },
      );

      // Assess
      expect(words(response)).toBe(
        'Some items are no longer available and were taken off. ' +
          'You have: 1 large Pepperoni, 18 dollars and 99 cents. ' +
          'Total with tax, 20 dollars and 68 cents. Is that right?',
      );
      expect(response.sessionState.sessionAttributes?.cart).toBe(
        '[{"i":"pepperoni","s":"large","q":1}]',
      );
    });
  });

  describe('handing back to the IVR', () => {
    it.each(['CheckOrderStatus', 'TalkToPerson', 'UseKeypad'])(
      'closes %s as fulfilled, saying nothing, cart kept',
      async (intent) => {
        // Act
        const response = await answer({
          intent,
          session: { cart: '[{"i":"cola","q":1}]' },
        });

        // Assess
        expect(response).toEqual({
          sessionState: {
            sessionAttributes: { cart: '[{"i":"cola","q":1}]' },
            dialogAction: { type: 'Close' },
            intent: { name: intent, state: 'Fulfilled' },
          },
        });
      },
    );

    it('helps after a turn it did not follow, then gives up as Failed', async () => {
      // Act
      const first = await answer({
        intent: 'FallbackIntent',
        source: 'FulfillmentCodeHook',
        said: 'blah',
      });
      const last = await answer({
        intent: 'FallbackIntent',
        source: 'FulfillmentCodeHook',
        said: 'blah',
        session: { cart: '[]', misses: String(MAX_MISSES - 1) },
      });

      // Assess
      expect(first.sessionState.dialogAction.type).toBe('ElicitIntent');
      expect(words(first)).toBe(
        "Sorry, I didn't catch that. You can say something like two large " +
          'pepperoni, or say keypad to use the keypad.',
      );
      expect(first.sessionState.sessionAttributes?.misses).toBe('1');
      expect(last.sessionState).toEqual({
        sessionAttributes: { cart: '[]', misses: String(MAX_MISSES) },
        dialogAction: { type: 'Close' },
        intent: { name: 'FallbackIntent', state: 'Failed' },
      });
    });

    it('closes as Failed, cart kept, when the menu cannot be read', async () => {
      // Prepare
      const menu: MenuRepository = {
        getMenu: () =>
          Promise.reject(new Error('ProvisionedThroughputExceeded')),
        setAvailability: () => Promise.reject(new Error('unused')),
      };
      const { deps, logs } = dependencies({ menu });

      // Act
      const response = await handleCodeHook(
        parseLexEvent(
          lexEvent({
            said: 'a coke',
            session: { cart: '[{"i":"cola","q":1}]' },
          }),
        ),
        deps,
      );

      // Assess
      expect(response).toEqual({
        sessionState: {
          sessionAttributes: { cart: '[{"i":"cola","q":1}]' },
          dialogAction: { type: 'Close' },
          intent: { name: 'OrderFood', state: 'Failed' },
        },
        messages: [
          {
            contentType: 'PlainText',
            content: 'Sorry, something went wrong on our side.',
          },
        ],
      });
      expect(logs).toContainEqual({
        level: 'error',
        message: 'bot turn failed',
      });
    });
  });

  it('refuses an event that is not shaped as Lex sends it', () => {
    expect(() => parseLexEvent({ sessionState: {} })).toThrow(
      /invalid Lex code hook event: invocationSource/,
    );
  });
});
