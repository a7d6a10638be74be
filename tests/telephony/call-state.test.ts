import * as z from 'zod/mini';

import {
  CallStateTooLarge,
  createCallStateCodec,
} from '../../src/telephony/call-state';
import {
  MAX_TRANSACTION_ATTRIBUTE_KEYS,
  MAX_TRANSACTION_ATTRIBUTES_SIZE,
  validateResponse,
} from '../../src/telephony/validate-response';

const orderState = z.object({
  step: z.enum(['MAIN', 'ITEM', 'REVIEW']),
  cart: z.array(z.object({ item: z.string(), quantity: z.int() })),
  tries: z.int().check(z.minimum(0)),
  lastKeys: z.optional(z.string()),
  caller: z.object({ name: z.nullable(z.string()) }),
  confirmed: z.boolean(),
});

type OrderState = z.infer<typeof orderState>;

const midOrder: OrderState = {
  step: 'ITEM',
  cart: [{ item: 'margherita-pizza', quantity: 2 }],
  tries: 1,
  lastKeys: '12',
  caller: { name: null },
  confirmed: false,
};

describe('createCallStateCodec', () => {
  it('reads back the state it wrote', () => {
    // Prepare
    const codec = createCallStateCodec(orderState);

    // Act
    const decoded = codec.decode(codec.encode(midOrder));

    // Assess
    expect(decoded).toEqual(midOrder);
  });

  it('writes one attribute per field: text as is, other values as JSON', () => {
    // Prepare
    const codec = createCallStateCodec(orderState);

    // Act
    const attributes = codec.encode(midOrder);

    // Assess
    expect(attributes).toEqual({
      step: 'ITEM',
      cart: '[{"item":"margherita-pizza","quantity":2}]',
      tries: '1',
      lastKeys: '12',
      caller: '{"name":null}',
      confirmed: 'false',
    });
  });

  it('writes attributes Chime accepts', () => {
    // Prepare
    const codec = createCallStateCodec(orderState, { prefix: 'o.' });

    // Act
    const result = validateResponse({
      SchemaVersion: '1.0',
      Actions: [],
      TransactionAttributes: codec.encode(midOrder),
    });

    // Assess
    expect(result.valid).toBe(true);
  });

  it('puts the prefix before every key', () => {
    // Prepare
    const codec = createCallStateCodec(orderState, { prefix: 'o.' });

    // Act
    const attributes = codec.encode(midOrder);

    // Assess
    expect(Object.keys(attributes)).toEqual([
      'o.step',
      'o.cart',
      'o.tries',
      'o.lastKeys',
      'o.caller',
      'o.confirmed',
    ]);
    expect(codec.decode(attributes)).toEqual(midOrder);
  });

  it('writes no key for a field that is not set', () => {
    // Prepare
    const codec = createCallStateCodec(orderState);
    const state: OrderState = { ...midOrder, lastKeys: undefined };

    // Act
    const attributes = codec.encode(state);

    // Assess
    expect(attributes).not.toHaveProperty('lastKeys');
    expect(codec.decode(attributes)).toEqual({
      step: 'ITEM',
      cart: midOrder.cart,
      tries: 1,
      caller: { name: null },
      confirmed: false,
    });
  });

  it('reads keys that look like JSON back as the text they were', () => {
    // Prepare
    const codec = createCallStateCodec(orderState);
    const state: OrderState = { ...midOrder, lastKeys: '1' };

    // Act
    const decoded = codec.decode(codec.encode(state));

    // Assess
    expect(decoded?.lastKeys).toBe('1');
  });

  it('throws CallStateTooLarge, with the figures, past 20,000 characters', () => {
    // Prepare
    const codec = createCallStateCodec(orderState);
    const state: OrderState = {
      ...midOrder,
      lastKeys: 'x'.repeat(MAX_TRANSACTION_ATTRIBUTES_SIZE),
    };

    // Act
    const act = () => codec.encode(state);

    // Assess
    expect(act).toThrow(CallStateTooLarge);
    // 20,000 characters of keys plus 101 for the other fields and keys.
    expect(act).toThrow(
      expect.objectContaining({ keyCount: 6, size: 20_101 }) as Error,
    );
  });

  it('throws CallStateTooLarge when the state has more than 10 fields', () => {
    // Prepare
    const wide = z.record(z.string(), z.number());
    const codec = createCallStateCodec(wide);
    const state = Object.fromEntries(
      Array.from({ length: MAX_TRANSACTION_ATTRIBUTE_KEYS + 1 }, (_, index) => [
        `f${index}`,
        index,
      ]),
    );

    // Act
    const act = () => codec.encode(state);

    // Assess
    expect(act).toThrow(
      expect.objectContaining({
        name: 'CallStateTooLarge',
        keyCount: 11,
      }) as Error,
    );
  });

  it('reads no state from absent attributes', () => {
    // Prepare
    const codec = createCallStateCodec(orderState);

    // Act
    const decoded = codec.decode(undefined);

    // Assess
    expect(decoded).toBeUndefined();
  });

  it('reads no state from attributes that hold none of its keys', () => {
    // Prepare
    const codec = createCallStateCodec(orderState, { prefix: 'o.' });

    // Act
    const decoded = codec.decode({ 'bot.intent': 'OrderFood' });

    // Assess
    expect(decoded).toBeUndefined();
  });

  it('reads no state from corrupted JSON', () => {
    // Prepare
    const codec = createCallStateCodec(orderState);
    const attributes = { ...codec.encode(midOrder), cart: '[{"item":' };

    // Act
    const decoded = codec.decode(attributes);

    // Assess
    expect(decoded).toBeUndefined();
  });

  it('reads no state written by an older version of the flow', () => {
    // Prepare
    const codec = createCallStateCodec(orderState);
    const attributes = { ...codec.encode(midOrder), step: 'GREETING' };

    // Act
    const decoded = codec.decode(attributes);

    // Assess
    expect(decoded).toBeUndefined();
  });

  it('reads no state when a required field is missing', () => {
    // Prepare
    const codec = createCallStateCodec(orderState);
    const attributes: Record<string, string> = codec.encode(midOrder);
    delete attributes.tries;

    // Act
    const decoded = codec.decode(attributes);

    // Assess
    expect(decoded).toBeUndefined();
  });

  it('ignores attributes of other prefixes and fields it does not know', () => {
    // Prepare
    const strict = z.strictObject({ step: z.string(), tries: z.number() });
    const codec = createCallStateCodec(strict, { prefix: 'o.' });
    const attributes = {
      'o.step': 'MAIN',
      'o.tries': '0',
      'o.retired': 'true',
      'bot.intent': 'OrderFood',
      language: 'en-US',
    };

    // Act
    const decoded = codec.decode(attributes);

    // Assess
    expect(decoded).toEqual({ step: 'MAIN', tries: 0 });
  });

  it('reads a state described by a union of shapes', () => {
    // Prepare
    const union = z.discriminatedUnion('step', [
      z.object({ step: z.literal('MAIN'), tries: z.number() }),
      z.object({ step: z.literal('ITEM'), item: z.string() }),
    ]);
    const codec = createCallStateCodec(union);

    // Act
    const decoded = codec.decode(codec.encode({ step: 'ITEM', item: '42' }));

    // Assess
    expect(decoded).toEqual({ step: 'ITEM', item: '42' });
  });
});

describe('CallStateTooLarge', () => {
  it('says how large the state is and what fits', () => {
    // Act
    const error = new CallStateTooLarge(20_500, 4);

    // Assess
    expect(error.message).toBe(
      'call state needs 4 keys and 20500 characters; ' +
        'TransactionAttributes allow 10 keys and 20000 characters',
    );
  });
});
