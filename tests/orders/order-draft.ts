/** Order drafts for tests, each with its own id, day and caller. */
import { randomUUID } from 'node:crypto';
import type { OrderDraft } from '../../src/orders/model';

let sequence = 0;

/** A business date no other test in the process uses. */
export function uniqueBusinessDate(): string {
  sequence += 1;
  const day = new Date(Date.UTC(2030, 0, 1) + sequence * 86_400_000);

  return day.toISOString().slice(0, 10);
}

/** A caller number no other test in the process uses. */
export function uniquePhone(): string {
  sequence += 1;

  return `+1555${String(sequence).padStart(7, '0')}`;
}

/** A pickup order of two medium pepperonis and a cola. */
export function orderDraft(overrides: Partial<OrderDraft> = {}): OrderDraft {
  return {
    orderId: randomUUID(),
    businessDate: '2030-01-01',
    channel: 'KEYPAD',
    callerNumber: '+15550100000',
    lines: [
      {
        itemId: 'pepperoni',
        name: 'Pepperoni',
        sizeId: 'medium',
        sizeName: 'Medium',
        unitPriceCents: 1449,
        quantity: 2,
      },
      { itemId: 'cola', name: 'Cola', unitPriceCents: 249, quantity: 1 },
    ],
    fulfilment: 'PICKUP',
    placedAt: '2030-01-01T18:00:00.000Z',
    estimatedReadyAt: '2030-01-01T18:25:00.000Z',
    subtotalCents: 3147,
    taxCents: 279,
    totalCents: 3426,
    currency: 'USD',
    ...overrides,
  };
}
