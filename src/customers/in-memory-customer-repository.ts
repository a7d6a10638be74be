/** A {@link CustomerRepository} in memory, for tests and the call flow. */
import type { Customer, CustomerRepository } from './model';

/** Customers in a Map keyed by phone number; reads return copies. */
export class InMemoryCustomerRepository implements CustomerRepository {
  private readonly customers = new Map<string, Customer>();

  get(phone: string): Promise<Customer | undefined> {
    const customer = this.customers.get(phone);

    return Promise.resolve(customer && structuredClone(customer));
  }

  /** Stores or replaces a customer (test setup, and the order store). */
  put(customer: Customer): Promise<void> {
    this.customers.set(customer.phone, structuredClone(customer));

    return Promise.resolve();
  }
}
