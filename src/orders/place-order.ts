import { localTime } from '../restaurant/local-time';
import {
  OrderAlreadyPlaced,
  type Order,
  type OrderDraft,
  type OrderRepository,
} from './model';

/** What the kitchen's timing needs to promise a ready time. */
export interface KitchenTiming {
  prepBaseMinutes: number;
  prepMinutesPerOpenOrder: number;
}

export type OrderRequest = Omit<
  OrderDraft,
  'businessDate' | 'placedAt' | 'estimatedReadyAt'
>;

/** A stored order, and whether an earlier request of the call stored it. */
export interface PlacedOrder {
  order: Order;
  /** True when this request found the order already placed. */
  repeated: boolean;
}

export interface PlaceOrderDependencies {
  orders: OrderRepository;
  timeZone: string;
  kitchen: KitchenTiming;
  now: () => Date;
}

/**
 * Stores a caller's order once. The ready time grows with the orders the
 * kitchen still has open, counted as the order takes its ticket number.
 * When the same call asks twice (Chime retries an invocation that took
 * over 5 s), the order already stored is returned, so the caller hears the
 * same ticket number and nothing is stored twice.
 */
export async function placeOrder(
  request: OrderRequest,
  dependencies: PlaceOrderDependencies,
): Promise<PlacedOrder> {
  const { orders, timeZone, kitchen } = dependencies;
  const placedAt = dependencies.now();
  const draft: OrderDraft = {
    ...request,
    businessDate: localTime(placedAt, timeZone).date,
    placedAt: placedAt.toISOString(),
    estimatedReadyAt: estimateReadyAt(placedAt, 0, kitchen),
  };
  const readyAfter = (openOrders: number) =>
    estimateReadyAt(placedAt, openOrders, kitchen);

  try {
    return { order: await orders.create(draft, readyAfter), repeated: false };
  } catch (error) {
    if (!(error instanceof OrderAlreadyPlaced)) throw error;
    const existing = await orders.get(request.orderId);
    if (existing === undefined) throw error;

    return { order: existing, repeated: true };
  }
}

/** A ready time rounded up to the next 5 minutes, as people say it. */
export function estimateReadyAt(
  placedAt: Date,
  openOrders: number,
  kitchen: KitchenTiming,
): string {
  const minutes =
    kitchen.prepBaseMinutes + openOrders * kitchen.prepMinutesPerOpenOrder;
  const step = 5 * 60_000;
  const ready = placedAt.getTime() + minutes * 60_000;

  return new Date(Math.ceil(ready / step) * step).toISOString();
}
