import * as z from 'zod/mini';
import '../validation/english-messages';

/**
 * The contract between the IVR and the bot: Lex session attributes, string
 * to string, set by the IVR in StartBotConversation and handed back by
 * Chime in the IntentResult. The cart uses the IVR's own compact line shape
 * (`{i, s?, q}`), so a cart crosses between keypad and voice unchanged.
 *
 * | key              | written by | value                                  |
 * | ---------------- | ---------- | -------------------------------------- |
 * | callerName       | IVR        | the caller's name, when known          |
 * | returning        | IVR        | "true" for a caller who ordered before |
 * | cart             | both       | JSON array of `{i, s?, q}`             |
 * | pending          | bot        | JSON: lines still missing an answer    |
 * | misses           | bot        | turns in a row the bot did not follow  |
 */
export const SESSION_KEYS = {
  callerName: 'callerName',
  returning: 'returning',
  cart: 'cart',
  pending: 'pending',
  misses: 'misses',
} as const;

/** Most lines one order may hold, as on the keypad. */
export const MAX_BOT_CART_LINES = 12;

/** Most of one item a line may hold, as on the keypad (one key). */
export const MAX_LINE_QUANTITY = 9;

export const botCartLineSchema = z.object({
  /** Menu item id. */
  i: z.string().check(z.minLength(1)),
  /** Size id, for items that come in sizes. */
  s: z.optional(z.string().check(z.minLength(1))),
  q: z.int().check(z.minimum(1), z.maximum(MAX_LINE_QUANTITY)),
});

/** One line of the cart as the session carries it. */
export type BotCartLine = z.infer<typeof botCartLineSchema>;

const cartSchema = z
  .array(botCartLineSchema)
  .check(z.maxLength(MAX_BOT_CART_LINES));

/** What the IVR knows of a call when it hands the caller to the bot. */
export interface HandOff {
  callerName?: string;
  returning: boolean;
  cart: readonly BotCartLine[];
}

/** The session attributes that start a bot conversation. */
export function handOffAttributes(handOff: HandOff): Record<string, string> {
  const attributes: Record<string, string> = {
    [SESSION_KEYS.returning]: String(handOff.returning),
    [SESSION_KEYS.cart]: encodeCart(handOff.cart),
  };
  if (handOff.callerName !== undefined) {
    attributes[SESSION_KEYS.callerName] = handOff.callerName;
  }

  return attributes;
}

/** A copy of session attributes without some keys. */
export function withoutKeys(
  session: Record<string, string>,
  ...keys: string[]
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(session).filter(([key]) => !keys.includes(key)),
  );
}

/** The cart as compact JSON. */
export function encodeCart(cart: readonly BotCartLine[]): string {
  return JSON.stringify(
    cart.map(({ i, s, q }) => (s === undefined ? { i, q } : { i, s, q })),
  );
}

/**
 * The cart in a session's attributes; an absent or unreadable cart is an
 * empty one, so a damaged attribute costs the caller a cart, never the call.
 */
export function decodeCart(
  attributes: Record<string, string> | undefined,
): BotCartLine[] {
  return readJson(attributes?.[SESSION_KEYS.cart], cartSchema) ?? [];
}

/** A JSON attribute read with a schema; undefined when absent or invalid. */
export function readJson<T>(
  text: string | undefined,
  schema: z.ZodMiniType<T>,
): T | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));

    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
