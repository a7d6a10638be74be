/**
 * How a customer is laid out in the single table: PK `CUSTOMER#<phone>`,
 * SK `PROFILE`. The order store updates this item in the transaction that
 * places an order, so the key is built here only.
 */
import type { Customer } from '../customers/model';
import { callerPartition } from './order-item';

/** The primary key of a customer item. */
export interface CustomerKey {
  PK: string;
  SK: 'PROFILE';
}

/** A customer as stored. */
export interface CustomerItem extends Customer, CustomerKey {
  entity: 'CUSTOMER';
  GSI2PK: string;
  GSI2SK: typeof PROFILE_SORT_KEY;
}

/**
 * The profile's sort key in the caller index. Orders there sort by their
 * ISO time, which starts with a digit, so the profile sorts after every
 * order: one newest-first query returns the profile and the latest order.
 */
export const PROFILE_SORT_KEY = 'PROFILE';

const KEY_ATTRIBUTES = ['PK', 'SK', 'entity', 'GSI2PK', 'GSI2SK'];

/** The key of the customer whose phone number (E.164) is `phone`. */
export function customerKey(phone: string): CustomerKey {
  return { PK: `CUSTOMER#${phone}`, SK: 'PROFILE' };
}

/** The item to store for a customer. */
export function toCustomerItem(customer: Customer): CustomerItem {
  return {
    // Through JSON: drops undefined optional fields (see toOrderItem).
    ...(JSON.parse(JSON.stringify(customer)) as Customer),
    ...customerKey(customer.phone),
    entity: 'CUSTOMER',
    GSI2PK: callerPartition(customer.phone),
    GSI2SK: PROFILE_SORT_KEY,
  };
}

/** The customer in a stored item, without the table's keys. */
export function fromCustomerItem(item: Record<string, unknown>): Customer {
  const fields = Object.entries(item).filter(
    ([name]) => !KEY_ATTRIBUTES.includes(name),
  );

  return Object.fromEntries(fields) as unknown as Customer;
}
