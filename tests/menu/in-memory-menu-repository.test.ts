import { InMemoryMenuRepository } from '../../src/menu/in-memory-menu-repository';
import { parseMenu } from '../../src/menu/menu-schema';
import { MenuItemNotFound } from '../../src/menu/model';
import sampleMenu from '../../src/menu/sample-menu.json';

describe('InMemoryMenuRepository', () => {
  const menu = parseMenu(sampleMenu);

  it('serves the menu it was given', async () => {
    expect(await new InMemoryMenuRepository(menu).getMenu()).toEqual(menu);
  });

  it('serves an availability change at once', async () => {
    const repository = new InMemoryMenuRepository(menu);

    const cola = await repository.setAvailability('cola', false);

    expect(cola).toMatchObject({ itemId: 'cola', available: false });
    const served = await repository.getMenu();
    expect(served.items.find((i) => i.itemId === 'cola')?.available).toBe(
      false,
    );
  });

  it('throws MenuItemNotFound for an unknown item', async () => {
    const repository = new InMemoryMenuRepository(menu);

    await expect(repository.setAvailability('nachos', false)).rejects.toThrow(
      MenuItemNotFound,
    );
  });

  it('is not changed by a caller editing the menu it got', async () => {
    const repository = new InMemoryMenuRepository(menu);
    (await repository.getMenu()).items[0]!.available = false;

    expect((await repository.getMenu()).items[0]?.available).toBe(true);
  });
});
