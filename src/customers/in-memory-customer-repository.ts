/** A {@link CustomerRepository} in memory, for tests and the call flow. */
import type { Customer, CustomerChanges, CustomerRepository } from './model';

/** Constructor arguments of {@link InMemoryCustomerRepository}. */
export interface InMemoryCustomerRepositoryOptions {
  /** Stamps created and updated profiles. Default: the system clock. */
  clock?: () => Date;
}

/** Customers in a Map keyed by phone number; reads return copies. */
export class InMemoryCustomerRepository implements CustomerRepository {
  private readonly customers = new Map<string, Customer>();
  private readonly clock: () => Date;

  constructor(options: InMemoryCustomerRepositoryOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
  }

  get(phone: string): Promise<Customer | undefined> {
    const customer = this.customers.get(phone);

    return Promise.resolve(customer && structuredClone(customer));
  }

  update(phone: string, changes: CustomerChanges): Promise<Customer> {
    const now = this.clock().toISOString();
    const current = this.customers.get(phone);
    const updated: Customer = {
      orderCount: 0,
      createdAt: now,
      ...current,
      ...definedFields(changes),
      phone,
      updatedAt: now,
    };
    this.customers.set(phone, updated);

    return Promise.resolve(structuredClone(updated));
  }

  /** Stores or replaces a customer (test setup, and the order store). */
  put(customer: Customer): Promise<void> {
    this.customers.set(customer.phone, structuredClone(customer));

    return Promise.resolve();
  }
}

/** The changes actually given: an absent field must not erase one. */
function definedFields(changes: CustomerChanges): CustomerChanges {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  );
}
