import * as z from 'zod/mini';
import '../validation/english-messages';

/**
 * What the IVR remembers between invocations. It travels in Chime's
 * TransactionAttributes, one attribute per field, so a call reads nothing
 * from the database between key presses. Field names are short because every
 * invocation carries them.
 */

export const STEPS = [
  'MAIN',
  'CATEGORY',
  'ITEM',
  'SIZE',
  'QUANTITY',
  'NEXT',
  'REVIEW',
  'FULFILMENT',
  'CONFIRM',
  'RETRY_PLACE',
  /** Talking to the voice bot: Chime reports back when it is done. */
  'VOICE',
  'TRANSFERRED',
  'ENDED',
] as const;

export type Step = (typeof STEPS)[number];

/** Most lines a phone order may hold; quantities go up to 9 a line. */
export const MAX_CART_LINES = 12;

const cartLineSchema = z.object({
  /** Menu item id. */
  i: z.string().check(z.minLength(1)),
  /** Size id, for items that come in sizes. */
  s: z.optional(z.string().check(z.minLength(1))),
  /** Quantity, one key press. */
  q: z.int().check(z.minimum(1), z.maximum(9)),
});

export type CartLine = z.infer<typeof cartLineSchema>;

const callerSchema = z.object({
  /** The caller's name, when known. */
  n: z.optional(z.string()),
  /** Delivery address on file. */
  a: z.optional(z.string()),
  /** The lines of the caller's last order, for a reorder. */
  last: z.optional(z.array(cartLineSchema).check(z.maxLength(MAX_CART_LINES))),
  /** The caller's order still in progress: ticket number and status. */
  open: z.optional(z.object({ t: z.int(), s: z.string() })),
});

export type CallerContext = z.infer<typeof callerSchema>;

export const callStateSchema = z.object({
  step: z.enum(STEPS),
  cart: z.array(cartLineSchema).check(z.maxLength(MAX_CART_LINES)),
  /** The item being chosen: category, item, size. */
  pick: z.object({
    c: z.optional(z.string()),
    i: z.optional(z.string()),
    s: z.optional(z.string()),
  }),
  caller: callerSchema,
  /** Failed attempts at the current step. */
  tries: z.int().check(z.minimum(0)),
  ful: z.optional(z.enum(['PICKUP', 'DELIVERY'])),
  /** VOICE once the bot has put lines in the cart: the order's channel. */
  ch: z.optional(z.enum(['VOICE'])),
});

export type CallState = z.infer<typeof callStateSchema>;

/** The state of a call that has just come in. */
export function initialState(caller: CallerContext): CallState {
  return { step: 'MAIN', cart: [], pick: {}, caller, tries: 0 };
}
