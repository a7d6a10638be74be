import {
  eventsFromChange,
  UnreadableOrderImage,
} from '../../src/events/from-stream';
import { toOrderItem } from '../../src/storage/order-item';
import { orderIn, sampleOrder } from '../support/order-event-fixtures';

/** An order as the stream shows it: the stored item, keys and all. */
function image(order = sampleOrder()): Record<string, unknown> {
  return { ...toOrderItem(order) };
}

describe('eventsFromChange', () => {
  it('yields OrderPlaced for a new order item', () => {
    // Prepare
    const order = sampleOrder();

    // Act
    const events = eventsFromChange({
      eventName: 'INSERT',
      newImage: image(order),
    });

    // Assess
    expect(events).toEqual([
      {
        type: 'OrderPlaced',
        detail: {
          metadata: {
            id: 'call-7f3a:1:PLACED:OrderPlaced',
            version: 1,
            occurredAt: order.placedAt,
          },
          data: { orderId: 'call-7f3a', order },
        },
      },
    ]);
  });

  it('yields OrderStatusChanged when the status changed', () => {
    // Prepare
    const before = sampleOrder();
    const after = orderIn('CONFIRMED');

    // Act
    const events = eventsFromChange({
      eventName: 'MODIFY',
      oldImage: image(before),
      newImage: image(after),
    });

    // Assess
    expect(events).toEqual([
      {
        type: 'OrderStatusChanged',
        detail: {
          metadata: {
            id: 'call-7f3a:2:CONFIRMED:OrderStatusChanged',
            version: 1,
            occurredAt: after.updatedAt,
          },
          data: {
            orderId: 'call-7f3a',
            previousStatus: 'PLACED',
            status: 'CONFIRMED',
            order: after,
          },
        },
      },
    ]);
  });

  it('adds OrderCompleted when the new status is COMPLETED', () => {
    // Act
    const events = eventsFromChange({
      eventName: 'MODIFY',
      oldImage: image(orderIn('READY')),
      newImage: image(orderIn('COMPLETED', { version: 5 })),
    });

    // Assess
    expect(events.map((event) => event.type)).toEqual([
      'OrderStatusChanged',
      'OrderCompleted',
    ]);
    expect(events[1]?.detail.metadata.id).toBe(
      'call-7f3a:5:COMPLETED:OrderCompleted',
    );
  });

  it('adds OrderCancelled, with the status it left, when CANCELLED', () => {
    // Act
    const events = eventsFromChange({
      eventName: 'MODIFY',
      oldImage: image(orderIn('PREPARING')),
      newImage: image(orderIn('CANCELLED', { version: 4 })),
    });

    // Assess
    expect(events.map((event) => event.type)).toEqual([
      'OrderStatusChanged',
      'OrderCancelled',
    ]);
    expect(events[1]?.detail.data).toMatchObject({
      previousStatus: 'PREPARING',
    });
  });

  it('yields nothing when notifications are recorded on the order', () => {
    // Prepare
    const before = image(sampleOrder());
    const after = {
      ...before,
      notifications: [{ channel: 'SMS', template: 'order-placed' }],
      notificationIds: ['call-7f3a:1:PLACED:OrderPlaced#SMS'],
    };

    // Act
    const events = eventsFromChange({
      eventName: 'MODIFY',
      oldImage: before,
      newImage: after,
    });

    // Assess
    expect(events).toEqual([]);
  });

  it.each([
    [
      'a customer',
      { PK: 'CUSTOMER#+12065550142', SK: 'PROFILE', entity: 'CUSTOMER' },
    ],
    ['a ticket counter', { PK: 'COUNTER#TICKET', SK: '2026-12-01' }],
    ['a menu item', { PK: 'MENU', SK: 'ITEM#cola', entity: 'MENU_ITEM' }],
    [
      'a notification record',
      { PK: 'NOTIFY#x#SMS', SK: 'NOTIFY', entity: 'NOTIFICATION' },
    ],
  ])('yields nothing for %s', (_, item) => {
    // Act
    const inserted = eventsFromChange({ eventName: 'INSERT', newImage: item });
    const modified = eventsFromChange({
      eventName: 'MODIFY',
      oldImage: item,
      newImage: { ...item, status: 'READY' },
    });

    // Assess
    expect([...inserted, ...modified]).toEqual([]);
  });

  it('yields nothing when an order item is removed', () => {
    // Act
    const events = eventsFromChange({
      eventName: 'REMOVE',
      oldImage: image(),
    });

    // Assess
    expect(events).toEqual([]);
  });

  it('throws, naming the item, when an order item is malformed', () => {
    // Prepare
    const broken = { ...image(), totalCents: 'lots' };

    // Act
    const act = () =>
      eventsFromChange({ eventName: 'INSERT', newImage: broken });

    // Assess
    expect(act).toThrow(UnreadableOrderImage);
    expect(act).toThrow(/ORDER#call-7f3a.*totalCents/);
  });
});
