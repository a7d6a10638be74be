/**
 * What the staff API accepts: every path parameter, query parameter and
 * body, as zod schemas. The router validates with these and the OpenAPI
 * document is generated from them, so the two cannot drift apart. Objects
 * are strict: a field the API does not know is an error, not ignored.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
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
  .check(
    z.regex(
      /^\+[1-9]\d{1,14}$/,
      'must be a phone number in E.164, like +15550100',
    ),
  );

// Ids end up in table keys, so no `#` and nothing a key could not hold.
const idSchema = z
  .string()
  .check(
    z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, - or _'),
  );

/** `/orders/{orderId}` and the routes under it. */
export const orderPathSchema = z.strictObject({ orderId: idSchema });

/** `/menu/items/{itemId}/availability`. */
export const menuItemPathSchema = z.strictObject({ itemId: idSchema });

/** `/customers/{phone}`. */
export const customerPathSchema = z.strictObject({ phone: phoneSchema });

/** Page sizes the board asks for; DynamoDB reads at most one page more. */
export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

const pageSizeText = z
  .string()
  .check(
    z.regex(
      /^[1-9]\d{0,2}$/,
      `must be a whole number from 1 to ${MAX_PAGE_SIZE}`,
    ),
  );

const pageSize = z.pipe(
  z.pipe(pageSizeText, z.transform(Number)),
  z
    .number()
    .check(z.maximum(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)),
);

/** `GET /orders`: query strings arrive as text, so limit is read here. */
export const listOrdersQuerySchema = z.strictObject({
  status: orderStatusSchema,
  date: z.optional(businessDateSchema),
  limit: z._default(pageSize, DEFAULT_PAGE_SIZE),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
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
    name: z.optional(
      z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    ),
    email: z.optional(z.email().check(z.maxLength(254))),
    deliveryAddress: z.optional(
      z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
    ),
  })
  .check(
    z.refine((changes) => Object.keys(changes).length > 0, {
      error: 'give at least one of name, email, deliveryAddress',
    }),
  );
