/**
 * How a customer is laid out in the single table: PK `CUSTOMER#<phone>`,
 * SK `PROFILE`. The order store updates this item in the transaction that
 * places an order, so the key is built here only.
 */
import type { Customer } from '../customers/model';

/** The primary key of a customer item. */
export interface CustomerKey {
  PK: string;
  SK: 'PROFILE';
}

/** A customer as stored. */
export interface CustomerItem extends Customer, CustomerKey {
  entity: 'CUSTOMER';
}

const KEY_ATTRIBUTES = ['PK', 'SK', 'entity'];

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
  };
}

/** The customer in a stored item, without the table's keys. */
export function fromCustomerItem(item: Record<string, unknown>): Customer {
  const fields = Object.entries(item).filter(
    ([name]) => !KEY_ATTRIBUTES.includes(name),
  );

  return Object.fromEntries(fields) as unknown as Customer;
}
