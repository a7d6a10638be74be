/**
 * Hands the DynamoDB Local started by the global setup to the global
 * teardown. Jest runs both in its main process, sharing `globalThis`.
 */
import type { DynamoDbLocal } from '../../src/local/dynamodb-local';

const HANDLE = Symbol.for('phone-orders.dynamodb-local');

type WithHandle = typeof globalThis & { [HANDLE]?: DynamoDbLocal };

/** Keeps the running instance for {@link takeDynamoDbLocal}. */
export function rememberDynamoDbLocal(local: DynamoDbLocal): void {
  (globalThis as WithHandle)[HANDLE] = local;
}

/** The instance the setup started, if any; forgets it. */
export function takeDynamoDbLocal(): DynamoDbLocal | undefined {
  const holder = globalThis as WithHandle;
  const local = holder[HANDLE];
  holder[HANDLE] = undefined;

  return local;
}
