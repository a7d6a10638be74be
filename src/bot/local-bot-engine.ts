import type { BotCaller, BotEngine, BotOutcome } from '../local/bot-engine';
import type { StartBotConversationAction } from '../telephony/actions';
import { INTENT, type BotDefinition } from './definition';
import { toIntentResult } from './intent-result';
import {
  lexCodeHookResponseSchema,
  type LexCodeHookResponse,
  type LexInterpretation,
  type LexSessionState,
} from './lex-events';
import {
  codeHookEvent,
  intentNamed,
  readTurn,
  type ReadTurn,
} from './lex-turns';
import { Recogniser } from './recogniser';

/**
 * Plays Amazon Lex for the phone simulator with the bot definition that is
 * deployed and the same code hook: the caller's typed words are read with
 * the definition's utterances and slot values, the code hook is invoked
 * with the camelCase event Lex sends, its messages are spoken, and the
 * conversation ends with the PascalCase IntentResult Chime reports.
 */

/** Invokes the code hook as Lambda would: JSON in, JSON out. */
export type InvokeCodeHook = (event: unknown) => Promise<unknown>;

export interface LocalBotEngineOptions {
  definition: BotDefinition;
  invokeHook: InvokeCodeHook;
  /** Caller turns before the conversation is given up, against loops. */
  maxTurns?: number;
  /** Silent turns in a row before the bot gives up, as Lex times out. */
  maxSilences?: number;
}

/** Thrown when the code hook answers with something Lex would refuse. */
export class InvalidCodeHookResponse extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid code hook response: ${issues.join('; ')}`);
    this.name = 'InvalidCodeHookResponse';
  }
}

/** A {@link BotEngine} on the local recogniser and the real code hook. */
export class LocalBotEngine implements BotEngine {
  private readonly recogniser: Recogniser;

  constructor(private readonly options: LocalBotEngineOptions) {
    this.recogniser = new Recogniser(options.definition);
  }

  async converse(
    parameters: StartBotConversationAction['Parameters'],
    caller: BotCaller,
  ): Promise<BotOutcome> {
    const conversation = new Conversation(
      this.options,
      this.recogniser,
      parameters,
      caller,
    );
    try {
      return await conversation.run();
    } catch (error) {
      if (!(error instanceof InvalidCodeHookResponse)) throw error;

      return {
        outcome: 'failed',
        errorType: 'InvalidLambdaResponse',
        errorMessage: error.message,
      };
    }
  }
}

/** One conversation: the dialog state between the caller's turns. */
class Conversation {
  private state: LexSessionState;
  private interpretations: LexInterpretation[] = [];
  private lastPrompt: string;
  private readonly sessionId: string;

  constructor(
    private readonly options: LocalBotEngineOptions,
    private readonly recogniser: Recogniser,
    parameters: StartBotConversationAction['Parameters'],
    private readonly caller: BotCaller,
  ) {
    const configuration = parameters.Configuration;
    this.sessionId = parameters.CallId ?? 'local-session';
    this.state = {
      sessionAttributes: { ...configuration?.SessionState?.SessionAttributes },
      dialogAction: { type: 'ElicitIntent' },
    };
    this.lastPrompt = (configuration?.WelcomeMessages ?? [])
      .map((message) => message.Content)
      .join(' ');
  }

  async run(): Promise<BotOutcome> {
    if (this.lastPrompt !== '') this.caller.speak(this.lastPrompt);
    const maxTurns = this.options.maxTurns ?? 40;
    let silences = 0;
    for (let turn = 0; turn < maxTurns; turn += 1) {
      const heard = await this.caller.listen();
      if (heard.kind === 'silence') {
        silences += 1;
        if (silences > (this.options.maxSilences ?? 2)) return this.gaveUp();
        this.caller.speak(this.lastPrompt || 'Are you still there?');
        continue;
      }
      silences = 0;
      const text = heard.kind === 'key' ? heard.key : heard.text;
      const inputMode = heard.kind === 'key' ? 'DTMF' : 'Speech';
      const ended = await this.take(text, inputMode);
      if (ended !== undefined) return ended;
    }

    return this.gaveUp();
  }

  /** One caller turn; the outcome when the conversation ends with it. */
  private async take(
    text: string,
    inputMode: 'Speech' | 'DTMF',
  ): Promise<BotOutcome | undefined> {
    const { definition } = this.options;
    const read = readTurn(text, this.state, this.recogniser, definition);
    this.interpretations = read.interpretations;
    const intent = intentNamed(definition, read.intent.name);
    const source =
      intent?.dialogCodeHook === true
        ? 'DialogCodeHook'
        : 'FulfillmentCodeHook';
    const response = await this.invoke(source, text, inputMode, read);

    return this.follow(response, text, inputMode);
  }

  private async invoke(
    source: 'DialogCodeHook' | 'FulfillmentCodeHook',
    text: string,
    inputMode: 'Speech' | 'DTMF',
    read: ReadTurn,
  ): Promise<LexCodeHookResponse> {
    const event = codeHookEvent({
      source,
      text,
      inputMode,
      sessionId: this.sessionId,
      definition: this.options.definition,
      sessionAttributes: this.state.sessionAttributes ?? {},
      read,
    });
    const answer = lexCodeHookResponseSchema.safeParse(
      await this.options.invokeHook(event),
    );
    if (!answer.success) {
      throw new InvalidCodeHookResponse(
        answer.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      );
    }

    return answer.data;
  }

  /** Speaks the hook's words and does what its dialog action says. */
  private async follow(
    response: LexCodeHookResponse,
    text: string,
    inputMode: 'Speech' | 'DTMF',
  ): Promise<BotOutcome | undefined> {
    const said = (response.messages ?? []).map((m) => m.content).join(' ');
    if (said !== '') this.caller.speak(said);
    this.state = {
      sessionAttributes:
        response.sessionState.sessionAttributes ?? this.state.sessionAttributes,
      dialogAction: response.sessionState.dialogAction,
      intent: response.sessionState.intent ?? this.state.intent,
    };
    switch (response.sessionState.dialogAction.type) {
      case 'Close':
        return this.ended();
      case 'Delegate':
        return this.delegated(text, inputMode);
      default:
        this.lastPrompt = said || this.slotPrompt();

        return undefined;
    }
  }

  /**
   * After Delegate Lex moves the intent on: a confirmation the intent has
   * not had yet, then fulfilment through the code hook, or the end.
   */
  private async delegated(
    text: string,
    inputMode: 'Speech' | 'DTMF',
  ): Promise<BotOutcome | undefined> {
    const intent = this.state.intent;
    const definition = intentNamed(this.options.definition, intent?.name ?? '');
    if (intent === undefined || definition === undefined) return this.ended();
    const prompt = definition.confirmationPrompt;
    if (prompt !== undefined && intent.confirmationState !== 'Confirmed') {
      this.state = { ...this.state, dialogAction: { type: 'ConfirmIntent' } };
      this.caller.speak(prompt);
      this.lastPrompt = prompt;

      return undefined;
    }
    if (!definition.fulfillmentCodeHook) {
      this.state = { ...this.state, intent: { ...intent, state: 'Fulfilled' } };
      return this.ended();
    }
    const read = {
      intent: { ...intent, state: 'ReadyForFulfillment' as const },
      interpretations: this.interpretations,
    };
    const response = await this.invoke(
      'FulfillmentCodeHook',
      text,
      inputMode,
      read,
    );

    return this.follow(response, text, inputMode);
  }

  private slotPrompt(): string {
    const { dialogAction, intent } = this.state;
    const slot = intentNamed(
      this.options.definition,
      intent?.name ?? '',
    )?.slots.find((s) => s.name === dialogAction?.slotToElicit);

    return slot?.prompt ?? this.lastPrompt;
  }

  private ended(): BotOutcome {
    return {
      outcome: 'success',
      intentResult: toIntentResult({
        sessionId: this.sessionId,
        sessionState: this.state,
        interpretations: this.interpretations,
      }),
    };
  }

  /** The caller said nothing usable for too long: a failed fallback. */
  private gaveUp(): BotOutcome {
    this.state = {
      ...this.state,
      dialogAction: { type: 'Close' },
      intent: { name: INTENT.fallback, state: 'Failed' },
    };

    return this.ended();
  }
}
