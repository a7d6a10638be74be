import type { StartBotConversationAction } from '../telephony/actions';
import type { IntentResult } from '../telephony/events';
import type { CallerAction } from './caller-input';

/** What a bot hears from the caller: words, keys (DTMF) or nothing. */
export type BotHeard = Exclude<CallerAction, { kind: 'hangup' }>;

/**
 * Rejects a bot's `listen()` when the caller hangs up: the conversation
 * cannot go on, and the simulator ends the call.
 */
export class CallerHungUp extends Error {
  constructor() {
    super('the caller hung up during the bot conversation');
    this.name = 'CallerHungUp';
  }
}

/** The bot's side of the phone line. */
export interface BotCaller {
  /** Speaks to the caller; it shows in the transcript. */
  speak(text: string): void;
  /**
   * The caller's next turn.
   * @throws {CallerHungUp} when the caller hangs up instead.
   */
  listen(): Promise<BotHeard>;
}

/** How a bot conversation ended, as Chime reports it to the Lambda. */
export type BotOutcome =
  | { outcome: 'success'; intentResult: IntentResult }
  | { outcome: 'failed'; errorType: string; errorMessage: string };

/**
 * Plays Amazon Lex's part for `StartBotConversation`. The engine owns the
 * whole conversation, the welcome messages in `Configuration` included,
 * as Lex does: the simulator speaks nothing on its behalf.
 */
export interface BotEngine {
  converse(
    parameters: StartBotConversationAction['Parameters'],
    caller: BotCaller,
  ): Promise<BotOutcome>;
}
