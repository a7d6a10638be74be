/**
 * Staff moving an order along: the status machine decides whether the move
 * is allowed at all, the store makes it happen only from the status the
 * person saw, so two people pressing the same button move the order once.
 */
import {
  type Order,
  OrderNotFound,
  type OrderRepository,
  type OrderStatus,
} from './model';
import { IllegalTransition, isLegalMove, nextStatuses } from './status-machine';

/** A move as a person asked for it: from the status they saw, to the next. */
export interface StatusMove {
  orderId: string;
  from: OrderStatus;
  to: OrderStatus;
}

/** What {@link advanceStatus} works with. */
export interface AdvanceStatusDependencies {
  orders: OrderRepository;
  now: () => Date;
}

/**
 * Moves the order and returns it as stored. Throws {@link OrderNotFound},
 * {@link IllegalTransition} when the machine forbids `from -> to` for this
 * order, and the store's `StatusConflict` when the order is no longer in
 * `from`.
 */
export async function advanceStatus(
  move: StatusMove,
  { orders, now }: AdvanceStatusDependencies,
): Promise<Order> {
  // Read for the fulfilment, which decides the path and never changes.
  const order = await orders.get(move.orderId);
  if (order === undefined) throw new OrderNotFound(move.orderId);
  if (!isLegalMove(move.from, move.to, order.fulfilment)) {
    throw new IllegalTransition(
      move.orderId,
      move.from,
      move.to,
      order.status,
      nextStatuses(order.status, order.fulfilment),
    );
  }

  return orders.changeStatus(move.orderId, move.from, move.to, now());
}
