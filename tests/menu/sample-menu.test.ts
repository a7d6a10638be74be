import { InvalidMenu, menuSchema, parseMenu } from '../../src/menu/menu-schema';
import type { Menu } from '../../src/menu/model';
import sampleMenu from '../../src/menu/sample-menu.json';

/** The sample menu, parsed, to break one thing at a time. */
function validMenu(): Menu {
  return parseMenu(structuredClone(sampleMenu));
}

function problemsWith(menu: unknown): string {
  try {
    parseMenu(menu);
  } catch (error) {
    if (error instanceof InvalidMenu) return error.message;
    throw error;
  }

  throw new Error('the menu was accepted');
}

describe('the sample menu', () => {
  it('passes the menu schema', () => {
    expect(menuSchema.safeParse(sampleMenu).error).toBeUndefined();
  });

  it('has pizzas, sides and drinks on keys 1 to 3, with 3 or 4 items each', () => {
    const menu = validMenu();

    expect(menu.categories.map((c) => [c.keypadOrder, c.name])).toEqual([
      [1, 'Pizzas'],
      [2, 'Sides'],
      [3, 'Drinks'],
    ]);
    for (const { categoryId } of menu.categories) {
      const keys = menu.items
        .filter((item) => item.categoryId === categoryId)
        .map((item) => item.keypadOrder);
      expect([3, 4]).toContain(keys.length);
      expect(keys).toEqual(keys.map((_, index) => index + 1));
    }
  });

  it('sells every pizza medium or large, "family size" meaning large', () => {
    const pizzas = validMenu().items.filter((i) => i.categoryId === 'pizzas');

    for (const pizza of pizzas) {
      expect(pizza.sizes?.map((s) => s.name)).toEqual(['Medium', 'Large']);
      expect(pizza.sizes?.[1]?.synonyms).toContain('family size');
    }
  });

  it('ships exactly one side that is sold out', () => {
    const soldOut = validMenu().items.filter((item) => !item.available);

    expect(soldOut.map((item) => item.categoryId)).toEqual(['sides']);
  });

  it('knows "coke" and "pop" as cola', () => {
    const cola = validMenu().items.find((item) => item.itemId === 'cola');

    expect(cola?.synonyms).toEqual(expect.arrayContaining(['coke', 'pop']));
  });
});

describe('parseMenu', () => {
  it('rejects a price in fractions of a cent, naming the field', () => {
    const menu = validMenu();
    menu.items[0]!.priceCents = 12.99;

    expect(problemsWith(menu)).toContain(
      'a price is a whole number of cents\n  → at items[0].priceCents',
    );
  });

  it('rejects a price of zero', () => {
    const menu = validMenu();
    menu.items[4]!.priceCents = 0;

    expect(problemsWith(menu)).toContain(
      'a price is more than zero cents\n  → at items[4].priceCents',
    );
  });

  it('rejects two items on the same key of a category', () => {
    const menu = validMenu();
    menu.items[1]!.keypadOrder = 1;

    expect(problemsWith(menu)).toContain(
      'key 1 is used twice in category "pizzas"',
    );
  });

  it('rejects a key a caller cannot press', () => {
    const menu = validMenu();
    menu.items[2]!.keypadOrder = 10;

    expect(problemsWith(menu)).toContain(
      'a keypad key is a digit from 1 to 9\n  → at items[2].keypadOrder',
    );
  });

  it('rejects an item id used twice', () => {
    const menu = validMenu();
    menu.items[9]!.itemId = 'cola';

    expect(problemsWith(menu)).toContain('itemId "cola" is used twice');
  });

  it('rejects a category id used twice', () => {
    const menu = validMenu();
    menu.categories[2]!.categoryId = 'sides';

    expect(problemsWith(menu)).toContain('categoryId "sides" is used twice');
  });

  it('rejects an item in a category the menu does not have', () => {
    const menu = validMenu();
    menu.items[0]!.categoryId = 'desserts';

    expect(problemsWith(menu)).toContain('no category "desserts"');
  });

  it('rejects a synonym that already names another item', () => {
    const menu = validMenu();
    menu.items[10]!.synonyms = ['coke'];

    expect(problemsWith(menu)).toContain('"coke" already names item "cola"');
  });

  it('rejects a misspelt field rather than ignoring it', () => {
    const menu = { ...validMenu(), extra: true };

    expect(problemsWith(menu)).toMatch(/extra/);
  });

  it('says which menu is invalid in the message', () => {
    expect(problemsWith({})).toMatch(/^invalid menu:\n/);
  });
});
