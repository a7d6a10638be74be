/**
 * fast-check arbitraries for the Lex V2 code hook: turns of the
 * documented shape whose words, slots and session attributes are random.
 */
import fc from 'fast-check';
import { INTENT, SLOT } from '../../src/bot/intents';
import { samplesStartingWith, withFields } from './fuzz-arbitraries';
import { cartLine } from './sma-arbitraries';

/** The sample events of the code hook. */
export const LEX_SAMPLES = samplesStartingWith('lex-hook-');

/** Words a caller says: menu words, numbers, other intents, anything. */
export const spokenWord = fc.oneof(
  fc.constantFrom(
    'pepperoni',
    'margherita',
    'large',
    'medium',
    'family',
    'cola',
    'two',
    '2',
    '0',
    '-3',
    '9999',
    '1.5',
    'pizzas',
    'keypad',
    "that's all",
    'never mind',
    '',
  ),
  fc.string({ maxLength: 30 }),
);

const lexSlot = fc.option(
  fc.record(
    {
      shape: fc.constantFrom('Scalar', 'List'),
      value: fc.record(
        {
          originalValue: spokenWord,
          interpretedValue: spokenWord,
          resolvedValues: fc.array(spokenWord, { maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  ),
);

const lexIntent = fc.record(
  {
    name: fc.oneof(
      fc.constantFrom(...Object.values(INTENT)),
      fc.string({ minLength: 1, maxLength: 20 }),
    ),
    slots: fc.record(
      { [SLOT.item]: lexSlot, [SLOT.size]: lexSlot, [SLOT.quantity]: lexSlot },
      { requiredKeys: [] },
    ),
    state: fc.constantFrom(
      'InProgress',
      'ReadyForFulfillment',
      'Fulfilled',
      'Failed',
    ),
    confirmationState: fc.constantFrom('Confirmed', 'Denied', 'None'),
  },
  { requiredKeys: ['name'] },
);

/** Session attributes as the IVR and earlier turns leave them, or worse. */
const lexSession = fc.record(
  {
    callerName: fc.string({ maxLength: 40 }),
    returning: fc.constantFrom('true', 'false', 'maybe'),
    cart: fc.oneof(
      fc.array(cartLine, { maxLength: 13 }).map((c) => JSON.stringify(c)),
      fc.json({ maxDepth: 2 }),
      fc.string(),
    ),
    pending: fc.oneof(fc.json({ maxDepth: 3 }), fc.string()),
    misses: fc.oneof(fc.constantFrom('0', '2', '5', '-1', 'NaN'), fc.string()),
  },
  { requiredKeys: [] },
);

/** A code hook event of the documented shape with random contents. */
export const wellFormedLexEvent = fc
  .tuple(
    fc.constantFrom(...LEX_SAMPLES),
    fc.constantFrom('DialogCodeHook', 'FulfillmentCodeHook'),
    fc.oneof(spokenWord, fc.string({ maxLength: 2_000 })),
    lexIntent,
    lexSession,
    fc.array(
      fc.record({
        intent: lexIntent,
        nluConfidence: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 3 },
    ),
  )
  .map(([sample, source, transcript, intent, session, interpretations]) =>
    withFields(sample, [
      [['invocationSource'], source],
      [['inputTranscript'], transcript],
      [['sessionState', 'intent'], intent],
      [['sessionState', 'sessionAttributes'], session],
      [['interpretations'], interpretations],
    ]),
  );
