import * as z from 'zod/mini';

import {
  MAX_TRANSACTION_ATTRIBUTE_KEYS,
  MAX_TRANSACTION_ATTRIBUTES_SIZE,
  transactionAttributesSize,
} from './validate-response';

/**
 * Where the IVR keeps what it knows about a call between invocations.
 *
 * Chime hands every invocation the TransactionAttributes that the previous
 * response set, so the call carries its own state: a call in progress costs
 * no database read or write until the order is committed, and a retried
 * invocation (Chime invokes again after 5 s) sees the same state as the
 * first try. The price is the attributes' limits (10 keys, 20,000
 * characters), hence one key per top-level field rather than one per value.
 */

/**
 * Thrown by {@link CallStateCodec.encode} when a state would not fit in
 * TransactionAttributes. Chime would refuse the whole response, so the
 * caller learns it here, with the figures, instead of from a silent call.
 */
export class CallStateTooLarge extends Error {
  constructor(
    readonly size: number,
    readonly keyCount: number,
  ) {
    super(
      `call state needs ${keyCount} keys and ${size} characters; ` +
        `TransactionAttributes allow ${MAX_TRANSACTION_ATTRIBUTE_KEYS} keys ` +
        `and ${MAX_TRANSACTION_ATTRIBUTES_SIZE} characters`,
    );
    this.name = 'CallStateTooLarge';
  }
}

/** Reads and writes one kind of call state as TransactionAttributes. */
export interface CallStateCodec<S> {
  /**
   * The attributes to return with the response. Send the whole encoded
   * state every time: Chime replaces the attributes when the key set
   * changes, and an absent optional field has no key.
   */
  encode(state: S): Record<string, string>;
  /**
   * The state the attributes carry, or undefined when they carry none or
   * one the schema rejects (corrupted, or written by an older version of
   * the flow). Undefined means: start the flow again; never crash a call.
   */
  decode(attributes: Record<string, string> | undefined): S | undefined;
}

export interface CallStateCodecOptions {
  /**
   * Put before every field name to form the attribute key, so that other
   * attributes on the same call are left alone. Defaults to none.
   */
  prefix?: string;
}

/**
 * Builds a codec for a state object described by `schema`. Each top-level
 * field becomes one attribute: a string as is, anything else as JSON, and an
 * undefined field not at all. Attributes outside the prefix, and fields an
 * object schema does not name, are ignored on decoding.
 *
 * Strings are stored as is to keep attributes readable and short, so a
 * field that accepts both a string and another value is read back as the
 * other value when its text is valid JSON: a nullable string holding the
 * text "null" comes back as null. Give each field one kind of value, and use
 * schemas without transforms (the encoded state is parsed again as input).
 */
export function createCallStateCodec<S extends object>(
  schema: z.ZodMiniType<S>,
  options: CallStateCodecOptions = {},
): CallStateCodec<S> {
  const prefix = options.prefix ?? '';
  const fields =
    schema instanceof z.ZodMiniObject
      ? new Set(Object.keys(schema.shape))
      : undefined;

  return {
    encode: (state) => encodeState(state, prefix),
    decode: (attributes) =>
      attributes === undefined
        ? undefined
        : decodeState(schema, readOwnAttributes(attributes, prefix, fields)),
  };
}

function encodeState(state: object, prefix: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [field, value] of Object.entries(
    state as Record<string, unknown>,
  )) {
    if (value === undefined) continue;
    attributes[prefix + field] =
      typeof value === 'string' ? value : JSON.stringify(value);
  }

  const keyCount = Object.keys(attributes).length;
  const size = transactionAttributesSize(attributes);
  if (
    keyCount > MAX_TRANSACTION_ATTRIBUTE_KEYS ||
    size > MAX_TRANSACTION_ATTRIBUTES_SIZE
  ) {
    throw new CallStateTooLarge(size, keyCount);
  }

  return attributes;
}

/** The attributes this codec wrote, by field name, as stored. */
function readOwnAttributes(
  attributes: Record<string, string>,
  prefix: string,
  fields: Set<string> | undefined,
): Map<string, string> {
  const own = new Map<string, string>();
  for (const [key, text] of Object.entries(attributes)) {
    if (!key.startsWith(prefix)) continue;
    const field = key.slice(prefix.length);
    if (field === '' || (fields !== undefined && !fields.has(field))) continue;
    own.set(field, text);
  }

  return own;
}

function decodeState<S>(
  schema: z.ZodMiniType<S>,
  stored: Map<string, string>,
): S | undefined {
  if (stored.size === 0) return undefined;

  const candidate: Record<string, unknown> = {};
  for (const [field, text] of stored) candidate[field] = readValue(text);
  const first = schema.safeParse(candidate);
  if (first.success) return first.data;

  // A text field whose text reads as JSON ("1", "true") was offered as the
  // parsed value and failed: offer those fields again as the stored text.
  let retry = false;
  for (const issue of first.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string') continue;
    const text = stored.get(field);
    if (text === undefined || candidate[field] === text) continue;
    candidate[field] = text;
    retry = true;
  }
  if (!retry) return undefined;
  const second = schema.safeParse(candidate);

  return second.success ? second.data : undefined;
}

/** JSON when the text is JSON of something other than a string. */
function readValue(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);

    return typeof value === 'string' ? text : value;
  } catch {
    return text;
  }
}
