import { InMemoryCustomerRepository } from '../../src/customers/in-memory-customer-repository';
import type { Customer } from '../../src/customers/model';
import { describeCustomerUpdateContract } from './customer-update-contract';

const ana: Customer = {
  phone: '+15550100001',
  name: 'Ana',
  orderCount: 3,
  createdAt: '2030-01-01T18:00:00.000Z',
  updatedAt: '2030-01-03T18:00:00.000Z',
};

describe('InMemoryCustomerRepository', () => {
  const now = '2030-01-01T18:00:05.000Z';
  describeCustomerUpdateContract(() => ({
    customers: new InMemoryCustomerRepository({ clock: () => new Date(now) }),
    now,
  }));

  it('returns the customer put under a phone number', async () => {
    const customers = new InMemoryCustomerRepository();
    await customers.put(ana);

    expect(await customers.get(ana.phone)).toEqual(ana);
  });

  it('knows no one it was not given', async () => {
    const customers = new InMemoryCustomerRepository();

    expect(await customers.get('+15550100002')).toBeUndefined();
  });
});
