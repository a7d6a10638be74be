import { InMemoryCustomerRepository } from '../../src/customers/in-memory-customer-repository';
import {
  InMemoryDeliveryClaims,
  InMemorySendLedger,
} from '../../src/notifications/in-memory-deliveries';
import { notifyByEmail } from '../../src/notifications/notify-by-email';
import type { EmailMessage } from '../../src/notifications/ports';
import {
  completedEvent,
  orderIn,
  placedEvent,
  statusChangedEvent,
} from '../support/order-event-fixtures';

const NOW = new Date('2026-12-01T23:00:05.000Z');

/** `email: null`: a customer with no address on file. */
async function setup(email: string | null = 'sam@example.com') {
  const sent: EmailMessage[] = [];
  const customers = new InMemoryCustomerRepository();
  await customers.put({
    phone: '+12065550142',
    email: email ?? undefined,
    orderCount: 1,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  });
  const ledger = new InMemorySendLedger();
  const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
  const dependencies = {
    restaurant: { name: "Tony's Pizzeria", timeZone: 'America/New_York' },
    customers,
    sender: {
      send: (message: EmailMessage) => {
        sent.push(message);

        return Promise.resolve({ messageId: `e-${sent.length}` });
      },
    },
    claims: new InMemoryDeliveryClaims({ clock: () => NOW }),
    ledger,
    clock: () => NOW,
    log,
  };

  return { sent, ledger, log, dependencies };
}

describe('notifyByEmail', () => {
  it('emails a confirmation to the address on file when placed', async () => {
    // Prepare
    const { sent, ledger, dependencies } = await setup();

    // Act
    const outcome = await notifyByEmail(placedEvent(), dependencies);

    // Assess
    expect(outcome).toBe('sent');
    expect(sent.map(({ to, subject }) => ({ to, subject }))).toEqual([
      { to: 'sam@example.com', subject: "Your order #12 at Tony's Pizzeria" },
    ]);
    expect(ledger.recordsOf('call-7f3a')).toEqual([
      expect.objectContaining({
        channel: 'EMAIL',
        template: 'order-confirmation',
        messageId: 'e-1',
      }),
    ]);
  });

  it('emails the invoice when completed, once', async () => {
    // Prepare
    const { sent, dependencies } = await setup();

    // Act
    await notifyByEmail(completedEvent(), dependencies);
    const again = await notifyByEmail(completedEvent(), dependencies);

    // Assess
    expect(again).toBe('duplicate');
    expect(sent.map((email) => email.subject)).toEqual([
      "Invoice for order #12 at Tony's Pizzeria",
    ]);
  });

  it('sends nothing, and says so, when no email is on file', async () => {
    // Prepare
    const { sent, log, dependencies } = await setup(null);

    // Act
    const outcome = await notifyByEmail(placedEvent(), dependencies);

    // Assess
    expect(outcome).toBe('no-address');
    expect(sent).toEqual([]);
    expect(log.info).toHaveBeenCalledWith(
      'no email address on file, nothing sent',
      { orderId: 'call-7f3a', eventId: 'call-7f3a:1:PLACED:OrderPlaced' },
    );
  });

  it('sends nothing for a status change', async () => {
    // Prepare
    const { sent, dependencies } = await setup();

    // Act
    const outcome = await notifyByEmail(
      statusChangedEvent(orderIn('READY')),
      dependencies,
    );

    // Assess
    expect(outcome).toBe('no-email-for-event');
    expect(sent).toEqual([]);
  });
});
