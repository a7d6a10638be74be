/**
 * Errors the order store raises besides {@link OrderAlreadyPlaced}, so that
 * callers handle named outcomes rather than raw SDK exceptions.
 */

/**
 * Thrown when other orders kept taking the next ticket number of the day
 * and the store gave up retrying. Nothing was stored; placing the order
 * again is safe.
 */
export class TicketNumberContention extends Error {
  constructor(
    readonly orderId: string,
    readonly attempts: number,
  ) {
    super(
      `order ${orderId}: no ticket number after ${attempts} attempts, ` +
        'other orders kept taking it',
    );
    this.name = 'TicketNumberContention';
  }
}

/**
 * Thrown when the store refused an order for a reason other than the
 * conditions it sets itself (an invalid or oversized item, throttling).
 * `reasons` holds DynamoDB's cancellation codes, one per written item.
 */
export class OrderWriteRejected extends Error {
  constructor(
    readonly orderId: string,
    readonly reasons: string[],
    options?: { cause?: unknown },
  ) {
    super(`order ${orderId} was not stored: ${reasons.join(', ')}`, options);
    this.name = 'OrderWriteRejected';
  }
}
