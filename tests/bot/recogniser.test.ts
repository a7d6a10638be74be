import fc from 'fast-check';
import { orderBotDefinition } from '../../src/bot/definition';
import { MenuVocabulary } from '../../src/bot/menu-vocabulary';
import { parseQuantity } from '../../src/bot/numbers';
import { Recogniser } from '../../src/bot/recogniser';
import { editDistance, words } from '../../src/bot/text-matching';
import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';

/**
 * The local stand-in for Lex's language understanding, read from the bot
 * definition built from the sample menu.
 */

const definition = orderBotDefinition(parseMenu(sampleMenu));
const recogniser = new Recogniser(definition);
const vocabulary = new MenuVocabulary(definition);

/** The interpreted value of each slot found, by slot name. */
function slotValues(text: string): Record<string, string | undefined> {
  const { slots } = recogniser.recognise(text);

  return Object.fromEntries(
    Object.entries(slots).map(([name, slot]) => [
      name,
      slot?.value?.resolvedValues?.[0] ?? slot?.value?.interpretedValue,
    ]),
  );
}

describe('the recogniser', () => {
  it.each([
    ['two large pepperoni and a coke', 'OrderFood'],
    ["I'd like a family size peperoni", 'OrderFood'],
    ['can I get three wings please', 'OrderFood'],
    ['a pizza', 'OrderFood'],
    ["that's all", 'FinishOrder'],
    ['no thanks', 'FinishOrder'],
    ['where is my order', 'CheckOrderStatus'],
    ['is my order ready yet', 'CheckOrderStatus'],
    ['talk to a person', 'TalkToPerson'],
    ['I want to speak to someone', 'TalkToPerson'],
    ['keypad', 'UseKeypad'],
    ['use the buttons please', 'UseKeypad'],
    ['what are your opening hours', 'FallbackIntent'],
    ['', 'FallbackIntent'],
  ])('reads "%s" as %s', (text, intent) => {
    expect(recogniser.recognise(text).intent).toBe(intent);
  });

  it('fills the slots of the first line with resolved menu values', () => {
    expect(slotValues('two large pepperoni and a coke')).toEqual({
      item: 'pepperoni',
      size: 'large',
      quantity: '2',
    });
  });

  it('resolves synonyms and near misses to the menu entry', () => {
    expect(slotValues('a big roni')).toMatchObject({
      item: 'pepperoni',
      size: 'large',
    });
    expect(slotValues('one margarita family size')).toMatchObject({
      item: 'margherita',
      size: 'large',
    });
    expect(slotValues('two cokes')).toMatchObject({
      item: 'cola',
      quantity: '2',
    });
  });

  it('keeps the words of an item we do not sell as the item, unresolved', () => {
    const { slots } = recogniser.recognise('a hawaiian pizza');

    expect(slots.item?.value).toEqual({
      originalValue: 'hawaiian pizza',
      interpretedValue: 'hawaiian pizza',
      resolvedValues: [],
    });
  });

  it('is sure of an utterance it has, less of one it only resembles', () => {
    const exact = recogniser.recognise('where is my order');
    const loose = recogniser.recognise('hey where is the order at');

    expect(exact.confidence).toBe(1);
    expect(loose.intent).toBe('CheckOrderStatus');
    expect(loose.confidence).toBeLessThan(1);
    expect(loose.confidence).toBeGreaterThanOrEqual(
      definition.nluConfidenceThreshold,
    );
  });

  it('lists every intent as an interpretation, fallback last when understood', () => {
    const { interpretations } = recogniser.recognise('keypad');

    expect(interpretations.map((i) => i.intent.name)).toEqual([
      'UseKeypad',
      expect.any(String),
      expect.any(String),
      expect.any(String),
      expect.any(String),
      'FallbackIntent',
    ]);
    expect(interpretations[0]?.nluConfidence).toBe(1);
    expect(interpretations.at(-1)?.nluConfidence).toBeUndefined();
  });

  it('never throws on any text, and always names an intent of the bot', () => {
    const intents = definition.intents.map((intent) => intent.name);
    const menuWords = fc.constantFrom(
      'two',
      'a',
      'large',
      'pepperoni',
      'coke',
      'and',
      'pizza',
      'keypad',
      "that's",
      '12',
      'inch',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(menuWords, { maxLength: 30 }).map((list) => list.join(' ')),
    );

    fc.assert(
      fc.property(text, (said) => {
        const recognition = recogniser.recognise(said);

        expect(intents).toContain(recognition.intent);
        if (recognition.confidence !== undefined) {
          expect(recognition.confidence).toBeGreaterThanOrEqual(0);
          expect(recognition.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('the menu vocabulary', () => {
  it.each([
    [
      'two large pepperoni and a coke',
      [
        { quantity: 2, sizeId: 'large', itemId: 'pepperoni' },
        { quantity: 1, itemId: 'cola' },
      ],
    ],
    [
      'a coke, large pepperoni',
      [
        { quantity: 1, itemId: 'cola' },
        { sizeId: 'large', itemId: 'pepperoni' },
      ],
    ],
    ['pepperoni large', [{ itemId: 'pepperoni', sizeId: 'large' }]],
    ['a couple of garlic knots', [{ quantity: 2, itemId: 'garlic-knots' }]],
    [
      'two 7 ups and a 12 inch margarita',
      [
        { quantity: 2, itemId: 'lemon-lime-soda' },
        { quantity: 1, sizeId: 'medium', itemId: 'margherita' },
      ],
    ],
    [
      'a hawaiian pizza',
      [{ quantity: 1, unknown: 'hawaiian pizza', categoryId: 'pizzas' }],
    ],
    [
      'two large hawaiian',
      [{ quantity: 2, sizeId: 'large', unknown: 'hawaiian' }],
    ],
    ["I'd like to place an order", [{ quantity: 1 }]],
  ])('reads "%s" as the lines %j', (text, lines) => {
    expect(vocabulary.requestedLines(text)).toEqual(lines);
  });
});

describe('text matching', () => {
  it.each([
    ['pepperoni', 'pepperoni', 0],
    ['peperoni', 'pepperoni', 1],
    ['coek', 'coke', 1],
    ['pepporeni', 'pepperoni', 2],
    ['', 'tea', 3],
  ])('puts "%s" and "%s" %i edits apart', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it('reads words as speech recognition hands them over', () => {
    expect(words("That's ALL, thanks!")).toEqual(['that', 'all', 'thank']);
  });

  it.each([
    ['2', 2],
    ['two', 2],
    ['a', 1],
    ['a couple', 2],
    ['a dozen', 12],
    ['none', undefined],
  ])('reads the quantity "%s" as %s', (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });
});
