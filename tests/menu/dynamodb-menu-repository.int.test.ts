import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbMenuRepository } from '../../src/storage/dynamodb-menu-repository';
import { itemKey } from '../../src/storage/menu-records';
import { type Menu, MenuItemNotFound } from '../../src/menu/model';
import sampleMenu from '../../src/menu/sample-menu.json';
import { parseMenu, seedMenu } from '../../src/storage/seed-menu';
import { createTestTable, type TestTable } from '../support/dynamodb';

let table: TestTable;
const menu: Menu = parseMenu(sampleMenu);

beforeEach(async () => {
  table = await createTestTable();
  await seedMenu(table.client, table.tableName, menu);
});

afterEach(() => table.dispose());

/** A repository whose clock the test moves by hand. */
function repositoryAt(clock: { now: number }, cacheTtlMs = 5_000) {
  return new DynamoDbMenuRepository({
    ...table,
    cacheTtlMs,
    now: () => clock.now,
  });
}

function availabilityOf(served: Menu, itemId: string): boolean | undefined {
  return served.items.find((item) => item.itemId === itemId)?.available;
}

describe('DynamoDbMenuRepository', () => {
  it('reads back the seeded menu, in keypad order', async () => {
    const served = await repositoryAt({ now: 0 }).getMenu();

    expect(served).toEqual(menu);
  });

  it("serves another instance's change once its cache expires", async () => {
    const clock = { now: 0 };
    const phoneLine = repositoryAt(clock);
    const staff = repositoryAt({ now: 0 });
    await phoneLine.getMenu();

    await staff.setAvailability('cola', false);

    clock.now = 4_999;
    expect(availabilityOf(await phoneLine.getMenu(), 'cola')).toBe(true);
    clock.now = 5_000;
    expect(availabilityOf(await phoneLine.getMenu(), 'cola')).toBe(false);
  });

  it('serves its own change at once', async () => {
    const repository = repositoryAt({ now: 0 });
    await repository.getMenu();

    const sticks = await repository.setAvailability('mozzarella-sticks', true);

    expect(sticks).toEqual({
      ...menu.items.find((item) => item.itemId === 'mozzarella-sticks'),
      available: true,
    });
    const served = await repository.getMenu();
    expect(availabilityOf(served, 'mozzarella-sticks')).toBe(true);
  });

  it('throws MenuItemNotFound for an unknown item and creates nothing', async () => {
    const repository = repositoryAt({ now: 0 });

    const setting = repository.setAvailability('nachos', false);

    await expect(setting).rejects.toThrow(MenuItemNotFound);
    await expect(setting).rejects.toMatchObject({ itemId: 'nachos' });
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.tableName, Key: itemKey('nachos') }),
    );
    expect(Item).toBeUndefined();
  });

  it('reads the table once for callers that arrive together', async () => {
    const repository = repositoryAt({ now: 0 });
    let queries = 0;
    table.client.middlewareStack.add(
      (next, context) => (args) => {
        if (context.commandName === 'QueryCommand') queries += 1;

        return next(args);
      },
      { step: 'initialize', name: 'countQueries' },
    );

    await Promise.all([1, 2, 3].map(() => repository.getMenu()));

    expect(queries).toBe(1);
  });
});

describe('seedMenu', () => {
  it('leaves the same menu when run twice', async () => {
    const before = await table.countItems();

    await seedMenu(table.client, table.tableName, menu);

    expect(await table.countItems()).toBe(before);
    expect(await repositoryAt({ now: 0 }).getMenu()).toEqual(menu);
  });

  it('removes what the new menu no longer has', async () => {
    const smaller: Menu = {
      categories: menu.categories.filter((c) => c.categoryId !== 'drinks'),
      items: menu.items.filter((i) => i.categoryId !== 'drinks'),
    };

    await seedMenu(table.client, table.tableName, smaller);

    expect(await repositoryAt({ now: 0 }).getMenu()).toEqual(smaller);
  });
});
