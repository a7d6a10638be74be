import {
  RecognizeTextCommand,
  type RecognizeTextCommandOutput,
} from '@aws-sdk/client-lex-runtime-v2';
import { LexRuntimeBotEngine } from '../../src/bot/lex-runtime-bot-engine';
import { LocalBotEngine } from '../../src/bot/local-bot-engine';
import { InvalidConfiguration } from '../../src/config/config';
import { InMemoryMenuRepository } from '../../src/menu/in-memory-menu-repository';
import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';
import { botEngineFromEnvironment } from '../../src/wiring/bot-engine';
import { handOffParameters, scriptedBotCaller } from './bot-caller';

/**
 * The engine that replays conversations against a deployed bot, with a
 * client standing in for Lex: what it sends, what it speaks, how it ends.
 */

type Answer = Partial<RecognizeTextCommandOutput>;

/** A client answering each RecognizeText in turn, keeping the commands. */
function lexClient(answers: Answer[]) {
  const sent: RecognizeTextCommand[] = [];
  const client = {
    send: (command: RecognizeTextCommand) => {
      sent.push(command);
      const answer = answers.shift();
      if (answer === undefined) {
        return Promise.reject(new Error('no more answers'));
      }

      return Promise.resolve({ $metadata: {}, ...answer });
    },
  };

  return { client, sent };
}

const ELICIT = {
  sessionState: { dialogAction: { type: 'ElicitIntent' as const } },
  messages: [{ contentType: 'PlainText' as const, content: 'Anything else?' }],
};

const CLOSED = {
  sessionState: {
    dialogAction: { type: 'Close' as const },
    intent: {
      name: 'FinishOrder',
      slots: {},
      state: 'Fulfilled' as const,
      confirmationState: 'Confirmed' as const,
    },
    sessionAttributes: { cart: '[{"i":"cola","q":1}]' },
  },
  interpretations: [
    {
      intent: { name: 'FinishOrder', slots: {}, state: 'Fulfilled' as const },
      nluConfidence: { score: 0.93 },
    },
    { intent: { name: 'FallbackIntent', slots: {} } },
  ],
};

describe('the Lex runtime bot engine', () => {
  it('sends each utterance with RecognizeText, the IVR’s attributes first', async () => {
    // Prepare
    const { client, sent } = lexClient([ELICIT, CLOSED]);
    const engine = new LexRuntimeBotEngine({
      client: client,
      botId: 'ORDERBOT01',
      botAliasId: 'LIVEALIAS1',
    });
    const caller = scriptedBotCaller(['a coke', 'yes']);

    // Act
    await engine.converse(handOffParameters({ callerName: 'Maria' }), caller);

    // Assess
    expect(sent.every((c) => c instanceof RecognizeTextCommand)).toBe(true);
    expect(sent[0]?.input).toEqual({
      botId: 'ORDERBOT01',
      botAliasId: 'LIVEALIAS1',
      localeId: 'en_US',
      sessionId: expect.stringMatching(/^call-1-/) as unknown,
      text: 'a coke',
      sessionState: {
        sessionAttributes: { callerName: 'Maria' },
        dialogAction: { type: 'ElicitIntent' },
      },
    });
    expect(sent[1]?.input).toEqual({
      botId: 'ORDERBOT01',
      botAliasId: 'LIVEALIAS1',
      localeId: 'en_US',
      sessionId: sent[0]?.input.sessionId,
      text: 'yes',
    });
  });

  it('speaks the bot’s messages and ends with Chime’s IntentResult', async () => {
    // Prepare
    const { client } = lexClient([ELICIT, CLOSED]);
    const engine = new LexRuntimeBotEngine({
      client: client,
      botId: 'ORDERBOT01',
      botAliasId: 'LIVEALIAS1',
    });
    const caller = scriptedBotCaller(['a coke', 'yes']);

    // Act
    const outcome = await engine.converse(handOffParameters(), caller);

    // Assess
    expect(caller.heard).toEqual(['What would you like?', 'Anything else?']);
    expect(outcome).toEqual({
      outcome: 'success',
      intentResult: {
        SessionId: expect.stringMatching(/^call-1-/) as unknown,
        SessionState: {
          SessionAttributes: { cart: '[{"i":"cola","q":1}]' },
          Intent: {
            Name: 'FinishOrder',
            Slots: {},
            State: 'Fulfilled',
            ConfirmationState: 'Confirmed',
          },
          DialogAction: { Type: 'Close' },
        },
        Interpretations: [
          {
            Intent: { Name: 'FinishOrder', Slots: {}, State: 'Fulfilled' },
            NluConfidence: { Score: 0.93 },
          },
          { Intent: { Name: 'FallbackIntent', Slots: {} } },
        ],
      },
    });
  });

  it('fails the conversation, as Chime reports it, when Lex refuses', async () => {
    // Prepare
    const refusal = Object.assign(new Error('bot alias not found'), {
      name: 'ResourceNotFoundException',
    });
    const engine = new LexRuntimeBotEngine({
      client: { send: () => Promise.reject(refusal) },
      botId: 'ORDERBOT01',
      botAliasId: 'NOSUCHALIAS',
    });

    // Act
    const outcome = await engine.converse(
      handOffParameters(),
      scriptedBotCaller(['a coke']),
    );

    // Assess
    expect(outcome).toEqual({
      outcome: 'failed',
      errorType: 'ResourceNotFoundException',
      errorMessage: 'bot alias not found',
    });
  });
});

describe('choosing the bot engine', () => {
  const menu = parseMenu(sampleMenu);
  const local = {
    menu,
    hook: {
      menu: new InMemoryMenuRepository(menu),
      pricing: { taxRatePercent: 8.875, currency: 'USD' },
      log: {
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      },
    },
  };

  it('plays the bot locally by default', () => {
    expect(botEngineFromEnvironment({}, local)).toBeInstanceOf(LocalBotEngine);
  });

  it('replays against the deployed bot with BOT_ENGINE=lex-runtime', () => {
    const environment = {
      BOT_ENGINE: 'lex-runtime',
      BOT_ID: 'ORDERBOT01',
      BOT_ALIAS_ID: 'LIVEALIAS1',
      AWS_REGION: 'us-east-1',
    };

    expect(botEngineFromEnvironment(environment, local)).toBeInstanceOf(
      LexRuntimeBotEngine,
    );
  });

  it('names the variables a deployed bot needs when they are missing', () => {
    expect(() =>
      botEngineFromEnvironment({ BOT_ENGINE: 'lex-runtime' }, local),
    ).toThrow(InvalidConfiguration);
    expect(() =>
      botEngineFromEnvironment({ BOT_ENGINE: 'lex-runtime' }, local),
    ).toThrow(/BOT_ID/);
  });
});
