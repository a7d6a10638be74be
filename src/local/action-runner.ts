import type {
  Action,
  CallAndBridgeAction,
  HangupAction,
  StartBotConversationAction,
} from '../telephony/actions';
import type { ActionData } from '../telephony/events';
import { CallerHungUp, type BotCaller, type BotEngine } from './bot-engine';
import { speakAndGetDigits } from './digit-collection';
import type { CallerLine } from './transcript';

/** What running one action list led to, which decides the next event. */
export type ListOutcome =
  /** Every action ran: `ACTION_SUCCESSFUL` with the last one. */
  | { kind: 'completed'; actionData: ActionData }
  /** An action failed and the rest were dropped: `ACTION_FAILED`. */
  | { kind: 'failed'; actionData: ActionData }
  /** There was nothing to run: the caller hears silence. */
  | { kind: 'idle' }
  | { kind: 'caller-hung-up' }
  | { kind: 'application-hung-up'; action: HangupAction }
  /** The caller now talks to `to`; `ACTION_SUCCESSFUL` reports the bridge. */
  | { kind: 'bridged'; actionData: ActionData; to: string };

type ActionOutcome = ListOutcome | { kind: 'done'; actionData: ActionData };

/** What the actions need besides the phone line. */
export interface ActionContext {
  readonly line: CallerLine;
  readonly botEngine?: BotEngine | undefined;
  /** Every action run, in order, audible or not. */
  readonly performed: Action[];
}

/** The action as it appears in an event, with what its run produced. */
function actionData(
  action: Action,
  extra: Omit<ActionData, 'Type' | 'Parameters'> = {},
): ActionData {
  return {
    Type: action.Type,
    Parameters: { ...action.Parameters },
    ...extra,
  };
}

function failed(
  action: Action,
  errorType: string,
  errorMessage: string,
): ActionOutcome {
  return {
    kind: 'failed',
    actionData: actionData(action, {
      ErrorType: errorType,
      ErrorMessage: errorMessage,
    }),
  };
}

/**
 * Runs the list in order, as Chime does: a failure drops the rest of the
 * list, a hang-up or a bridge ends it, and completion reports the last
 * action.
 */
export async function runActionList(
  actions: readonly Action[],
  context: ActionContext,
): Promise<ListOutcome> {
  let last: ActionData | undefined;
  for (const action of actions) {
    context.performed.push(action);
    const outcome = await runAction(action, context);
    if (outcome.kind !== 'done') return outcome;

    last = outcome.actionData;
  }

  return last === undefined
    ? { kind: 'idle' }
    : { kind: 'completed', actionData: last };
}

async function runAction(
  action: Action,
  context: ActionContext,
): Promise<ActionOutcome> {
  const { transcript } = context.line;
  switch (action.Type) {
    case 'Speak':
      transcript.hear(action.Parameters);
      break;
    case 'Pause':
      transcript.add({
        kind: 'pause',
        durationMs: action.Parameters.DurationInMilliseconds,
      });
      break;
    case 'PlayAudio': {
      const { BucketName, Key } = action.Parameters.AudioSource;
      transcript.add({ kind: 'audio', source: `s3://${BucketName}/${Key}` });
      break;
    }
    case 'SpeakAndGetDigits':
      return getDigits(action, context);
    case 'StartBotConversation':
      return converse(action, context);
    case 'CallAndBridge':
      return bridge(action, context);
    case 'Hangup':
      transcript.add({ kind: 'hung-up', by: 'application' });

      return { kind: 'application-hung-up', action };
    case 'ReceiveDigits':
    case 'SendDigits':
      // Neither is audible to the caller here; `performed` keeps them.
      break;
  }

  return { kind: 'done', actionData: actionData(action) };
}

async function getDigits(
  action: Extract<Action, { Type: 'SpeakAndGetDigits' }>,
  context: ActionContext,
): Promise<ActionOutcome> {
  const outcome = await speakAndGetDigits(action.Parameters, context.line);
  switch (outcome.kind) {
    case 'hung-up':
      return callerHungUp(context);
    case 'failed':
      return failed(action, outcome.errorType, outcome.errorMessage);
    case 'received':
      return {
        kind: 'done',
        actionData: actionData(action, { ReceivedDigits: outcome.digits }),
      };
  }
}

function callerHungUp(context: ActionContext): ActionOutcome {
  context.line.transcript.add({ kind: 'hung-up', by: 'caller' });

  return { kind: 'caller-hung-up' };
}

function bridge(
  action: CallAndBridgeAction,
  context: ActionContext,
): ActionOutcome {
  const to = action.Parameters.Endpoints[0]?.Uri ?? '';
  context.line.transcript.add({ kind: 'transferred', to });

  return { kind: 'bridged', actionData: actionData(action), to };
}

/** The bot's view of the line; it notes when the caller hangs up. */
function botCaller(line: CallerLine, hungUp: { value: boolean }): BotCaller {
  return {
    speak: (text) => {
      line.transcript.hear({ Text: text });
    },
    listen: async () => {
      const heard = await line.input.next('speech');
      if (heard.kind === 'hangup') {
        hungUp.value = true;
        throw new CallerHungUp();
      }
      if (heard.kind === 'key') {
        line.transcript.add({ kind: 'pressed', keys: heard.key });
      } else if (heard.kind === 'utterance') {
        line.transcript.add({ kind: 'said', text: heard.text });
      } else line.transcript.add({ kind: 'silence' });

      return heard;
    },
  };
}

async function converse(
  action: StartBotConversationAction,
  context: ActionContext,
): Promise<ActionOutcome> {
  const engine = context.botEngine;
  if (engine === undefined) {
    return failed(action, 'SystemException', 'No bot engine is attached');
  }

  const hungUp = { value: false };
  try {
    const result = await engine.converse(
      action.Parameters,
      botCaller(context.line, hungUp),
    );
    if (hungUp.value) return callerHungUp(context);

    return result.outcome === 'success'
      ? {
          kind: 'done',
          actionData: actionData(action, { IntentResult: result.intentResult }),
        }
      : failed(action, result.errorType, result.errorMessage);
  } catch (error) {
    if (hungUp.value) return callerHungUp(context);

    const message = error instanceof Error ? error.message : String(error);

    return failed(action, 'SystemException', message);
  }
}
