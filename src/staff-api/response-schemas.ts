/**
 * What the staff API answers with, as zod schemas: the views in
 * order-views.ts are typed from them, the OpenAPI document describes them,
 * and the API tests check real answers against them.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
import { menuSchema } from '../menu/menu-schema';
import { businessDateSchema, orderStatusSchema } from './request-schemas';
import { ERROR_CODES } from './error-codes';

const cents = z.int();
const timestamp = z.iso.datetime();
const positiveCount = z.int().check(z.positive());

const orderLineSchema = z.strictObject({
  itemId: z.string(),
  name: z.string(),
  sizeId: z.optional(z.string()),
  sizeName: z.optional(z.string()),
  unitPriceCents: cents,
  quantity: positiveCount,
});

const totalsSchema = z.strictObject({
  subtotalCents: cents,
  taxCents: cents,
  totalCents: cents,
  currency: z.string().check(z.length(3)),
});

/** Who ordered: the number masked for staff, shown in full to managers. */
const orderCustomerSchema = z.strictObject({
  phone: z.string().register(z.globalRegistry, {
    description: 'E.164 for managers; otherwise only the last 4 digits',
    examples: ['+15550100123', '*******0123'],
  }),
  name: z.optional(z.string()),
  email: z
    .optional(z.string())
    .register(z.globalRegistry, { description: 'managers only' }),
  orderCount: z.optional(z.int()),
});

/** A message sent about the order, as the notifications record it. */
export const notificationSchema = z.strictObject({
  channel: z.string(),
  template: z.string(),
  messageId: z.string(),
  at: z.string(),
});

/** An order as a card on the board. */
export const orderSummarySchema = z.strictObject({
  orderId: z.string(),
  ticketNumber: positiveCount,
  status: orderStatusSchema,
  nextStatuses: z.array(orderStatusSchema).register(z.globalRegistry, {
    description: 'The moves the status machine allows from here',
  }),
  fulfilment: z.enum(['PICKUP', 'DELIVERY']),
  channel: z.enum(['KEYPAD', 'VOICE']),
  businessDate: businessDateSchema,
  placedAt: timestamp,
  estimatedReadyAt: timestamp,
  updatedAt: timestamp,
  version: positiveCount,
  items: z.array(orderLineSchema),
  totals: totalsSchema,
  deliveryAddress: z.optional(z.string()),
  customer: orderCustomerSchema,
});

/** An order with everything staff may see about it. */
export const orderDetailSchema = z.extend(orderSummarySchema, {
  notifications: z.array(notificationSchema),
});

/** One page of a status listing. */
export const orderPageSchema = z.strictObject({
  orders: z.array(orderSummarySchema),
  nextCursor: z.optional(z.string()).register(z.globalRegistry, {
    description: 'Pass as `cursor` for the next page; absent on the last',
  }),
});

/** The menu, categories and items in keypad order. */
export const menuResponseSchema = menuSchema;

/** One menu item, after its availability changed. */
export const menuItemResponseSchema = menuSchema.shape.items.def.element;

/** A customer profile, for managers. */
export const customerResponseSchema = z.strictObject({
  phone: z.string(),
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  deliveryAddress: z.optional(z.string()),
  smsOptOut: z.optional(z.boolean()),
  lastOrderId: z.optional(z.string()),
  orderCount: z.int().check(z.minimum(0)),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** Every error the API answers with. */
export const errorResponseSchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    field: z.optional(z.string()).register(z.globalRegistry, {
      description: 'The offending input, e.g. `query.date` or `body.to`',
    }),
    currentStatus: z.optional(orderStatusSchema),
    allowedStatuses: z.optional(z.array(orderStatusSchema)),
  }),
});

/** An order as a card on the board, typed from its schema. */
export type OrderSummary = z.infer<typeof orderSummarySchema>;
/** An order with its customer and notifications. */
export type OrderDetail = z.infer<typeof orderDetailSchema>;
/** A customer's profile as managers see it. */
export type CustomerView = z.infer<typeof customerResponseSchema>;
/** The body of every error answer. */
export type ErrorBody = z.infer<typeof errorResponseSchema>;
