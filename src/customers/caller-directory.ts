import type { CallerDirectory, CallerRecord } from '../call-flow/types';
import type { OrderRepository } from '../orders/model';
import type { CustomerRepository } from './model';

/**
 * Finds who is calling from the customer record and the caller's latest
 * order, read side by side so the greeting waits for one round trip.
 */
export class RepositoryCallerDirectory implements CallerDirectory {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly orders: OrderRepository,
  ) {}

  async lookup(phone: string): Promise<CallerRecord> {
    const [customer, recent] = await Promise.all([
      this.customers.get(phone),
      this.orders.listByCaller(phone, 1),
    ]);

    return { customer, lastOrder: recent[0] };
  }
}
