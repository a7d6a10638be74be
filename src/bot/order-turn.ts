import * as z from 'zod/mini';
import '../validation/english-messages';
import { spokenList } from '../call-flow/speech';
import { addToCart, describeCartLine } from './bot-cart';
import type { HookContext } from './hook-context';
import { elicitIntent, elicitOrderSlot } from './dialog-responses';
import type { LexCodeHookResponse } from './lex-events';
import { categoryList, checkLine } from './line-check';
import type { RequestedLine } from './menu-vocabulary';
import {
  decodeCart,
  encodeCart,
  MAX_BOT_CART_LINES,
  readJson,
  SESSION_KEYS,
  withoutKeys,
  type BotCartLine,
} from './session-attributes';
import { heardLines } from './slot-reading';

/**
 * One OrderFood turn: what the caller just said joins the lines still
 * waiting for an answer, each line is checked against the live menu, and
 * the complete ones go in the cart. The first line that needs something
 * stops the turn with one question; when none does, the caller hears what
 * was added and "Anything else?".
 */

const requestedLineSchema = z.object({
  itemId: z.optional(z.string()),
  categoryId: z.optional(z.string()),
  unknown: z.optional(z.string()),
  sizeId: z.optional(z.string()),
  quantity: z.optional(z.int()),
});

const pendingSchema = z.object({
  lines: z.array(requestedLineSchema).check(z.maxLength(MAX_BOT_CART_LINES)),
  ask: z.optional(z.enum(['item', 'size', 'quantity'])),
});

/** Lines the caller asked for that still miss an answer. */
type Pending = z.infer<typeof pendingSchema>;

/** Takes the caller's words for an order; see the module comment. */
export function takeOrder(context: HookContext): LexCodeHookResponse {
  const pending = readJson(
    context.session[SESSION_KEYS.pending],
    pendingSchema,
  );
  const queue = answerPending(pending, heardLines(context));
  if (queue.length === 0) {
    return elicitOrderSlot('item', withCart(context, undefined), [
      `What would you like? We have ${categoryList(context.menu)}.`,
    ]);
  }

  return workThrough(queue, context);
}

function workThrough(
  queue: readonly RequestedLine[],
  context: HookContext,
): LexCodeHookResponse {
  let cart = decodeCart(context.session);
  const added: BotCartLine[] = [];
  for (const [index, line] of queue.entries()) {
    const verdict = checkLine(line, context.menu, context.pricing.currency);
    if (verdict.kind === 'ask') {
      const rest = queue.slice(index + 1);
      const pending = { lines: [verdict.keep, ...rest], ask: verdict.slot };
      return elicitOrderSlot(verdict.slot, withCart(context, pending, cart), [
        addedSentence(added, context),
        ...verdict.say,
      ]);
    }
    const grown = addToCart(cart, verdict.line);
    if (grown === undefined) return cartFull(cart, added, context);
    cart = grown;
    added.push(verdict.line);
  }

  return elicitIntent(withCart(context, undefined, cart), [
    addedSentence(added, context),
    'Anything else?',
  ]);
}

function cartFull(
  cart: BotCartLine[],
  added: BotCartLine[],
  context: HookContext,
): LexCodeHookResponse {
  return elicitIntent(withCart(context, undefined, cart), [
    addedSentence(added, context),
    `An order can hold ${MAX_BOT_CART_LINES} different items by phone, ` +
      'and yours is full.',
    "Say that's all to finish, or keypad to change it.",
  ]);
}

function addedSentence(added: BotCartLine[], context: HookContext): string {
  const names = added.flatMap(
    (line) => describeCartLine(context.menu, line) ?? [],
  );

  return names.length === 0 ? '' : `Added ${spokenList(names)}.`;
}

/**
 * The session after this turn: the cart, the lines still waiting, and no
 * misunderstandings counted, since the caller was understood.
 */
function withCart(
  context: HookContext,
  pending: Pending | undefined,
  cart: readonly BotCartLine[] = decodeCart(context.session),
): Record<string, string> {
  const session: Record<string, string> = {
    ...withoutKeys(context.session, SESSION_KEYS.pending, SESSION_KEYS.misses),
    [SESSION_KEYS.cart]: encodeCart(cart),
  };
  if (pending !== undefined && pending.lines.length > 0) {
    session[SESSION_KEYS.pending] = JSON.stringify(pending);
  }

  return session;
}

/**
 * What the caller just said, applied to the first waiting line when it
 * answers its question ("large", or "pepperoni" for "which pizza?"); any
 * other lines said join the queue after those already waiting.
 */
function answerPending(
  pending: Pending | undefined,
  heard: RequestedLine[],
): RequestedLine[] {
  const [head, ...waiting] = pending?.lines ?? [];
  if (head === undefined) return heard;
  const [first, ...more] = heard;
  if (first === undefined) return [head, ...waiting];

  return [answer(head, first, pending?.ask), ...waiting, ...more];
}

function answer(
  head: RequestedLine,
  first: RequestedLine,
  asked: Pending['ask'],
): RequestedLine {
  const said = definedFields(first);
  const names =
    first.itemId !== undefined ||
    first.categoryId !== undefined ||
    first.unknown !== undefined;
  if (!names) return { ...head, ...said };
  if (asked === 'item' || first.itemId === head.itemId) {
    // The category asked about stays, so "hawaiian" in answer to "which
    // pizza?" is still answered with the pizzas we have.
    return { ...head, itemId: undefined, unknown: undefined, ...said };
  }

  // A new item while a size or quantity was asked: the caller moved on.
  return first;
}

function definedFields(line: RequestedLine): RequestedLine {
  return Object.fromEntries(
    Object.entries(line).filter(([, value]) => value !== undefined),
  );
}
