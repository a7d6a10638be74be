/**
 * fast-check arbitraries for the order events on the bus: the sample
 * events of events/ with a random detail, and events that keep the
 * contract whatever they say.
 */
import fc from 'fast-check';
import { ORDER_EVENT_TYPES } from '../../src/events/order-events';
import { ORDER_STATUSES } from '../../src/orders/model';
import { samplesStartingWith, withFields } from './fuzz-arbitraries';

/** The sample events of the notification consumers. */
export const BUS_SAMPLES = samplesStartingWith('send-');

/** A sample envelope carrying a random detail-type and detail. */
export const busEventWithRandomDetail = fc
  .tuple(
    fc.constantFrom(...BUS_SAMPLES),
    fc.oneof(
      fc.constantFrom(...ORDER_EVENT_TYPES),
      fc.string({ maxLength: 20 }),
    ),
    fc.jsonValue({ maxDepth: 4 }),
  )
  .map(([sample, type, detail]) =>
    withFields(sample, [
      [['detail-type'], type],
      [['detail'], detail],
    ]),
  );

const instant = fc
  .date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2040-01-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString());

/** An order as the contract carries it, with random but typed contents. */
export const orderSnapshot = fc.record(
  {
    orderId: fc.string({ minLength: 1, maxLength: 64 }),
    ticketNumber: fc.integer({ min: 1, max: 99_999 }),
    businessDate: fc.constantFrom('2026-12-01', '2030-02-28', '2024-02-29'),
    channel: fc.constantFrom('KEYPAD', 'VOICE'),
    callerNumber: fc.oneof(
      fc.constantFrom('+12065550142', '+447700900123', 'anonymous'),
      fc.stringMatching(/^\+[1-9]\d{1,14}$/),
    ),
    customerName: fc.string({ maxLength: 100 }),
    lines: fc.array(
      fc.record(
        {
          itemId: fc.string({ minLength: 1, maxLength: 20 }),
          name: fc.string({ minLength: 1, maxLength: 80 }),
          sizeId: fc.string({ maxLength: 10 }),
          sizeName: fc.string({ maxLength: 20 }),
          unitPriceCents: fc.integer({ min: 0, max: 100_000 }),
          quantity: fc.integer({ min: 1, max: 99 }),
        },
        { requiredKeys: ['itemId', 'name', 'unitPriceCents', 'quantity'] },
      ),
      { maxLength: 12 },
    ),
    fulfilment: fc.constantFrom('PICKUP', 'DELIVERY'),
    deliveryAddress: fc.string({ maxLength: 300 }),
    subtotalCents: fc.integer({ min: 0, max: 1_000_000 }),
    taxCents: fc.integer({ min: 0, max: 100_000 }),
    totalCents: fc.integer({ min: 0, max: 1_000_000 }),
    currency: fc.constantFrom('USD', 'EUR', 'GBP', 'CAD'),
    placedAt: instant,
    estimatedReadyAt: instant,
    status: fc.constantFrom(...ORDER_STATUSES),
    updatedAt: instant,
    version: fc.integer({ min: 1, max: 20 }),
  },
  {
    requiredKeys: [
      'orderId',
      'ticketNumber',
      'businessDate',
      'channel',
      'callerNumber',
      'lines',
      'fulfilment',
      'subtotalCents',
      'taxCents',
      'totalCents',
      'currency',
      'placedAt',
      'estimatedReadyAt',
      'status',
      'updatedAt',
      'version',
    ],
  },
);

/** A bus event that keeps the contract, whatever it says. */
export const contractEvent = fc
  .tuple(
    fc.constantFrom(...BUS_SAMPLES),
    fc.constantFrom(...ORDER_EVENT_TYPES),
    orderSnapshot,
    fc.constantFrom(...ORDER_STATUSES),
    instant,
  )
  .map(([sample, type, order, previousStatus, occurredAt]) =>
    withFields(sample, [
      [['detail-type'], type],
      [
        ['detail'],
        {
          metadata: { id: `${order.orderId}:${type}`, version: 1, occurredAt },
          data: {
            orderId: order.orderId,
            order,
            previousStatus,
            status: order.status,
          },
        },
      ],
    ]),
  );
