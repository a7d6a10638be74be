/**
 * The menu on DynamoDB, read with one Query of the MENU partition and kept
 * in memory: a call asks for the menu at every step, and staff marking an
 * item sold out must still be heard within seconds by the next caller. A
 * reader that can live with an older copy (a call already under way, whose
 * order is checked against the stored items when it is placed) asks for
 * one with {@link MenuFreshness}.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  fromItemRecord,
  fromMenuRecords,
  itemKey,
  MENU_PARTITION,
} from './menu-records';
import {
  type Menu,
  type MenuFreshness,
  type MenuItem,
  MenuItemNotFound,
  type MenuRepository,
} from '../menu/model';

/** Constructor arguments of {@link DynamoDbMenuRepository}. */
export interface DynamoDbMenuRepositoryOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** How long a read menu is served by default. Default 5000 ms. */
  cacheTtlMs?: number;
  /** Milliseconds since the epoch. Default: `Date.now`. */
  now?: () => number;
}

const DEFAULT_CACHE_TTL_MS = 5_000;

/** {@link MenuRepository} on the single table, with a short cache. */
export class DynamoDbMenuRepository implements MenuRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly cacheTtlMs: number;
  private readonly now: () => number;
  private cached: { menu: Menu; readAt: number } | undefined;
  /** One read at a time, shared by the calls that arrive meanwhile. */
  private reading: Promise<Menu> | undefined;
  /** Bumped by every write, so a read that began before it is not cached. */
  private generation = 0;

  constructor(options: DynamoDbMenuRepositoryOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.cacheTtlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** The menu, categories and items in keypad order. */
  async getMenu(freshness: MenuFreshness = {}): Promise<Menu> {
    const maxAgeMs = freshness.maxAgeMs ?? this.cacheTtlMs;
    if (this.cached && this.now() - this.cached.readAt < maxAgeMs) {
      return structuredClone(this.cached.menu);
    }
    this.reading ??= this.readAndCache();

    return structuredClone(await this.reading);
  }

  /**
   * Marks an item available or sold out, and forgets the cached menu so
   * that this instance serves the change at once; other instances serve it
   * when their cache expires.
   */
  async setAvailability(itemId: string, available: boolean): Promise<MenuItem> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: itemKey(itemId),
          UpdateExpression: 'SET available = :available',
          // Never create a half item from a mistyped id.
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':available': available },
          ReturnValues: 'ALL_NEW',
        }),
      );

      return fromItemRecord(Attributes ?? {});
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new MenuItemNotFound(itemId);
      }
      throw error;
    } finally {
      // After the write, not before: a read that started during it may
      // hold the old value, and forget() keeps that read out of the cache.
      this.forget();
    }
  }

  private forget(): void {
    this.cached = undefined;
    this.reading = undefined;
    this.generation += 1;
  }

  private async readAndCache(): Promise<Menu> {
    const generation = this.generation;
    const readAt = this.now();
    try {
      const menu = fromMenuRecords(await this.readPartition());
      if (generation === this.generation) this.cached = { menu, readAt };

      return menu;
    } finally {
      if (generation === this.generation) this.reading = undefined;
    }
  }

  private async readPartition(): Promise<Record<string, unknown>[]> {
    const records: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :menu',
          ExpressionAttributeValues: { ':menu': MENU_PARTITION },
          // Strongly consistent, so a change made here is read back at once.
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      records.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);

    return records;
  }
}
