/**
 * What the staff API accepts: every path parameter, query parameter and
 * body, as zod schemas. The router validates with these and the OpenAPI
 * document is generated from them, so the two cannot drift apart. Objects
 * are strict: a field the API does not know is an error, not ignored.
 */
import * as z from 'zod';
import { ORDER_STATUSES } from '../orders/model';

/** An order status, as stored and as shown. */
export const orderStatusSchema = z.enum(ORDER_STATUSES);

/** A restaurant business day. */
export const businessDateSchema = z.iso.date({
  error: 'must be a calendar date as YYYY-MM-DD',
});

/** A phone number in E.164, the form the table keys customers by. */
export const phoneSchema = z
  .string()
  .regex(
    /^\+[1-9]\d{1,14}$/,
    'must be a phone number in E.164, like +15550100',
  );

// Ids end up in table keys, so no `#` and nothing a key could not hold.
const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, - or _');

/** `/orders/{orderId}` and the routes under it. */
export const orderPathSchema = z.strictObject({ orderId: idSchema });

/** `/menu/items/{itemId}/availability`. */
export const menuItemPathSchema = z.strictObject({ itemId: idSchema });

/** `/customers/{phone}`. */
export const customerPathSchema = z.strictObject({ phone: phoneSchema });

/** Page sizes the board asks for; DynamoDB reads at most one page more. */
export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

/** `GET /orders`: query strings arrive as text, so limit is read here. */
export const listOrdersQuerySchema = z.strictObject({
  status: orderStatusSchema,
  date: businessDateSchema.optional(),
  limit: z
    .string()
    .regex(
      /^[1-9]\d{0,2}$/,
      `must be a whole number from 1 to ${MAX_PAGE_SIZE}`,
    )
    .transform(Number)
    .pipe(z.number().max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`))
    .default(DEFAULT_PAGE_SIZE),
  cursor: z.string().min(1).max(1024).optional(),
});

/** `POST /orders/{orderId}/status`: from the status seen, to the next. */
export const statusChangeBodySchema = z.strictObject({
  from: orderStatusSchema,
  to: orderStatusSchema,
});

/** `PUT /menu/items/{itemId}/availability`. */
export const availabilityBodySchema = z.strictObject({
  available: z.boolean(),
});

/** `PATCH /customers/{phone}`: any of the fields staff may correct. */
export const customerChangesBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    email: z.email().max(254).optional(),
    deliveryAddress: z.string().trim().min(1).max(300).optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, {
    error: 'give at least one of name, email, deliveryAddress',
  });
