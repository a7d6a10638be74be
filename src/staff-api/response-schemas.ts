/**
 * What the staff API answers with, as zod schemas: the views in
 * order-views.ts are typed from them, the OpenAPI document describes them,
 * and the API tests check real answers against them.
 */
import * as z from 'zod';
import { menuSchema } from '../menu/menu-schema';
import { businessDateSchema, orderStatusSchema } from './request-schemas';
import { ERROR_CODES } from './error-codes';

const cents = z.number().int();
const timestamp = z.iso.datetime();

const orderLineSchema = z.strictObject({
  itemId: z.string(),
  name: z.string(),
  sizeId: z.string().optional(),
  sizeName: z.string().optional(),
  unitPriceCents: cents,
  quantity: z.number().int().positive(),
});

const totalsSchema = z.strictObject({
  subtotalCents: cents,
  taxCents: cents,
  totalCents: cents,
  currency: z.string().length(3),
});

/** Who ordered: the number masked for staff, shown in full to managers. */
const orderCustomerSchema = z.strictObject({
  phone: z.string().meta({
    description: 'E.164 for managers; otherwise only the last 4 digits',
    examples: ['+15550100123', '*******0123'],
  }),
  name: z.string().optional(),
  email: z.string().optional().meta({ description: 'managers only' }),
  orderCount: z.number().int().optional(),
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
  ticketNumber: z.number().int().positive(),
  status: orderStatusSchema,
  nextStatuses: z.array(orderStatusSchema).meta({
    description: 'The moves the status machine allows from here',
  }),
  fulfilment: z.enum(['PICKUP', 'DELIVERY']),
  channel: z.enum(['KEYPAD', 'VOICE']),
  businessDate: businessDateSchema,
  placedAt: timestamp,
  estimatedReadyAt: timestamp,
  updatedAt: timestamp,
  version: z.number().int().positive(),
  items: z.array(orderLineSchema),
  totals: totalsSchema,
  deliveryAddress: z.string().optional(),
  customer: orderCustomerSchema,
});

/** An order with everything staff may see about it. */
export const orderDetailSchema = orderSummarySchema.extend({
  notifications: z.array(notificationSchema),
});

/** One page of a status listing. */
export const orderPageSchema = z.strictObject({
  orders: z.array(orderSummarySchema),
  nextCursor: z.string().optional().meta({
    description: 'Pass as `cursor` for the next page; absent on the last',
  }),
});

/** The menu, categories and items in keypad order. */
export const menuResponseSchema = menuSchema;

/** One menu item, after its availability changed. */
export const menuItemResponseSchema = menuSchema.shape.items.element;

/** A customer profile, for managers. */
export const customerResponseSchema = z.strictObject({
  phone: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  deliveryAddress: z.string().optional(),
  smsOptOut: z.boolean().optional(),
  lastOrderId: z.string().optional(),
  orderCount: z.number().int().min(0),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** Every error the API answers with. */
export const errorResponseSchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    field: z.string().optional().meta({
      description: 'The offending input, e.g. `query.date` or `body.to`',
    }),
    currentStatus: orderStatusSchema.optional(),
    allowedStatuses: z.array(orderStatusSchema).optional(),
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
