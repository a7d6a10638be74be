/**
 * Which status an order may move to from the one it is in. Pickup and
 * delivery share the kitchen's steps; only a delivery goes out with a
 * driver before it is completed. An order can be cancelled until it is
 * ready: after that the food exists and is handed over or thrown away.
 */
import { type Fulfilment, isOpenStatus, type OrderStatus } from './model';

/** The forward path of an order, by how it reaches the customer. */
const PATHS: Record<Fulfilment, readonly OrderStatus[]> = {
  PICKUP: ['PLACED', 'CONFIRMED', 'PREPARING', 'READY', 'COMPLETED'],
  DELIVERY: [
    'PLACED',
    'CONFIRMED',
    'PREPARING',
    'READY',
    'OUT_FOR_DELIVERY',
    'COMPLETED',
  ],
};

/**
 * The statuses an order of this fulfilment may move to next, the forward
 * step first; none once it is completed or cancelled.
 */
export function nextStatuses(
  status: OrderStatus,
  fulfilment: Fulfilment,
): OrderStatus[] {
  const path = PATHS[fulfilment];
  const position = path.indexOf(status);
  const forward = position < 0 ? [] : path.slice(position + 1, position + 2);

  // Before READY is exactly while the kitchen still has work to do.
  return isOpenStatus(status) ? [...forward, 'CANCELLED'] : forward;
}

/** Whether an order of this fulfilment may move from `from` to `to`. */
export function isLegalMove(
  from: OrderStatus,
  to: OrderStatus,
  fulfilment: Fulfilment,
): boolean {
  return nextStatuses(from, fulfilment).includes(to);
}

/**
 * Thrown when a move is not one the status machine allows, whatever the
 * order's current status. `currentStatus` is what the order holds now and
 * `allowedStatuses` where it may go from there.
 */
export class IllegalTransition extends Error {
  constructor(
    readonly orderId: string,
    readonly from: OrderStatus,
    readonly to: OrderStatus,
    readonly currentStatus: OrderStatus,
    readonly allowedStatuses: OrderStatus[],
  ) {
    super(`order ${orderId} may not move from ${from} to ${to}`);
    this.name = 'IllegalTransition';
  }
}
