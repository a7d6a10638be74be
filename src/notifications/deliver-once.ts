/**
 * Exactly once as the customer sees it. Events arrive at least once (the
 * stream, PutEvents retries and EventBridge may all repeat one), so every
 * message is sent under an idempotency record named by the event and the
 * channel:
 *
 *   claim ──claimed──> send ──ok──> mark sent ──> record on the order
 *     │                  └─failed─> release, throw (a retry sends again)
 *     ├──sent────> record on the order (idempotent), send nothing
 *     └──in progress──> wait a little for the other delivery, then as
 *                       above; still sending: throw, to be retried later
 *
 * The window left: a send the provider accepted, then a crash before
 * "mark sent". The claim then lapses after its lock and the retry sends a
 * second message. No provider API offers a way to close it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  Channel,
  Claim,
  DeliveryClaims,
  DeliveryKey,
  Log,
  SendLedger,
  SendRecord,
  SentMessage,
} from './ports';

/** Thrown while another delivery of the same event is still sending. */
export class DeliveryInProgress extends Error {
  constructor(readonly key: DeliveryKey) {
    super(
      `${key.channel} for event ${key.eventId} is being sent by another ` +
        'delivery; try again later',
    );
    this.name = 'DeliveryInProgress';
  }
}

/** One message to deliver. */
export interface Delivery {
  eventId: string;
  orderId: string;
  channel: Channel;
  template: string;
  send: () => Promise<SentMessage>;
}

/** How long a duplicate waits for a delivery of the same event. */
export interface InProgressWait {
  /** Claim attempts, the first included. */
  attempts: number;
  delayMs: number;
}

/** What delivering needs. */
export interface DeliveryDependencies {
  claims: DeliveryClaims;
  ledger: SendLedger;
  clock: () => Date;
  log: Log;
  /** Default: 5 attempts 200 ms apart, as a send takes well under 1 s. */
  inProgressWait?: InProgressWait;
}

const DEFAULT_WAIT: InProgressWait = { attempts: 5, delayMs: 200 };

/** `sent` now, or a `duplicate` of a message sent before. */
export type DeliveryOutcome = 'sent' | 'duplicate';

/**
 * Sends the message unless it was sent before. Throws what the send threw
 * (after releasing the claim) and {@link DeliveryInProgress}.
 */
export async function deliverOnce(
  delivery: Delivery,
  dependencies: DeliveryDependencies,
): Promise<DeliveryOutcome> {
  const key: DeliveryKey = {
    eventId: delivery.eventId,
    channel: delivery.channel,
    orderId: delivery.orderId,
  };
  const claim = await claimWhenSettled(key, dependencies);
  if (claim.kind === 'in-progress') throw new DeliveryInProgress(key);
  if (claim.kind === 'sent') {
    // A crash may have come between sending and recording: record now.
    await dependencies.ledger.record(key, claim.record);
    dependencies.log.info('duplicate event, nothing sent', fieldsOf(delivery));

    return 'duplicate';
  }

  const record = await sendClaimed(delivery, key, dependencies);
  await dependencies.claims.markSent(key, record);
  await dependencies.ledger.record(key, record);
  dependencies.log.info('notification sent', {
    ...fieldsOf(delivery),
    messageId: record.messageId,
  });

  return 'sent';
}

/**
 * Duplicates tend to arrive together: one delivering while the other
 * claims. Waiting briefly for the first to finish spares a failed
 * invocation and a retry minutes later.
 */
async function claimWhenSettled(
  key: DeliveryKey,
  dependencies: DeliveryDependencies,
): Promise<Claim> {
  const { attempts, delayMs } = dependencies.inProgressWait ?? DEFAULT_WAIT;
  for (let attempt = 1; ; attempt += 1) {
    const claim = await dependencies.claims.claim(key);
    if (claim.kind !== 'in-progress' || attempt >= attempts) return claim;
    await sleep(delayMs);
  }
}

async function sendClaimed(
  delivery: Delivery,
  key: DeliveryKey,
  dependencies: DeliveryDependencies,
): Promise<SendRecord> {
  let sent: SentMessage;
  try {
    sent = await delivery.send();
  } catch (error) {
    await dependencies.claims.release(key);
    dependencies.log.warn('notification not sent, released for a retry', {
      ...fieldsOf(delivery),
      error: error as Error,
    });
    throw error;
  }

  return {
    channel: delivery.channel,
    template: delivery.template,
    messageId: sent.messageId,
    at: dependencies.clock().toISOString(),
  };
}

function fieldsOf(delivery: Delivery): Record<string, unknown> {
  return {
    orderId: delivery.orderId,
    eventId: delivery.eventId,
    channel: delivery.channel,
    template: delivery.template,
  };
}
