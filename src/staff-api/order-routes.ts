/** The order routes: the board's listing, one order, and status moves. */
import { advanceStatus } from '../orders/advance-status';
import { OrderNotFound } from '../orders/model';
import { localTime } from '../restaurant/local-time';
import { orderDetail, orderSummary } from './order-views';
import {
  listOrdersQuerySchema,
  orderPathSchema,
  statusChangeBodySchema,
} from './request-schemas';
import { orderDetailSchema, orderPageSchema } from './response-schemas';
import { defineRoute } from './route';

const STAFF = ['staff', 'managers'] as const;

/** `GET /orders`: one page of a day's orders in one status. */
export const listOrders = defineRoute({
  method: 'GET',
  path: '/orders',
  operationId: 'listOrders',
  summary: "A page of a business day's orders in one status, newest first",
  roles: STAFF,
  querySchema: listOrdersQuerySchema,
  response: {
    status: 200,
    description: 'The page, and a cursor when more orders follow',
    schema: orderPageSchema,
  },
  errors: ['invalid_cursor'],
  handle: async ({ query, caller }, { orders, timeZone, now }) => {
    const date = query.date ?? localTime(now(), timeZone).date;
    const page = await orders.listByStatus(date, query.status, {
      limit: query.limit,
      cursor: query.cursor,
    });

    return {
      orders: page.orders.map((order) => orderSummary(order, caller)),
      nextCursor: page.nextCursor,
    };
  },
});

/** `GET /orders/{orderId}`: the order with its customer and messages. */
export const getOrder = defineRoute({
  method: 'GET',
  path: '/orders/{orderId}',
  operationId: 'getOrder',
  summary: 'One order with its items, totals, customer and notifications',
  roles: STAFF,
  pathSchema: orderPathSchema,
  response: {
    status: 200,
    description: 'The order',
    schema: orderDetailSchema,
  },
  errors: ['order_not_found'],
  handle: async ({ path, caller }, { orders, customers }) => {
    const order = await orders.get(path.orderId);
    if (order === undefined) throw new OrderNotFound(path.orderId);

    return orderDetail(order, caller, await customers.get(order.callerNumber));
  },
});

/** `POST /orders/{orderId}/status`: move an order from the status seen. */
export const changeOrderStatus = defineRoute({
  method: 'POST',
  path: '/orders/{orderId}/status',
  operationId: 'changeOrderStatus',
  summary: 'Move an order on, only if it is still in the status `from`',
  roles: STAFF,
  pathSchema: orderPathSchema,
  bodySchema: statusChangeBodySchema,
  response: {
    status: 200,
    description: 'The order in its new status',
    schema: orderDetailSchema,
  },
  errors: ['order_not_found', 'illegal_transition', 'status_conflict'],
  handle: async ({ path, body, caller }, { orders, customers, now }) => {
    const moved = await advanceStatus(
      { orderId: path.orderId, from: body.from, to: body.to },
      { orders, now },
    );

    return orderDetail(moved, caller, await customers.get(moved.callerNumber));
  },
});
