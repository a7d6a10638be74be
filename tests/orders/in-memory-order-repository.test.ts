import { InMemoryMenuRepository } from '../../src/menu/in-memory-menu-repository';
import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';
import { InMemoryOrderRepository } from '../../src/orders/in-memory-order-repository';
import { describeOrderRepositoryContract } from './order-repository-contract';

const now = '2030-01-01T18:00:05.000Z';

describe('InMemoryOrderRepository', () => {
  const menu = new InMemoryMenuRepository(parseMenu(sampleMenu));
  const orders = new InMemoryOrderRepository({
    clock: () => new Date(now),
    menu,
  });

  describeOrderRepositoryContract(() => ({
    orders,
    menu,
    customers: orders.customers,
    now,
    setStatus: async (order, status) => {
      await orders.put({ ...order, status, version: order.version + 1 });
    },
  }));
});
