/**
 * The delivery ports in memory, for tests: claims with the DynamoDB
 * adapter's rules (a send in progress holds its claim until its lock
 * runs out) and a ledger that records each message once.
 */
import type {
  Claim,
  DeliveryClaims,
  DeliveryKey,
  SendLedger,
  SendRecord,
} from './ports';

type ClaimState =
  | { state: 'sending'; lockedUntil: number }
  | { state: 'sent'; record: SendRecord };

/** The name of a message's claim and ledger entry. */
export function deliveryName(key: DeliveryKey): string {
  return `${key.eventId}#${key.channel}`;
}

/** {@link DeliveryClaims} in a Map. */
export class InMemoryDeliveryClaims implements DeliveryClaims {
  private readonly claims = new Map<string, ClaimState>();

  constructor(
    private readonly options: { clock?: () => Date; lockSeconds?: number } = {},
  ) {}

  claim(key: DeliveryKey): Promise<Claim> {
    const now = this.now();
    const current = this.claims.get(deliveryName(key));
    if (current?.state === 'sent') {
      return Promise.resolve({ kind: 'sent', record: current.record });
    }
    if (current !== undefined && current.lockedUntil > now) {
      return Promise.resolve({ kind: 'in-progress' });
    }
    const lockMs = (this.options.lockSeconds ?? 30) * 1000;
    this.claims.set(deliveryName(key), {
      state: 'sending',
      lockedUntil: now + lockMs,
    });

    return Promise.resolve({ kind: 'claimed' });
  }

  markSent(key: DeliveryKey, record: SendRecord): Promise<void> {
    this.claims.set(deliveryName(key), { state: 'sent', record });

    return Promise.resolve();
  }

  release(key: DeliveryKey): Promise<void> {
    if (this.claims.get(deliveryName(key))?.state === 'sending') {
      this.claims.delete(deliveryName(key));
    }

    return Promise.resolve();
  }

  private now(): number {
    return (this.options.clock?.() ?? new Date()).getTime();
  }
}

/** {@link SendLedger} in memory: the records of each order. */
export class InMemorySendLedger implements SendLedger {
  private readonly byOrder = new Map<string, Map<string, SendRecord>>();

  record(key: DeliveryKey, record: SendRecord): Promise<void> {
    const records =
      this.byOrder.get(key.orderId) ?? new Map<string, SendRecord>();
    if (!records.has(deliveryName(key))) {
      records.set(deliveryName(key), record);
    }
    this.byOrder.set(key.orderId, records);

    return Promise.resolve();
  }

  /** The sends recorded on an order, oldest first. */
  recordsOf(orderId: string): SendRecord[] {
    return [...(this.byOrder.get(orderId)?.values() ?? [])];
  }
}
