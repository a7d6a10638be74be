import { handleCodeHook } from '../../src/bot/code-hook';
import { orderBotDefinition } from '../../src/bot/definition';
import { parseLexEvent } from '../../src/bot/lex-events';
import { LocalBotEngine } from '../../src/bot/local-bot-engine';
import type { BotEngine } from '../../src/local/bot-engine';
import { InMemoryMenuRepository } from '../../src/menu/in-memory-menu-repository';
import { parseMenu } from '../../src/menu/menu-schema';
import type { MenuRepository } from '../../src/menu/model';
import sampleMenu from '../../src/menu/sample-menu.json';
import {
  flowFixture,
  SETTINGS,
  type FlowFixture,
  type FlowFixtureOptions,
} from './call-flow-fixture';

/** A Lex alias ARN as Chime's StartBotConversation takes it. */
export const BOT_ALIAS_ARN =
  'arn:aws:lex:us-east-1:123456789012:bot-alias/ORDERBOT01/LIVEALIAS1';

export const BOT_SETTINGS = { aliasArn: BOT_ALIAS_ARN, localeId: 'en_US' };

/** What the code hook logged, for tests that look at it. */
export type HookLogs = { level: string; message: string }[];

/**
 * The bot as deployed: the definition from the sample menu (what the
 * CloudFormation template holds), the code hook on the live menu.
 */
export function localBotEngine(
  menu: MenuRepository,
  logs: HookLogs = [],
): LocalBotEngine {
  const log = (level: string) => (message: string) => {
    logs.push({ level, message });
  };
  const dependencies = {
    menu,
    pricing: {
      taxRatePercent: SETTINGS.taxRatePercent,
      currency: SETTINGS.currency,
    },
    log: { info: log('info'), warn: log('warn'), error: log('error') },
  };

  return new LocalBotEngine({
    definition: orderBotDefinition(parseMenu(sampleMenu)),
    invokeHook: (event) => handleCodeHook(parseLexEvent(event), dependencies),
  });
}

export interface VoiceFixtureOptions extends Omit<
  FlowFixtureOptions,
  'botEngine' | 'menu'
> {
  /** Another engine than the local bot, such as one that fails. */
  engine?: BotEngine;
}

/** The call flow with a bot configured, and the local bot playing Lex. */
export function voiceFixture(
  options: VoiceFixtureOptions = {},
): FlowFixture & { menu: InMemoryMenuRepository; hookLogs: HookLogs } {
  const menu = new InMemoryMenuRepository(parseMenu(sampleMenu));
  const hookLogs: HookLogs = [];
  const fixture = flowFixture({
    ...options,
    menu,
    settings: { bot: BOT_SETTINGS, ...options.settings },
    botEngine: options.engine ?? localBotEngine(menu, hookLogs),
  });

  return { ...fixture, menu, hookLogs };
}
