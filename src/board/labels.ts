/**
 * The words the kitchen sees: column titles, what each button does, and
 * how long ago an order came in.
 */
import type { OrderSummary } from '../staff-api/response-schemas';

/** An order status, as the API names it. */
export type OrderStatus = OrderSummary['status'];

/** A column of the board: the statuses the kitchen still acts on. */
export interface Column {
  status: OrderStatus;
  title: string;
}

/** Left to right, in the order food moves through the kitchen. */
export const COLUMNS: readonly Column[] = [
  { status: 'PLACED', title: 'New' },
  { status: 'CONFIRMED', title: 'Confirmed' },
  { status: 'PREPARING', title: 'Preparing' },
  { status: 'READY', title: 'Ready' },
  { status: 'OUT_FOR_DELIVERY', title: 'Out for delivery' },
];

const STATUS_NAMES: Record<OrderStatus, string> = {
  PLACED: 'New',
  CONFIRMED: 'Confirmed',
  PREPARING: 'Preparing',
  READY: 'Ready',
  OUT_FOR_DELIVERY: 'Out for delivery',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

/** A status as people say it. */
export function statusName(status: OrderStatus): string {
  return STATUS_NAMES[status];
}

/**
 * The label of the button that moves an order to `to`: the action the
 * cook takes, not the status's name ("Start", not "Preparing").
 */
export function moveLabel(
  to: OrderStatus,
  fulfilment: OrderSummary['fulfilment'],
): string {
  switch (to) {
    case 'CONFIRMED':
      return 'Confirm';
    case 'PREPARING':
      return 'Start';
    case 'READY':
      return 'Ready';
    case 'OUT_FOR_DELIVERY':
      return 'Out for delivery';
    case 'COMPLETED':
      return fulfilment === 'DELIVERY' ? 'Delivered' : 'Picked up';
    default:
      return statusName(to);
  }
}

/** How long ago `since` was, short enough to read across a kitchen. */
export function elapsedText(since: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(since)) / 60_000);
  if (!(minutes >= 1)) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);

  return `${hours} h ${String(minutes % 60).padStart(2, '0')}`;
}

/** Whether the kitchen still works on an order past its promised time. */
export function isLate(order: OrderSummary, now: Date): boolean {
  const open = ['PLACED', 'CONFIRMED', 'PREPARING'].includes(order.status);

  return open && now.getTime() > Date.parse(order.estimatedReadyAt);
}
