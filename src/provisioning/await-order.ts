/**
 * Waits for a phone number order inside one invocation's time budget.
 *
 *   invocation 1: order ─ poll ─ poll ─ ... ─┐ budget spent: hand over
 *   invocation 2:            poll ─ ... ─ poll ┘ Successful: create rule
 *
 * Each poll checks that another interval still fits before the reserve
 * that creating the rule and answering CloudFormation need.
 */
import type {
  AwaitingOrder,
  PhoneNumberOrder,
  ProvisioningDependencies,
} from './ports';

/** Chime gave up on the order, or lost it. */
export class PhoneNumberOrderFailed extends Error {
  constructor(
    readonly orderId: string,
    readonly status: string,
    readonly numbers: string[],
  ) {
    super(
      `phone number order ${orderId} ended ${status}` +
        (numbers.length > 0 ? ` (${numbers.join(', ')})` : '') +
        '; no number was provisioned, try another area code or country',
    );
    this.name = 'PhoneNumberOrderFailed';
  }
}

/** The order is still processing after the longest wait allowed. */
export class PhoneNumberOrderTimedOut extends Error {
  constructor(
    readonly orderId: string,
    readonly waitedMinutes: number,
  ) {
    super(
      `phone number order ${orderId} still processing after ` +
        `${waitedMinutes} minutes; if it completes later, release the ` +
        'number in the Amazon Chime SDK console or set it as ' +
        'existingPhoneNumber',
    );
    this.name = 'PhoneNumberOrderTimedOut';
  }
}

/** Where one order stands for the number it was placed for. */
type OrderState = 'acquired' | 'failed' | 'processing';

/** Chime's order statuses that will not change any more. */
const FINISHED_WITHOUT_NUMBER = new Set(['Failed', 'Cancelled', 'Exception']);

function orderState(order: PhoneNumberOrder, phoneNumber: string): OrderState {
  const number = order.numbers.find((n) => n.phoneNumber === phoneNumber);
  if (order.status === 'Successful' || number?.status === 'Acquired') {
    return 'acquired';
  }
  // A one-number order is Partial when that number failed.
  if (FINISHED_WITHOUT_NUMBER.has(order.status) || order.status === 'Partial') {
    return 'failed';
  }

  return number?.status === 'Failed' ? 'failed' : 'processing';
}

/**
 * Polls until the number is acquired (`'acquired'`) or this invocation has
 * no time left for another poll (`'pending'`). Throws
 * {@link PhoneNumberOrderFailed} or {@link PhoneNumberOrderTimedOut}.
 */
export async function awaitOrder(
  awaiting: AwaitingOrder,
  dependencies: ProvisioningDependencies,
  remainingTimeMs: () => number,
): Promise<'acquired' | 'pending'> {
  const { inventory, clock, log, timing } = dependencies;
  for (;;) {
    const order = await inventory.getOrder(awaiting.orderId);
    if (order === undefined) {
      throw new PhoneNumberOrderFailed(awaiting.orderId, 'NotFound', []);
    }
    const state = orderState(order, awaiting.phoneNumber);
    const waitedMs = clock.now() - Date.parse(awaiting.since);
    log.info('phone number order polled', {
      orderId: order.orderId,
      orderStatus: order.status,
      waitedSeconds: Math.round(waitedMs / 1000),
    });

    if (state === 'acquired') return 'acquired';
    if (state === 'failed') throw orderFailure(order);
    if (waitedMs >= timing.maxOrderWaitMs) {
      throw new PhoneNumberOrderTimedOut(
        order.orderId,
        Math.round(waitedMs / 60_000),
      );
    }
    if (remainingTimeMs() < timing.pollIntervalMs + timing.reserveMs) {
      return 'pending';
    }
    await clock.sleep(timing.pollIntervalMs);
  }
}

function orderFailure(order: PhoneNumberOrder): PhoneNumberOrderFailed {
  return new PhoneNumberOrderFailed(
    order.orderId,
    order.status,
    order.numbers.map((n) => `${n.phoneNumber} ${n.status}`),
  );
}
