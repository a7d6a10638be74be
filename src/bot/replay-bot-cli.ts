/**
 * Replays a scripted conversation with the voice bot, without the phone
 * flow around it, and prints what was said and how it ended:
 *
 *   npm run bot:replay -- \
 *     'say:two large pepperoni and a coke' 'say:that is all' 'say:yes'
 *
 * The arguments are a caller script (src/local/caller-input.ts): a quoted
 * phrase or say:words is an utterance, _ is silence, keys are DTMF. By
 * default the local bot answers (recogniser and code hook on the sample
 * menu); with BOT_ENGINE=lex-runtime BOT_ID=... BOT_ALIAS_ID=... and AWS
 * credentials, the deployed bot does (see src/wiring/bot-engine.ts).
 * --name NAME and --returning set the session attributes the IVR would.
 */
import { parseArgs } from 'node:util';
import { handOffAttributes } from './session-attributes';
import { CallerHungUp, type BotCaller } from '../local/bot-engine';
import { parseCallerScript } from '../local/caller-input';
import { InMemoryMenuRepository } from '../menu/in-memory-menu-repository';
import { parseMenu } from '../menu/menu-schema';
import sampleMenu from '../menu/sample-menu.json';
import { startBotConversation } from '../telephony/actions';
import { botEngineFromEnvironment } from '../wiring/bot-engine';

const quiet = { info: () => undefined, warn: () => undefined };

function scriptedCaller(script: string): BotCaller {
  const actions = parseCallerScript(script);

  return {
    speak: (text) => {
      process.stdout.write(`bot:    ${text}\n`);
    },
    listen: () => {
      const next = actions.shift();
      if (next === undefined || next.kind === 'hangup') {
        process.stdout.write('caller: (hangs up)\n');
        return Promise.reject(new CallerHungUp());
      }
      const shown =
        next.kind === 'utterance'
          ? next.text
          : next.kind === 'key'
            ? `(presses ${next.key})`
            : '(silence)';
      process.stdout.write(`caller: ${shown}\n`);

      return Promise.resolve(next);
    },
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      returning: { type: 'boolean', default: false },
    },
  });
  const menu = parseMenu(sampleMenu);
  const engine = botEngineFromEnvironment(process.env, {
    menu,
    hook: {
      menu: new InMemoryMenuRepository(menu),
      pricing: { taxRatePercent: 8.875, currency: 'USD' },
      log: {
        ...quiet,
        error: (message) => process.stderr.write(`${message}\n`),
      },
    },
  });
  const action = startBotConversation({
    callId: 'replay',
    botAliasArn: 'arn:aws:lex:us-east-1:000000000000:bot-alias/REPLAY/REPLAY',
    localeId: 'en_US',
    welcome: 'What would you like?',
    sessionAttributes: handOffAttributes({
      callerName: values.name,
      returning: values.returning,
      cart: [],
    }),
  });
  const outcome = await engine.converse(
    action.Parameters,
    scriptedCaller(positionals.join(' ')),
  );
  process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
