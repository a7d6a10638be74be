import { InMemoryOrderRepository } from '../../src/orders/in-memory-order-repository';
import { describeOrderRepositoryContract } from './order-repository-contract';

const now = '2030-01-01T18:00:05.000Z';

describe('InMemoryOrderRepository', () => {
  const orders = new InMemoryOrderRepository({ clock: () => new Date(now) });

  describeOrderRepositoryContract(() => ({
    orders,
    customers: orders.customers,
    now,
    setStatus: async (order, status) => {
      await orders.put({ ...order, status, version: order.version + 1 });
    },
  }));
});
