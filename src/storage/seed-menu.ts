/**
 * Writes a menu into the MENU partition. Running it twice changes nothing;
 * categories and items no longer on the menu are deleted, so a menu edited
 * between two seeds never leaves a dish callers can still order.
 */
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDbMenuRepository } from './dynamodb-menu-repository';
import {
  categoryKey,
  itemKey,
  type MenuRecordKey,
  toMenuRecords,
} from './menu-records';
import type { Menu } from '../menu/model';

export { menuSchema, parseMenu } from '../menu/menu-schema';

type WriteRequest = NonNullable<
  BatchWriteCommandInput['RequestItems']
>[string][number];

/** BatchWriteItem takes at most 25 writes. */
const BATCH_SIZE = 25;
const MAX_ATTEMPTS = 8;

/**
 * Makes the table's MENU partition hold exactly `menu` (validate it first
 * with `parseMenu`). Availability is written as the menu says, so seeding
 * resets items staff marked sold out.
 */
export async function seedMenu(
  client: DynamoDBDocumentClient,
  tableName: string,
  menu: Menu,
): Promise<void> {
  const puts = toMenuRecords(menu).map((Item): WriteRequest => ({
    PutRequest: { Item },
  }));
  const deletes = (await staleKeys(client, tableName, menu)).map(
    (Key): WriteRequest => ({ DeleteRequest: { Key } }),
  );
  const writes = [...puts, ...deletes];

  for (let start = 0; start < writes.length; start += BATCH_SIZE) {
    const batch = writes.slice(start, start + BATCH_SIZE);
    await writeBatch(client, tableName, batch);
  }
}

/** Keys of the stored categories and items that `menu` no longer has. */
async function staleKeys(
  client: DynamoDBDocumentClient,
  tableName: string,
  menu: Menu,
): Promise<MenuRecordKey[]> {
  const stored = await new DynamoDbMenuRepository({
    client,
    tableName,
  }).getMenu();
  const categoryIds = new Set(menu.categories.map((c) => c.categoryId));
  const itemIds = new Set(menu.items.map((i) => i.itemId));

  return [
    ...stored.categories
      .filter((c) => !categoryIds.has(c.categoryId))
      .map((c) => categoryKey(c.categoryId)),
    ...stored.items
      .filter((i) => !itemIds.has(i.itemId))
      .map((i) => itemKey(i.itemId)),
  ];
}

/** Writes one batch, resending what DynamoDB left unprocessed. */
async function writeBatch(
  client: DynamoDBDocumentClient,
  tableName: string,
  batch: WriteRequest[],
): Promise<void> {
  let pending = batch;
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    if (attempt > MAX_ATTEMPTS) {
      throw new Error(
        `seeding the menu: ${pending.length} writes still unprocessed ` +
          `after ${MAX_ATTEMPTS} attempts`,
      );
    }
    if (attempt > 1) await sleep(50 * 2 ** attempt);

    const { UnprocessedItems } = await client.send(
      new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
    );
    pending = UnprocessedItems?.[tableName] ?? [];
  }
}
