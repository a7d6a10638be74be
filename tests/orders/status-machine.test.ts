import {
  type Fulfilment,
  ORDER_STATUSES,
  type OrderStatus,
} from '../../src/orders/model';
import { isLegalMove, nextStatuses } from '../../src/orders/status-machine';

/** Every legal move, written out by hand rather than derived. */
const LEGAL: Record<Fulfilment, [OrderStatus, OrderStatus][]> = {
  PICKUP: [
    ['PLACED', 'CONFIRMED'],
    ['PLACED', 'CANCELLED'],
    ['CONFIRMED', 'PREPARING'],
    ['CONFIRMED', 'CANCELLED'],
    ['PREPARING', 'READY'],
    ['PREPARING', 'CANCELLED'],
    ['READY', 'COMPLETED'],
  ],
  DELIVERY: [
    ['PLACED', 'CONFIRMED'],
    ['PLACED', 'CANCELLED'],
    ['CONFIRMED', 'PREPARING'],
    ['CONFIRMED', 'CANCELLED'],
    ['PREPARING', 'READY'],
    ['PREPARING', 'CANCELLED'],
    ['READY', 'OUT_FOR_DELIVERY'],
    ['OUT_FOR_DELIVERY', 'COMPLETED'],
  ],
};

const allMoves = ORDER_STATUSES.flatMap((from) =>
  ORDER_STATUSES.map((to): [OrderStatus, OrderStatus] => [from, to]),
);

describe.each(['PICKUP', 'DELIVERY'] as const)('a %s order', (fulfilment) => {
  const legal = new Set(LEGAL[fulfilment].map(([f, t]) => `${f}->${t}`));

  it.each(allMoves)('%s -> %s is legal only if listed', (from, to) => {
    expect(isLegalMove(from, to, fulfilment)).toBe(legal.has(`${from}->${to}`));
  });

  it.each(['COMPLETED', 'CANCELLED'] as const)(
    'goes nowhere once %s',
    (status) => {
      expect(nextStatuses(status, fulfilment)).toEqual([]);
    },
  );

  it('offers the forward step before cancelling', () => {
    expect(nextStatuses('PREPARING', fulfilment)).toEqual([
      'READY',
      'CANCELLED',
    ]);
  });
});

describe('the status machine', () => {
  it('sends a ready delivery out with a driver, not straight to completed', () => {
    expect(nextStatuses('READY', 'DELIVERY')).toEqual(['OUT_FOR_DELIVERY']);
  });

  it('completes a ready pickup order', () => {
    expect(nextStatuses('READY', 'PICKUP')).toEqual(['COMPLETED']);
  });

  it('cannot cancel an order once it is ready', () => {
    expect(isLegalMove('READY', 'CANCELLED', 'PICKUP')).toBe(false);
    expect(isLegalMove('OUT_FOR_DELIVERY', 'CANCELLED', 'DELIVERY')).toBe(
      false,
    );
  });
});
