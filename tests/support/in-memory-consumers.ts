/**
 * The send-sms and send-email handlers as deployed, on in-memory
 * idempotency records and customers, with senders a test chooses. The
 * restaurant's customer Sam, who ordered the sample order, has an email
 * on file.
 */
import type { Customer } from '../../src/customers/model';
import { InMemoryCustomerRepository } from '../../src/customers/in-memory-customer-repository';
import {
  InMemoryDeliveryClaims,
  InMemorySendLedger,
} from '../../src/notifications/in-memory-deliveries';
import type {
  EmailSender,
  Log,
  SmsSender,
} from '../../src/notifications/ports';
import type { OrderEventConsumer } from '../../src/wiring/order-event-consumer';
import { emailConsumer } from '../../src/wiring/send-email';
import { smsConsumer } from '../../src/wiring/send-sms';

/** A log that keeps nothing. */
export const SILENT_LOG: Log = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The caller of the sample order, with an email on file. */
export const SAM: Customer = {
  phone: '+12065550142',
  name: 'Sam',
  email: 'sam@example.com',
  orderCount: 1,
  createdAt: '2026-11-01T12:00:00.000Z',
  updatedAt: '2026-11-01T12:00:00.000Z',
};

/** Both consumers, by their function keys in serverless.yml. */
export interface InMemoryConsumers {
  sendSms: OrderEventConsumer;
  sendEmail: OrderEventConsumer;
  customers: InMemoryCustomerRepository;
}

/** The consumers on `senders`, each with idempotency records of its own. */
export function inMemoryConsumers(senders: {
  sms: SmsSender;
  email: EmailSender;
}): InMemoryConsumers {
  const customers = new InMemoryCustomerRepository();
  void customers.put(SAM);
  const deliveries = () => ({
    claims: new InMemoryDeliveryClaims(),
    ledger: new InMemorySendLedger(),
    customers,
    clock: () => new Date('2026-12-01T23:00:05.000Z'),
    log: SILENT_LOG,
  });
  const restaurant = {
    name: "Tony's Pizzeria",
    address: '12 Main Street, Springfield',
    timeZone: 'America/New_York',
  };

  return {
    sendSms: smsConsumer({ ...deliveries(), restaurant, sender: senders.sms }),
    sendEmail: emailConsumer({
      ...deliveries(),
      restaurant,
      sender: senders.email,
    }),
    customers,
  };
}
