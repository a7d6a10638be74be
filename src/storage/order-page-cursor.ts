/**
 * The cursor of a status listing: base64url of the index key where a page
 * ended (DynamoDB's LastEvaluatedKey on GSI1). It is not signed: it only
 * names a position inside a listing the caller may read anyway. It is
 * checked field by field instead, so a tampered or foreign cursor is an
 * {@link InvalidCursor} here and never reaches DynamoDB as a bad key.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
import { InvalidCursor } from '../orders/model';
import { orderKey } from './order-item';

/** A key of GSI1 with the table key it points to. */
export interface OrderIndexKey {
  PK: string;
  SK: 'ORDER';
  GSI1PK: string;
  GSI1SK: string;
}

/** Longer than any key this table writes; longer input is not decoded. */
const MAX_CURSOR_LENGTH = 1024;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** GSI1SK is `<placedAt>#<orderId>` (see order-item.ts). */
const SORT_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z#([^#]+)$/;

const indexKeySchema = z.strictObject({
  PK: z.string(),
  SK: z.literal('ORDER'),
  GSI1PK: z.string(),
  GSI1SK: z.string().check(z.regex(SORT_KEY)),
});

/**
 * The cursor for the page after the one that ended at `item`, an order
 * item as GSI1 returned it (its other attributes are left out).
 */
export function encodeOrderCursor(item: Record<string, unknown>): string {
  const { PK, SK, GSI1PK, GSI1SK } = item;
  const key = indexKeySchema.parse({ PK, SK, GSI1PK, GSI1SK });

  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The key a cursor holds, if it was issued for the listing `partition`
 * (a GSI1PK). Throws {@link InvalidCursor} otherwise.
 */
export function decodeOrderCursor(
  cursor: string,
  partition: string,
): OrderIndexKey {
  if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) {
    throw new InvalidCursor('not base64url');
  }
  const parsed = indexKeySchema.safeParse(parseJson(cursor));
  if (!parsed.success) throw new InvalidCursor('not an index key');
  const key = parsed.data;
  if (key.GSI1PK !== partition) {
    throw new InvalidCursor('issued for another listing');
  }
  const orderId = SORT_KEY.exec(key.GSI1SK)?.[2] ?? '';
  if (key.PK !== orderKey(orderId).PK) {
    throw new InvalidCursor('table key does not match index key');
  }

  return key;
}

function parseJson(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor('not JSON');
  }
}
