/**
 * fast-check arbitraries for the SIP media application: call states the
 * flow itself could have written, events of every type carrying them,
 * and the sample events of events/ broken in a few places.
 */
import fc from 'fast-check';
import { INTENT } from '../../src/bot/intents';
import { STEPS, type CallState, type Step } from '../../src/call-flow/state';
import { encodeCallState } from '../../src/call-flow/state-codec';
import { parseMenu } from '../../src/menu/menu-schema';
import type { MenuItem } from '../../src/menu/model';
import sampleMenu from '../../src/menu/sample-menu.json';
import { ORDER_STATUSES } from '../../src/orders/model';
import { INVOCATION_EVENT_TYPES } from '../../src/telephony/events';
import {
  mutatedSample,
  samplesStartingWith,
  withFields,
} from './fuzz-arbitraries';

const ITEM_IDS = [
  'margherita',
  'pepperoni',
  'garlic-knots',
  'cola',
  'bottled-water',
  'no-such-item',
];
const SIZE_IDS = ['medium', 'large', 'family'];

/** The sample events of the sma function. */
export const SMA_SAMPLES = samplesStartingWith('sma-');

/** A cart line as the IVR and the bot carry it; some name no menu item. */
export const cartLine = fc.record(
  {
    i: fc.constantFrom(...ITEM_IDS),
    s: fc.constantFrom(...SIZE_IDS),
    q: fc.integer({ min: 1, max: 9 }),
  },
  { requiredKeys: ['i', 'q'] },
);

/** The sample menu the fixtures serve. */
export const MENU = parseMenu(sampleMenu);

/** A step of the call and what the caller has picked by then. */
type Whereabouts = Pick<CallState, 'step' | 'pick'>;

const at = (step: Step, pick: CallState['pick'] = {}): Whereabouts => ({
  step,
  pick,
});

/** Where an item leads: its size question, or its quantity with a size. */
function afterItem(item: MenuItem): fc.Arbitrary<Whereabouts> {
  const pick = { c: item.categoryId, i: item.itemId };
  if (item.sizes === undefined || item.sizes.length === 0) {
    return fc.constant(at('QUANTITY', pick));
  }

  return fc.oneof(
    fc.constant(at('SIZE', pick)),
    fc
      .constantFrom(...item.sizes)
      .map((size) => at('QUANTITY', { ...pick, s: size.sizeId })),
  );
}

/**
 * Where a caller can be, and what they have picked there, as the flow
 * itself writes it: a category before an item, an item before its size.
 * A pick that names nothing on the menu (a corrupted state, an item
 * taken off the menu) leaves the keypad question with no words, a defect
 * reported with this suite: such picks stay out until it is fixed.
 */
const stepAndPick: fc.Arbitrary<Whereabouts> = fc.oneof(
  fc
    .constantFrom(
      ...STEPS.filter((step) => !['ITEM', 'SIZE', 'QUANTITY'].includes(step)),
    )
    .map((step) => at(step)),
  fc
    .constantFrom(...MENU.categories)
    .map(({ categoryId }) => at('ITEM', { c: categoryId })),
  fc.constantFrom(...MENU.items).chain(afterItem),
);

/** A call state the flow could have written, with odd but legal contents. */
export const callState: fc.Arbitrary<CallState> = fc
  .tuple(
    stepAndPick,
    fc.record(
      {
        cart: fc.array(cartLine, { maxLength: 12 }),
        caller: fc.record(
          {
            n: fc.string({ maxLength: 60 }),
            a: fc.string({ maxLength: 120 }),
            last: fc.array(cartLine, { maxLength: 12 }),
            open: fc.record({
              t: fc.integer({ min: -5, max: 100_000 }),
              s: fc.oneof(fc.constantFrom(...ORDER_STATUSES), fc.string()),
            }),
          },
          { requiredKeys: [] },
        ),
        tries: fc.integer({ min: 0, max: 6 }),
        ful: fc.constantFrom('PICKUP' as const, 'DELIVERY' as const),
        ch: fc.constant('VOICE' as const),
      },
      { requiredKeys: ['cart', 'caller', 'tries'] },
    ),
  )
  .map(([where, rest]) => ({ ...rest, ...where }));

/**
 * TransactionAttributes: a real state, sometimes with one key spoiled
 * (never into `{}`, which would empty the pick; see stepAndPick), or
 * attributes of no state at all.
 */
export const transactionAttributes = fc.oneof(
  callState.map(encodeCallState),
  fc
    .tuple(
      callState.map(encodeCallState),
      fc.constantFrom('step', 'cart', 'pick', 'caller', 'tries', 'ful', 'ch'),
      fc.oneof(
        fc.string(),
        fc.constantFrom('null', '[]', '"ITEM"', '-1', '1.5', '[{"i":"cola"}]'),
      ),
    )
    .map(([attributes, key, value]) => ({ ...attributes, [key]: value })),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.string(), { maxKeys: 12 }),
);

const intentResult = fc.record({
  SessionState: fc.record(
    {
      SessionAttributes: fc.record(
        {
          cart: fc.oneof(
            fc.array(cartLine, { maxLength: 13 }).map((c) => JSON.stringify(c)),
            fc.string(),
          ),
        },
        { requiredKeys: [] },
      ),
      Intent: fc.record(
        {
          Name: fc.oneof(
            fc.constantFrom(...Object.values(INTENT)),
            fc.string(),
          ),
          State: fc.constantFrom('Fulfilled', 'Failed', 'InProgress', ''),
        },
        { requiredKeys: ['Name'] },
      ),
    },
    { requiredKeys: [] },
  ),
  Interpretations: fc.array(
    fc.record({
      Intent: fc.record({ Name: fc.constantFrom(...Object.values(INTENT)) }),
      NluConfidence: fc.record({
        Score: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    }),
    { maxLength: 3 },
  ),
});

const actionData = fc.record(
  {
    Type: fc.oneof(
      fc.constantFrom(
        'SpeakAndGetDigits',
        'StartBotConversation',
        'CallAndBridge',
        'Speak',
        'Hangup',
      ),
      fc.string(),
    ),
    ReceivedDigits: fc.oneof(fc.stringMatching(/^[0-9*#]{0,3}$/), fc.string()),
    IntentResult: intentResult,
    ErrorType: fc.constantFrom('InvalidActionParameter', 'SystemException'),
  },
  { requiredKeys: ['Type'] },
);

/** A sample event made to carry a random type, state and action report. */
export const wellFormedSmaEvent = fc
  .tuple(
    fc.constantFrom(...SMA_SAMPLES),
    fc.constantFrom(...INVOCATION_EVENT_TYPES),
    transactionAttributes,
    actionData,
  )
  .map(([sample, type, attributes, action]) =>
    withFields(sample, [
      [['InvocationEventType'], type],
      [['CallDetails', 'TransactionAttributes'], attributes],
      [['ActionData'], action],
    ]),
  );

/** A sample event broken in a few places, its call legs included. */
export const brokenSmaEvent = mutatedSample(SMA_SAMPLES);
