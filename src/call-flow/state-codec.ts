import { createCallStateCodec } from '../telephony/call-state';
import { callStateSchema, type CallState } from './state';

const codec = createCallStateCodec(callStateSchema);

/** The call state as TransactionAttributes, one key per field. */
export function encodeCallState(state: CallState): Record<string, string> {
  return codec.encode(state);
}

/** The call state carried by an event, or undefined if absent or unreadable. */
export function decodeCallState(
  attributes: Record<string, string> | undefined,
): CallState | undefined {
  return codec.decode(attributes);
}
