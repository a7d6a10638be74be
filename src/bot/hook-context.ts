import type { Menu, MenuRepository } from '../menu/model';
import type { BotDefinition } from './definition';
import type { LexCodeHookEvent } from './lex-events';
import type { MenuVocabulary } from './menu-vocabulary';

/** What the bot needs to price an order. */
export interface BotPricing {
  taxRatePercent: number;
  currency: string;
}

/** A structured logger: a fixed message and fields, never a phone number. */
export interface BotLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The ports and settings the code hook runs on. */
export interface CodeHookDependencies {
  menu: MenuRepository;
  pricing: BotPricing;
  log: BotLog;
}

/** One code hook invocation's view of the conversation. */
export interface HookContext {
  event: LexCodeHookEvent;
  /** The live menu: availability as of this turn. */
  menu: Menu;
  vocabulary: MenuVocabulary;
  definition: BotDefinition;
  /** The session attributes as they came in; turns return a new copy. */
  session: Record<string, string>;
  pricing: BotPricing;
}
