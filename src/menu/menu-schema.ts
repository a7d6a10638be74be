/**
 * Validates a menu before it is seeded or served: shapes, prices in whole
 * positive cents, unique ids, and keypad keys a caller can press (1 to 9,
 * one entry per key within a category).
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
import type { Menu } from './model';

// Ids end up in sort keys (`ITEM#<itemId>`): no `#`, no spaces.
const id = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]+$/, 'use only letters, digits, - and _'));
const cents = z
  .number()
  .check(
    z.int('a price is a whole number of cents'),
    z.positive('a price is more than zero cents'),
  );
const KEYPAD_KEY_RULE = 'a keypad key is a digit from 1 to 9';
const keypadKey = z
  .number()
  .check(
    z.int(KEYPAD_KEY_RULE),
    z.minimum(1, KEYPAD_KEY_RULE),
    z.maximum(9, KEYPAD_KEY_RULE),
  );
const nonEmptyText = z.string().check(z.minLength(1));
const synonyms = z.optional(z.array(nonEmptyText));

const sizeSchema = z.strictObject({
  sizeId: id,
  name: nonEmptyText,
  priceCents: cents,
  synonyms,
});

const itemSchema = z.strictObject({
  itemId: id,
  categoryId: id,
  name: nonEmptyText,
  keypadOrder: keypadKey,
  priceCents: cents,
  sizes: z.optional(z.array(sizeSchema).check(z.minLength(1))),
  available: z.boolean(),
  synonyms,
});

const categorySchema = z.strictObject({
  categoryId: id,
  name: nonEmptyText,
  keypadOrder: keypadKey,
});

type MenuShape = z.infer<typeof shapeSchema>;
type Issues = z.core.$RefinementCtx<MenuShape>;

const shapeSchema = z.strictObject({
  categories: z.array(categorySchema).check(z.minLength(1)),
  items: z.array(itemSchema).check(z.minLength(1)),
});

/** A menu as the seed file and the table hold it. */
export const menuSchema = shapeSchema.check(
  z.superRefine((menu, issues) => {
    checkCategories(menu, issues);
    checkItems(menu, issues);
    checkSynonyms(menu, issues);
  }),
);

/** Thrown when a menu does not pass {@link menuSchema}. */
export class InvalidMenu extends Error {
  constructor(readonly details: string) {
    super(`invalid menu:\n${details}`);
    this.name = 'InvalidMenu';
  }
}

/** Validates `input` as a menu; throws {@link InvalidMenu} listing why not. */
export function parseMenu(input: unknown): Menu {
  const parsed = menuSchema.safeParse(input);
  if (!parsed.success) throw new InvalidMenu(z.prettifyError(parsed.error));

  return parsed.data;
}

/** Calls `report` for each entry whose `key` an earlier entry has. */
function reportRepeats<T>(
  entries: T[],
  key: (entry: T) => string,
  report: (entry: T, index: number, value: string) => void,
): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const value = key(entry);
    if (seen.has(value)) report(entry, index, value);
    seen.add(value);
  });
}

function checkCategories(menu: MenuShape, issues: Issues): void {
  reportRepeats(
    menu.categories,
    (c) => c.categoryId,
    (_, index, value) => {
      issues.addIssue({
        code: 'custom',
        path: ['categories', index, 'categoryId'],
        message: `categoryId "${value}" is used twice`,
      });
    },
  );
  reportRepeats(
    menu.categories,
    (c) => String(c.keypadOrder),
    (c, index) => {
      issues.addIssue({
        code: 'custom',
        path: ['categories', index, 'keypadOrder'],
        message: `key ${c.keypadOrder} already opens another category`,
      });
    },
  );
}

function checkItems(menu: MenuShape, issues: Issues): void {
  const categoryIds = new Set(menu.categories.map((c) => c.categoryId));
  menu.items.forEach((item, index) => {
    if (!categoryIds.has(item.categoryId)) {
      issues.addIssue({
        code: 'custom',
        path: ['items', index, 'categoryId'],
        message: `no category "${item.categoryId}"`,
      });
    }
    checkSizes(item, index, issues);
  });
  reportRepeats(
    menu.items,
    (item) => item.itemId,
    (_, index, value) => {
      issues.addIssue({
        code: 'custom',
        path: ['items', index, 'itemId'],
        message: `itemId "${value}" is used twice`,
      });
    },
  );
  reportRepeats(
    menu.items,
    (item) => `${item.categoryId}#${item.keypadOrder}`,
    (item, index) => {
      issues.addIssue({
        code: 'custom',
        path: ['items', index, 'keypadOrder'],
        message: `key ${item.keypadOrder} is used twice in category "${item.categoryId}"`,
      });
    },
  );
}

function checkSizes(
  item: MenuShape['items'][number],
  itemIndex: number,
  issues: Issues,
): void {
  reportRepeats(
    item.sizes ?? [],
    (size) => size.sizeId,
    (_, index, value) => {
      issues.addIssue({
        code: 'custom',
        path: ['items', itemIndex, 'sizes', index, 'sizeId'],
        message: `sizeId "${value}" is used twice in item "${item.itemId}"`,
      });
    },
  );
}

/**
 * A word a caller says must point to one item: a synonym shared by two
 * items, or equal to another item's name, would make the bot guess.
 */
function checkSynonyms(menu: MenuShape, issues: Issues): void {
  const owner = new Map<string, string>();
  menu.items.forEach((item) => owner.set(item.name.toLowerCase(), item.itemId));
  menu.items.forEach((item, index) => {
    (item.synonyms ?? []).forEach((word, wordIndex) => {
      const taken = owner.get(word.toLowerCase());
      if (taken !== undefined && taken !== item.itemId) {
        issues.addIssue({
          code: 'custom',
          path: ['items', index, 'synonyms', wordIndex],
          message: `"${word}" already names item "${taken}"`,
        });
      }
      owner.set(word.toLowerCase(), item.itemId);
    });
  });
}
