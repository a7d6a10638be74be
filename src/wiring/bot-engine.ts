import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import * as z from 'zod/mini';
import '../validation/english-messages';
import { handleCodeHook } from '../bot/code-hook';
import { orderBotDefinition } from '../bot/definition';
import type { CodeHookDependencies } from '../bot/hook-context';
import { parseLexEvent } from '../bot/lex-events';
import { LexRuntimeBotEngine } from '../bot/lex-runtime-bot-engine';
import { LocalBotEngine } from '../bot/local-bot-engine';
import { InvalidConfiguration } from '../config/config';
import type { BotEngine } from '../local/bot-engine';
import type { Menu } from '../menu/model';

/**
 * Which bot plays Lex for the phone simulator, chosen by environment:
 *
 * - `BOT_ENGINE=local` (the default): the local recogniser and the code
 *   hook in this process, on the menu given;
 * - `BOT_ENGINE=lex-runtime` with `BOT_ID` and `BOT_ALIAS_ID` (the stack's
 *   OrderBotId and OrderBotAliasId outputs) and the usual AWS credentials
 *   and `AWS_REGION`: the deployed bot, through RecognizeText.
 */
const botEngineEnvironment = z.discriminatedUnion('BOT_ENGINE', [
  z.object({ BOT_ENGINE: z.literal('local') }),
  z.object({
    BOT_ENGINE: z.literal('lex-runtime'),
    BOT_ID: z.string().check(z.minLength(1)),
    BOT_ALIAS_ID: z.string().check(z.minLength(1)),
    AWS_REGION: z._default(z.string(), 'us-east-1'),
  }),
]);

/** The bot engine the environment asks for; see the module comment. */
export function botEngineFromEnvironment(
  environment: Record<string, string | undefined>,
  local: { menu: Menu; hook: CodeHookDependencies },
): BotEngine {
  const parsed = botEngineEnvironment.safeParse({
    ...environment,
    BOT_ENGINE: environment.BOT_ENGINE ?? 'local',
  });
  if (!parsed.success) {
    throw new InvalidConfiguration(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.')} ${issue.message}`,
      ),
    );
  }
  const settings = parsed.data;
  if (settings.BOT_ENGINE === 'lex-runtime') {
    return new LexRuntimeBotEngine({
      client: new LexRuntimeV2Client({ region: settings.AWS_REGION }),
      botId: settings.BOT_ID,
      botAliasId: settings.BOT_ALIAS_ID,
    });
  }

  return new LocalBotEngine({
    definition: orderBotDefinition(local.menu),
    invokeHook: (event) => handleCodeHook(parseLexEvent(event), local.hook),
  });
}
