import { handleCodeHook } from '../../src/bot/code-hook';
import { orderBotDefinition } from '../../src/bot/definition';
import { parseLexEvent } from '../../src/bot/lex-events';
import { LocalBotEngine } from '../../src/bot/local-bot-engine';
import { CallerHungUp } from '../../src/local/bot-engine';
import { InMemoryMenuRepository } from '../../src/menu/in-memory-menu-repository';
import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';
import { handOffParameters, scriptedBotCaller } from './bot-caller';

/**
 * The local engine plays Lex between the simulator and the code hook: it
 * reads each turn with the definition, sends the hook the event Lex sends,
 * and reports the end as Chime does.
 */

const menu = parseMenu(sampleMenu);
const definition = orderBotDefinition(menu);

/** The engine on the real code hook, keeping every event it sent. */
function engine() {
  const events: unknown[] = [];
  const dependencies = {
    menu: new InMemoryMenuRepository(menu),
    pricing: { taxRatePercent: 8.875, currency: 'USD' },
    log: {
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    },
  };
  const bot = new LocalBotEngine({
    definition,
    invokeHook: (event) => {
      events.push(event);
      return handleCodeHook(parseLexEvent(event), dependencies);
    },
  });

  return { bot, events };
}

describe('the local bot engine', () => {
  it('calls the code hook as Lex does and ends with Chime’s IntentResult', async () => {
    // Prepare
    const { bot, events } = engine();
    const caller = scriptedBotCaller([
      'a large pepperoni',
      "that's all",
      'yes',
    ]);

    // Act
    const outcome = await bot.converse(handOffParameters(), caller);

    // Assess
    expect(caller.heard).toEqual([
      'What would you like?',
      'Added 1 large Pepperoni. Anything else?',
      'You have: 1 large Pepperoni, 18 dollars and 99 cents. ' +
        'Total with tax, 20 dollars and 68 cents. Is that right?',
    ]);
    expect(events).toHaveLength(4);
    expect(events[0]).toMatchObject({
      messageVersion: '1.0',
      invocationSource: 'DialogCodeHook',
      inputMode: 'Speech',
      inputTranscript: 'a large pepperoni',
      sessionId: 'call-1',
      bot: { localeId: 'en_US' },
      sessionState: {
        sessionAttributes: { returning: 'false', cart: '[]' },
        intent: {
          name: 'OrderFood',
          state: 'InProgress',
          confirmationState: 'None',
          slots: {
            item: {
              shape: 'Scalar',
              value: {
                originalValue: 'pepperoni',
                interpretedValue: 'pepperoni',
                resolvedValues: ['pepperoni'],
              },
            },
            size: { value: { interpretedValue: 'large' } },
            quantity: { value: { originalValue: 'a', interpretedValue: '1' } },
          },
        },
      },
      interpretations: expect.arrayContaining([
        {
          intent: expect.objectContaining({ name: 'OrderFood' }) as unknown,
          nluConfidence: 1,
        },
      ]) as unknown,
    });
    expect(events[2]).toMatchObject({
      invocationSource: 'DialogCodeHook',
      inputTranscript: 'yes',
      sessionState: {
        intent: { name: 'FinishOrder', confirmationState: 'Confirmed' },
      },
    });
    expect(events[3]).toMatchObject({
      invocationSource: 'FulfillmentCodeHook',
      sessionState: {
        intent: { name: 'FinishOrder', state: 'ReadyForFulfillment' },
      },
    });
    expect(outcome).toEqual({
      outcome: 'success',
      intentResult: {
        SessionId: 'call-1',
        SessionState: {
          SessionAttributes: {
            returning: 'false',
            cart: '[{"i":"pepperoni","s":"large","q":1}]',
          },
          Intent: { Name: 'FinishOrder', Slots: {}, State: 'Fulfilled' },
          DialogAction: { Type: 'Close' },
        },
        Interpretations: [
          {
            Intent: {
              Name: 'FinishOrder',
              Slots: {},
              State: 'InProgress',
              ConfirmationState: 'Confirmed',
            },
            NluConfidence: { Score: 1 },
          },
        ],
      },
    });
  });

  it('sends the fallback intent to the fulfilment hook, as Lex allows no other', async () => {
    // Prepare
    const { bot, events } = engine();

    // Act: the caller hangs up after the bot's answer.
    await bot
      .converse(handOffParameters(), scriptedBotCaller(['zzz']))
      .catch(() => undefined);

    // Assess
    expect(events[0]).toMatchObject({
      invocationSource: 'FulfillmentCodeHook',
      sessionState: { intent: { name: 'FallbackIntent' } },
    });
  });

  it('repeats its question on silence, then gives up as a failed fallback', async () => {
    // Prepare
    const { bot } = engine();
    const silence = { kind: 'silence' } as const;
    const caller = scriptedBotCaller([silence, silence, silence]);

    // Act
    const outcome = await bot.converse(handOffParameters(), caller);

    // Assess
    expect(caller.heard).toEqual([
      'What would you like?',
      'What would you like?',
      'What would you like?',
    ]);
    expect(outcome).toMatchObject({
      outcome: 'success',
      intentResult: {
        SessionState: { Intent: { Name: 'FallbackIntent', State: 'Failed' } },
      },
    });
  });

  it('fails the conversation when the hook answers what Lex would refuse', async () => {
    // Prepare
    const bot = new LocalBotEngine({
      definition,
      invokeHook: () => Promise.resolve({ dialogAction: 'Close' }),
    });

    // Act
    const outcome = await bot.converse(
      handOffParameters(),
      scriptedBotCaller(['a coke']),
    );

    // Assess
    expect(outcome).toEqual({
      outcome: 'failed',
      errorType: 'InvalidLambdaResponse',
      errorMessage: expect.stringMatching(
        /^invalid code hook response/,
      ) as unknown,
    });
  });

  it('lets a hang-up end the conversation', async () => {
    // Prepare
    const { bot } = engine();

    // Act
    const talk = bot.converse(handOffParameters(), scriptedBotCaller([]));

    // Assess
    await expect(talk).rejects.toBeInstanceOf(CallerHungUp);
  });
});
