/**
 * What CustomerRepository.update must do, run against each adapter so the
 * staff API behaves the same on the in-memory and the DynamoDB store.
 */
import type { CustomerRepository } from '../../src/customers/model';
import { uniquePhone } from '../orders/order-draft';

/** An adapter under test and the time its clock reports. */
export interface CustomerUpdateSubject {
  customers: CustomerRepository;
  now: string;
}

/** Declares the update tests for the subject `subject()` returns. */
export function describeCustomerUpdateContract(
  subject: () => CustomerUpdateSubject,
): void {
  it('creates a profile with no orders for an unknown number', async () => {
    const { customers, now } = subject();
    const phone = uniquePhone();

    const created = await customers.update(phone, { name: 'Ana' });

    expect(created).toEqual({
      phone,
      name: 'Ana',
      orderCount: 0,
      createdAt: now,
      updatedAt: now,
    });
    expect(await customers.get(phone)).toEqual(created);
  });

  it('changes only the fields given and keeps the rest', async () => {
    const { customers } = subject();
    const phone = uniquePhone();
    await customers.update(phone, {
      name: 'Ana',
      deliveryAddress: '1 Main St',
    });

    const updated = await customers.update(phone, {
      email: 'ana@example.com',
      deliveryAddress: '2 Elm St',
    });

    expect(updated).toMatchObject({
      name: 'Ana',
      email: 'ana@example.com',
      deliveryAddress: '2 Elm St',
      orderCount: 0,
    });
  });
}
