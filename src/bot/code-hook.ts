import { INTENT, orderBotDefinition, type BotDefinition } from './definition';
import type { CodeHookDependencies, HookContext } from './hook-context';
import { close, elicitIntent } from './dialog-responses';
import { finishOrder } from './finish-turn';
import type { LexCodeHookEvent, LexCodeHookResponse } from './lex-events';
import { MenuVocabulary } from './menu-vocabulary';
import { takeOrder } from './order-turn';
import { SESSION_KEYS, withoutKeys } from './session-attributes';
import { normalise } from './text-matching';

/**
 * The Lex V2 code hook of the order bot: one turn of the conversation, from
 * Lex's camelCase event to the next dialog action. The menu is read live on
 * every turn, so a dish that sells out during a call is refused with the
 * others on offer.
 */

/** Turns in a row the bot may not follow before it hands back to the IVR. */
export const MAX_MISSES = 3;

const SORRY = 'Sorry, something went wrong on our side.';

/**
 * Answers one code hook invocation. A failure of the menu or of the turn
 * itself closes the conversation as Failed, cart kept, so the IVR carries
 * on by keypad instead of the caller hearing Lex's error.
 */
export async function handleCodeHook(
  event: LexCodeHookEvent,
  dependencies: CodeHookDependencies,
): Promise<LexCodeHookResponse> {
  const intent = event.sessionState.intent.name;
  try {
    const menu = await dependencies.menu.getMenu();
    const definition = orderBotDefinition(menu);
    const response = turn({
      event,
      menu,
      vocabulary: new MenuVocabulary(definition),
      definition,
      session: { ...event.sessionState.sessionAttributes },
      pricing: dependencies.pricing,
    });
    dependencies.log.info('bot turn', {
      intent,
      source: event.invocationSource,
      next: response.sessionState.dialogAction.type,
    });

    return response;
  } catch (error) {
    dependencies.log.error('bot turn failed', { intent, error: String(error) });

    return close(intent, 'Failed', event.sessionState.sessionAttributes ?? {}, [
      SORRY,
    ]);
  }
}

function turn(context: HookContext): LexCodeHookResponse {
  const name =
    switchedIntent(context) ?? context.event.sessionState.intent.name;
  switch (name) {
    case INTENT.orderFood:
      return takeOrder(context);
    case INTENT.finishOrder:
      return finishOrder(context);
    case INTENT.checkOrderStatus:
    case INTENT.talkToPerson:
    case INTENT.useKeypad:
      return handBack(name, context);
    default:
      return notUnderstood(context);
  }
}

// Said while a slot is elicited, these end the order rather than name an
// item: Lex fills the item slot with whatever the caller says.
const NEVER_MIND = ['never mind', 'nothing', 'cancel that', 'forget it'];

/**
 * While OrderFood elicits a slot Lex keeps the intent, so "keypad" or
 * "that's all" arrives as an item: an answer that is exactly another
 * intent's utterance is taken as that intent.
 */
function switchedIntent(context: HookContext): string | undefined {
  if (context.event.sessionState.intent.name !== INTENT.orderFood) {
    return undefined;
  }
  const said = normalise(context.event.inputTranscript);
  if (NEVER_MIND.includes(said)) return INTENT.finishOrder;

  return switchableIntents(context.definition).find((intent) =>
    intent.utterances.some((utterance) => normalise(utterance) === said),
  )?.name;
}

function switchableIntents(definition: BotDefinition) {
  return definition.intents.filter(
    (intent) =>
      intent.name !== INTENT.orderFood && intent.name !== INTENT.fallback,
  );
}

/** Status, a person, the keypad: the IVR does those, with the cart kept. */
function handBack(name: string, context: HookContext): LexCodeHookResponse {
  const session = withoutKeys(context.session, SESSION_KEYS.pending);

  return close(name, 'Fulfilled', session);
}

function notUnderstood(context: HookContext): LexCodeHookResponse {
  const misses = (Number(context.session[SESSION_KEYS.misses]) || 0) + 1;
  const session = { ...context.session, [SESSION_KEYS.misses]: String(misses) };
  if (misses >= MAX_MISSES) {
    return close(INTENT.fallback, 'Failed', session);
  }

  return elicitIntent(session, [
    "Sorry, I didn't catch that.",
    'You can say something like two large pepperoni, or say keypad to use the keypad.',
  ]);
}
