import {
  CallerHungUp,
  type BotCaller,
  type BotHeard,
} from '../../src/local/bot-engine';
import type { StartBotConversationAction } from '../../src/telephony/actions';
import { startBotConversation } from '../../src/telephony/actions';

/** A caller who says these things in turn, then hangs up; and what it heard. */
export function scriptedBotCaller(
  turns: (string | BotHeard)[],
): BotCaller & { heard: string[] } {
  const remaining = [...turns];
  const heard: string[] = [];

  return {
    heard,
    speak: (text) => {
      heard.push(text);
    },
    listen: () => {
      const next = remaining.shift();
      if (next === undefined) return Promise.reject(new CallerHungUp());

      return Promise.resolve(
        typeof next === 'string' ? { kind: 'utterance', text: next } : next,
      );
    },
  };
}

/** StartBotConversation's parameters as the IVR sends them. */
export function handOffParameters(
  attributes: Record<string, string> = { returning: 'false', cart: '[]' },
): StartBotConversationAction['Parameters'] {
  return startBotConversation({
    callId: 'call-1',
    botAliasArn:
      'arn:aws:lex:us-east-1:123456789012:bot-alias/ORDERBOT01/LIVEALIAS1',
    localeId: 'en_US',
    welcome: 'What would you like?',
    sessionAttributes: attributes,
  }).Parameters;
}
