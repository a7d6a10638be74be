import { InvalidCursor } from '../../src/orders/model';
import {
  decodeOrderCursor,
  encodeOrderCursor,
} from '../../src/storage/order-page-cursor';

const partition = 'STATUS#2030-01-05#PLACED';
const lastItem = {
  PK: 'ORDER#8c0f6a52-order',
  SK: 'ORDER',
  GSI1PK: partition,
  GSI1SK: '2030-01-05T18:00:00.000Z#8c0f6a52-order',
  GSI2PK: 'CALLER#+15550100000',
  status: 'PLACED',
  callerNumber: '+15550100000',
};

const encode = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

const { PK, SK, GSI1PK, GSI1SK } = lastItem;
const indexKey = { PK, SK, GSI1PK, GSI1SK };

describe('the order page cursor', () => {
  it('decodes to the index key of the item it was made from', () => {
    const cursor = encodeOrderCursor(lastItem);

    expect(decodeOrderCursor(cursor, partition)).toEqual(indexKey);
  });

  it('carries only the keys, never the order or the caller', () => {
    const cursor = encodeOrderCursor(lastItem);

    expect(Buffer.from(cursor, 'base64url').toString()).not.toContain('+1555');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['not base64url', 'abc$%^'],
    ['not JSON', encode('x').slice(1)],
    ['a JSON string', encode('ORDER#1')],
    ['a key with a field missing', encode({ PK, SK, GSI1PK })],
    ['a key with an extra field', encode({ ...indexKey, GSI2PK: 'x' })],
    ['a key of another listing', encode({ ...indexKey, GSI1PK: 'STATUS#x' })],
    ['a sort key without a time', encode({ ...indexKey, GSI1SK: 'x#y' })],
    ['a table key of another order', encode({ ...indexKey, PK: 'ORDER#z' })],
    ['a number as the key', encode({ ...indexKey, PK: 7 })],
    ['an overlong cursor', 'A'.repeat(2000)],
  ])('refuses %s', (_, cursor) => {
    expect(() => decodeOrderCursor(cursor, partition)).toThrow(InvalidCursor);
  });
});
