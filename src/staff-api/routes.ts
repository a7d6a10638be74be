/** The staff API's routes (see route.ts). */
import { getCustomer, updateCustomer } from './customer-routes';
import { getMenu, setItemAvailability } from './menu-routes';
import { changeOrderStatus, getOrder, listOrders } from './order-routes';
import type { Route } from './route';

/** Every route of the staff API, in the order the document lists them. */
export const STAFF_API_ROUTES: readonly Route[] = [
  listOrders,
  getOrder,
  changeOrderStatus,
  getMenu,
  setItemAvailability,
  getCustomer,
  updateCustomer,
];
