import {
  InvalidOrderEvent,
  orderEventId,
  orderPlacedDetail,
  parseOrderEvent,
} from '../../src/events/order-events';
import {
  completedEvent,
  orderIn,
  placedEvent,
  sampleOrder,
  statusChangedEvent,
} from '../support/order-event-fixtures';

describe('order event contracts', () => {
  it.each([
    ['OrderPlaced', placedEvent()],
    ['OrderStatusChanged', statusChangedEvent(orderIn('CONFIRMED'))],
    ['OrderCompleted', completedEvent()],
  ])('reads a %s detail received from the bus', (type, event) => {
    // Prepare
    const received: unknown = JSON.parse(JSON.stringify(event.detail));

    // Act
    const parsed = parseOrderEvent(type, received);

    // Assess
    expect(parsed).toEqual(event);
  });

  it('reads an OrderCancelled detail with the status it left', () => {
    // Prepare
    const order = orderIn('CANCELLED');
    const detail = {
      metadata: {
        id: orderEventId(order, 'OrderCancelled'),
        version: 1,
        occurredAt: order.updatedAt,
      },
      data: { orderId: order.orderId, previousStatus: 'CONFIRMED', order },
    };

    // Act
    const parsed = parseOrderEvent('OrderCancelled', detail);

    // Assess
    expect(parsed.type).toBe('OrderCancelled');
    expect(parsed.detail.data.order.status).toBe('CANCELLED');
  });

  it('refuses an unknown detail-type', () => {
    // Act
    const act = () => parseOrderEvent('OrderEaten', placedEvent().detail);

    // Assess
    expect(act).toThrow(InvalidOrderEvent);
    expect(act).toThrow('invalid OrderEaten event: unknown detail-type');
  });

  it('refuses a detail of another contract version, naming the field', () => {
    // Prepare
    const detail = placedEvent().detail;
    const newer = { ...detail, metadata: { ...detail.metadata, version: 2 } };

    // Act
    const act = () => parseOrderEvent('OrderPlaced', newer);

    // Assess
    expect(act).toThrow(/metadata\.version/);
  });

  it('refuses an order with fractional cents', () => {
    // Prepare
    const order = sampleOrder({ totalCents: 34.3 });

    // Act
    const result = orderPlacedDetail.safeParse(placedEvent(order).detail);

    // Assess
    expect(result.success).toBe(false);
  });

  it('strips what the stored item holds beyond the order', () => {
    // Prepare
    const detail = placedEvent().detail;
    const withItemFields = {
      ...detail,
      data: {
        ...detail.data,
        order: { ...detail.data.order, PK: 'ORDER#x', notifications: [] },
      },
    };

    // Act
    const parsed = parseOrderEvent('OrderPlaced', withItemFields);

    // Assess
    expect(parsed.detail.data.order).not.toHaveProperty('PK');
    expect(parsed.detail.data.order).not.toHaveProperty('notifications');
  });
});

describe('orderEventId', () => {
  it('is the same for the same change, whoever derives it', () => {
    // Prepare
    const order = orderIn('READY', { version: 4 });

    // Act
    const first = orderEventId(order, 'OrderStatusChanged');
    const second = orderEventId({ ...order }, 'OrderStatusChanged');

    // Assess
    expect(first).toBe('call-7f3a:4:READY:OrderStatusChanged');
    expect(second).toBe(first);
  });

  it('differs between the events of one change', () => {
    // Prepare
    const order = orderIn('COMPLETED');

    // Act
    const ids = [
      orderEventId(order, 'OrderStatusChanged'),
      orderEventId(order, 'OrderCompleted'),
    ];

    // Assess
    expect(new Set(ids).size).toBe(2);
  });
});
