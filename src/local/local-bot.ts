/**
 * The bot a simulated call is handed to after "2" (order by voice): Lex's
 * part played on this machine, so a typed line is what the caller says.
 *
 * Import this module only once the functions' environment is in place:
 * the code hook's wiring creates the functions' logger, which reads its
 * level from the environment when it is imported.
 */
import { orderBotDefinition } from '../bot/definition';
import { type InvokeCodeHook, LocalBotEngine } from '../bot/local-bot-engine';
import { loadConfig } from '../config/config';
import { parseMenu } from '../menu/menu-schema';
import sampleMenu from '../menu/sample-menu.json';
import { botEngineFromEnvironment } from '../wiring/bot-engine';
import { codeHookDependencies } from '../wiring/lex-hook';
import type { BotEngine } from './bot-engine';

/**
 * The engine BOT_ENGINE chooses (the local recogniser by default), with
 * the code hook in this process on the table the functions use.
 */
export function localBotEngine(
  environment: Record<string, string | undefined> = process.env,
): BotEngine {
  return botEngineFromEnvironment(environment, {
    // The deployed bot's utterances and slot values are built from the
    // sample menu (bot-resources.json); the code hook reads the live one.
    menu: parseMenu(sampleMenu),
    hook: codeHookDependencies(loadConfig(environment)),
  });
}

/**
 * The local recogniser with the code hook invoked as Lex invokes it: as a
 * Lambda function, here the lexHook of a running `npm start`.
 */
export function botEngineWithHook(invokeHook: InvokeCodeHook): BotEngine {
  return new LocalBotEngine({
    definition: orderBotDefinition(parseMenu(sampleMenu)),
    invokeHook,
  });
}
