/**
 * Errors the order store raises besides {@link OrderAlreadyPlaced}, so that
 * callers handle named outcomes rather than raw SDK exceptions.
 */

/**
 * Thrown when the store refused an order for a reason other than the
 * conditions it sets itself (an invalid or oversized item, throttling, or
 * other transactions holding its items through every retry).
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
