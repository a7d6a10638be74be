import {
  GSM7_SEGMENT,
  gsm7Length,
  isGsm7,
  smsSegments,
} from '../../src/notifications/gsm7';
import {
  renderSms,
  SMS_TEMPLATES,
  smsFor,
} from '../../src/notifications/sms-templates';
import {
  completedEvent,
  orderIn,
  placedEvent,
  sampleOrder,
  statusChangedEvent,
} from '../support/order-event-fixtures';

const RESTAURANT = { name: "Tony's Pizzeria", timeZone: 'America/New_York' };

/** The largest order figures a text may have to show. */
const BIG_ORDER = sampleOrder({
  ticketNumber: 9999,
  totalCents: 123_456_78,
  estimatedReadyAt: '2026-12-02T04:55:00.000Z',
});

describe('SMS texts', () => {
  it('tells the ticket number, total and local ready time when placed', () => {
    // Act
    const sms = smsFor(placedEvent(), RESTAURANT);

    // Assess
    expect(sms).toEqual({
      template: 'order-placed',
      body:
        "Tony's Pizzeria: order #12 received, total $34.30. Ready about " +
        "6:25 PM. We'll text you updates. Reply STOP to opt out.",
    });
  });

  it.each([
    ['CONFIRMED', 'PICKUP', 'order #12 is confirmed. Ready about 6:25 PM.'],
    ['PREPARING', 'PICKUP', 'order #12 is being prepared.'],
    ['READY', 'PICKUP', 'order #12 is ready for pickup. See you soon!'],
    [
      'READY',
      'DELIVERY',
      'order #12 is ready and leaves with our driver soon.',
    ],
    ['OUT_FOR_DELIVERY', 'DELIVERY', 'order #12 is out for delivery.'],
    ['COMPLETED', 'PICKUP', 'order #12 is complete. Thank you for ordering!'],
    [
      'CANCELLED',
      'PICKUP',
      'order #12 was cancelled. Please call us if you did not expect this.',
    ],
  ] as const)('texts a move to %s (%s)', (status, fulfilment, text) => {
    // Prepare
    const event = statusChangedEvent(orderIn(status, { fulfilment }));

    // Act
    const sms = smsFor(event, RESTAURANT);

    // Assess
    expect(sms?.body).toBe(`Tony's Pizzeria: ${text}`);
  });

  it('sends no text for OrderCompleted: its status change already did', () => {
    expect(smsFor(completedEvent(), RESTAURANT)).toBeUndefined();
  });

  it.each(SMS_TEMPLATES)(
    '%s fits one GSM-7 segment even with a very long name',
    (template) => {
      // Prepare
      const name = 'The Very Long Named Family Restaurant & Pizzeria '.repeat(
        5,
      );

      // Act
      const { body } = renderSms(template, BIG_ORDER, { ...RESTAURANT, name });

      // Assess
      expect(isGsm7(body)).toBe(true);
      expect(gsm7Length(body)).toBeLessThanOrEqual(GSM7_SEGMENT);
      expect(body).toMatch(/^The Very Long Named .*: order #9999 /);
    },
  );

  it.each(SMS_TEMPLATES)(
    '%s stays GSM-7 with a typographic name',
    (template) => {
      // Act
      const { body } = renderSms(template, BIG_ORDER, {
        ...RESTAURANT,
        name: 'Tony’s “Brick-Oven” Café – Façade',
      });

      // Assess
      expect(isGsm7(body)).toBe(true);
      expect(smsSegments(body)).toBe(1);
    },
  );

  it('keeps a euro total in one segment though € counts twice', () => {
    // Prepare
    const order = { ...BIG_ORDER, currency: 'EUR' };

    // Act
    const { body } = renderSms('order-placed', order, {
      ...RESTAURANT,
      name: 'X'.repeat(200),
    });

    // Assess
    expect(body).toContain('€123,456.78');
    expect(gsm7Length(body)).toBeLessThanOrEqual(GSM7_SEGMENT);
  });

  it('uses UCS-2 only when the name has no GSM-7 form', () => {
    // Act
    const { body } = renderSms('order-preparing', BIG_ORDER, {
      ...RESTAURANT,
      name: '老王小馆',
    });

    // Assess
    expect(body).toBe('老王小馆: order #9999 is being prepared.');
    expect(smsSegments(body)).toBe(1);
  });
});
