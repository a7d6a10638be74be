import * as z from 'zod';

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
  i: z.string().min(1),
  /** Size id, for items that come in sizes. */
  s: z.string().min(1).optional(),
  /** Quantity, one key press. */
  q: z.number().int().min(1).max(9),
});

export type CartLine = z.infer<typeof cartLineSchema>;

const callerSchema = z.object({
  /** The caller's name, when known. */
  n: z.string().optional(),
  /** Delivery address on file. */
  a: z.string().optional(),
  /** The lines of the caller's last order, for a reorder. */
  last: z.array(cartLineSchema).max(MAX_CART_LINES).optional(),
  /** The caller's order still in progress: ticket number and status. */
  open: z.object({ t: z.number().int(), s: z.string() }).optional(),
});

export type CallerContext = z.infer<typeof callerSchema>;

export const callStateSchema = z.object({
  step: z.enum(STEPS),
  cart: z.array(cartLineSchema).max(MAX_CART_LINES),
  /** The item being chosen: category, item, size. */
  pick: z.object({
    c: z.string().optional(),
    i: z.string().optional(),
    s: z.string().optional(),
  }),
  caller: callerSchema,
  /** Failed attempts at the current step. */
  tries: z.number().int().min(0),
  ful: z.enum(['PICKUP', 'DELIVERY']).optional(),
  /** VOICE once the bot has put lines in the cart: the order's channel. */
  ch: z.enum(['VOICE']).optional(),
});

export type CallState = z.infer<typeof callStateSchema>;

/** The state of a call that has just come in. */
export function initialState(caller: CallerContext): CallState {
  return { step: 'MAIN', cart: [], pick: {}, caller, tries: 0 };
}
