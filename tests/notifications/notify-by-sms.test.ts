import { InMemoryCustomerRepository } from '../../src/customers/in-memory-customer-repository';
import {
  InMemoryDeliveryClaims,
  InMemorySendLedger,
} from '../../src/notifications/in-memory-deliveries';
import { notifyBySms } from '../../src/notifications/notify-by-sms';
import type { SmsMessage } from '../../src/notifications/ports';
import {
  completedEvent,
  orderIn,
  placedEvent,
  sampleOrder,
  statusChangedEvent,
} from '../support/order-event-fixtures';

const NOW = new Date('2026-12-01T23:00:05.000Z');

function setup() {
  const sent: SmsMessage[] = [];
  const customers = new InMemoryCustomerRepository();
  const ledger = new InMemorySendLedger();
  const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
  const dependencies = {
    restaurant: { name: "Tony's Pizzeria", timeZone: 'America/New_York' },
    customers,
    sender: {
      send: (message: SmsMessage) => {
        sent.push(message);

        return Promise.resolve({ messageId: `m-${sent.length}` });
      },
    },
    claims: new InMemoryDeliveryClaims({ clock: () => NOW }),
    ledger,
    clock: () => NOW,
    log,
  };

  return { sent, customers, ledger, log, dependencies };
}

describe('notifyBySms', () => {
  it('texts the number the order was placed from', async () => {
    // Prepare
    const { sent, ledger, dependencies } = setup();

    // Act
    const outcome = await notifyBySms(placedEvent(), dependencies);

    // Assess
    expect(outcome).toBe('sent');
    expect(sent).toEqual([
      {
        to: '+12065550142',
        body: expect.stringContaining('order #12 received') as string,
      },
    ]);
    expect(ledger.recordsOf('call-7f3a')).toEqual([
      expect.objectContaining({ channel: 'SMS', template: 'order-placed' }),
    ]);
  });

  it('texts each status change once, however often it arrives', async () => {
    // Prepare
    const { sent, dependencies } = setup();
    const confirmed = statusChangedEvent(orderIn('CONFIRMED'));

    // Act
    await notifyBySms(confirmed, dependencies);
    const again = await notifyBySms(confirmed, dependencies);

    // Assess
    expect(again).toBe('duplicate');
    expect(sent).toHaveLength(1);
  });

  it('sends nothing to a customer who replied STOP', async () => {
    // Prepare
    const { sent, customers, log, dependencies } = setup();
    await customers.put({
      phone: '+12065550142',
      smsOptOut: true,
      orderCount: 3,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });

    // Act
    const outcome = await notifyBySms(placedEvent(), dependencies);

    // Assess
    expect(outcome).toBe('opted-out');
    expect(sent).toEqual([]);
    expect(log.info).toHaveBeenCalledWith('customer opted out of texts', {
      orderId: 'call-7f3a',
      eventId: 'call-7f3a:1:PLACED:OrderPlaced',
    });
  });

  it.each(['anonymous', '2065550142', '+0123'])(
    'sends nothing to %s, which is not E.164',
    async (callerNumber) => {
      // Prepare
      const { sent, log, dependencies } = setup();

      // Act
      const outcome = await notifyBySms(
        placedEvent(sampleOrder({ callerNumber })),
        dependencies,
      );

      // Assess
      expect(outcome).toBe('not-a-mobile-number');
      expect(sent).toEqual([]);
      expect(JSON.stringify(log.info.mock.calls)).not.toContain(callerNumber);
    },
  );

  it('sends nothing for OrderCompleted', async () => {
    // Prepare
    const { sent, dependencies } = setup();

    // Act
    const outcome = await notifyBySms(completedEvent(), dependencies);

    // Assess
    expect(outcome).toBe('no-text-for-event');
    expect(sent).toEqual([]);
  });

  it('throws when the provider refuses, and records nothing', async () => {
    // Prepare
    const { ledger, dependencies } = setup();
    dependencies.sender.send = () => Promise.reject(new Error('refused'));

    // Act
    const act = notifyBySms(placedEvent(), dependencies);

    // Assess
    await expect(act).rejects.toThrow('refused');
    expect(ledger.recordsOf('call-7f3a')).toEqual([]);
  });
});
