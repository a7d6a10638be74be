import { randomUUID } from 'node:crypto';
import {
  RecognizeTextCommand,
  type LexRuntimeV2Client,
  type RecognizeTextCommandOutput,
} from '@aws-sdk/client-lex-runtime-v2';
import {
  CallerHungUp,
  type BotCaller,
  type BotEngine,
  type BotOutcome,
} from '../local/bot-engine';
import type { StartBotConversationAction } from '../telephony/actions';
import { toIntentResult } from './intent-result';
import { lexSessionStateSchema, type LexSessionState } from './lex-events';

/**
 * Plays a deployed Lex bot for the phone simulator: each thing the caller
 * types is sent with RecognizeText to the bot's alias, its messages are
 * spoken, and the conversation ends, as with Chime, when the bot closes it.
 * The same scripted calls that run against the local bot can so be
 * replayed against the real one (speech recognition aside: text goes in).
 */

export interface LexRuntimeBotEngineOptions {
  /** A Lex runtime client, or anything that sends its commands. */
  client: Pick<LexRuntimeV2Client, 'send'>;
  botId: string;
  botAliasId: string;
  /** Caller turns before the conversation is given up. */
  maxTurns?: number;
  /** Silent turns in a row before the conversation is given up. */
  maxSilences?: number;
}

/** A {@link BotEngine} on Amazon Lex V2's RecognizeText. */
export class LexRuntimeBotEngine implements BotEngine {
  constructor(private readonly options: LexRuntimeBotEngineOptions) {}

  async converse(
    parameters: StartBotConversationAction['Parameters'],
    caller: BotCaller,
  ): Promise<BotOutcome> {
    const configuration = parameters.Configuration;
    const welcome = (configuration?.WelcomeMessages ?? [])
      .map((message) => message.Content)
      .join(' ');
    if (welcome !== '') caller.speak(welcome);
    const turns = new Turns(this.options, parameters, welcome);
    try {
      return await turns.run(caller);
    } catch (error) {
      if (error instanceof CallerHungUp) throw error;

      return {
        outcome: 'failed',
        errorType: error instanceof Error ? error.name : 'SystemException',
        errorMessage: error instanceof Error ? error.message : String(error),
      };
    }
  }
}

class Turns {
  private readonly sessionId: string;
  private started = false;

  constructor(
    private readonly options: LexRuntimeBotEngineOptions,
    private readonly parameters: StartBotConversationAction['Parameters'],
    private lastPrompt: string,
  ) {
    // Lex keeps a session per id: a fresh one per replayed call.
    this.sessionId = `${parameters.CallId ?? 'replay'}-${randomUUID()}`;
  }

  async run(caller: BotCaller): Promise<BotOutcome> {
    let silences = 0;
    for (let turn = 0; turn < (this.options.maxTurns ?? 40); turn += 1) {
      const heard = await caller.listen();
      if (heard.kind === 'silence') {
        silences += 1;
        if (silences > (this.options.maxSilences ?? 2)) break;
        caller.speak(this.lastPrompt || 'Are you still there?');
        continue;
      }
      silences = 0;
      const text = heard.kind === 'key' ? heard.key : heard.text;
      const output = await this.recognize(text);
      const said = (output.messages ?? []).map((m) => m.content).join(' ');
      if (said !== '') {
        caller.speak(said);
        this.lastPrompt = said;
      }
      if (output.sessionState?.dialogAction?.type === 'Close') {
        return this.ended(output);
      }
    }

    return {
      outcome: 'failed',
      errorType: 'ConversationTimedOut',
      errorMessage: 'the caller did not finish the conversation',
    };
  }

  /**
   * Sends one utterance. The first carries the session attributes the IVR
   * set, as StartBotConversation's Configuration does.
   */
  private recognize(text: string): Promise<RecognizeTextCommandOutput> {
    const initial = this.parameters.Configuration?.SessionState;
    const command = new RecognizeTextCommand({
      botId: this.options.botId,
      botAliasId: this.options.botAliasId,
      localeId: this.parameters.LocaleId,
      sessionId: this.sessionId,
      text,
      ...(this.started
        ? {}
        : {
            sessionState: {
              sessionAttributes: { ...initial?.SessionAttributes },
              dialogAction: { type: 'ElicitIntent' },
            },
          }),
    });
    this.started = true;

    return this.options.client.send(command);
  }

  private ended(output: RecognizeTextCommandOutput): BotOutcome {
    const state = lexSessionStateSchema.safeParse(output.sessionState);
    const sessionState: LexSessionState = state.success ? state.data : {};

    return {
      outcome: 'success',
      intentResult: toIntentResult({
        sessionId: this.sessionId,
        sessionState,
        interpretations: output.interpretations?.map((reading) => ({
          intent: parsedIntent(reading.intent),
          nluConfidence: reading.nluConfidence,
        })),
      }),
    };
  }
}

function parsedIntent(intent: unknown) {
  const parsed = lexSessionStateSchema.shape.intent.safeParse(intent);

  return parsed.success ? parsed.data : undefined;
}
