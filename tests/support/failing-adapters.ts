/**
 * Adapters that fail on purpose, for the reliability tests: each wraps a
 * working in-memory adapter and makes one of its operations throw what
 * the real dependency throws when it is down or throttling, for as many
 * calls as a test says, then lets calls through again.
 */
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import type { CallerDirectory, CallerRecord } from '../../src/call-flow/types';
import type { Menu, MenuItem, MenuRepository } from '../../src/menu/model';
import type {
  Order,
  OrderDraft,
  OrderPage,
  OrderRepository,
  OrderStatus,
  PageRequest,
  ReadyTimeEstimate,
} from '../../src/orders/model';
import type {
  EmailMessage,
  EmailSender,
  SentMessage,
  SmsMessage,
  SmsSender,
} from '../../src/notifications/ports';
import { EmailNotSent, SmsNotSent } from '../../src/notifications/send-errors';

/** What DynamoDB answers when a table is throttled. */
export function throttled(): Error {
  return new ProvisionedThroughputExceededException({
    message: 'The level of configured provisioned throughput was exceeded',
    $metadata: { httpStatusCode: 400 },
  });
}

/** What the SDK throws when DynamoDB cannot be reached at all. */
export function unreachable(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), {
    code: 'ECONNREFUSED',
  });
}

/** What the SMS adapters throw when End User Messaging throttles. */
export function smsRefused(): Error {
  return new SmsNotSent('end-user-messaging', 'ThrottlingException (HTTP 429)');
}

/** What the email adapter throws when SES is unavailable. */
export function emailRefused(): Error {
  return new EmailNotSent('ServiceUnavailable (HTTP 503)');
}

/**
 * How many of the next calls fail, and with what. `failures` may be
 * `Infinity` for an outage that never ends.
 */
export class Outage {
  /** Calls refused so far. */
  refused = 0;

  constructor(
    private failures: number,
    private readonly error: () => Error = throttled,
  ) {}

  /** Ends the outage: later calls go through. */
  end(): void {
    this.failures = 0;
  }

  /** Throws while the outage lasts, counting each refusal. */
  check(): void {
    if (this.failures <= 0) return;
    this.failures -= 1;
    this.refused += 1;
    throw this.error();
  }

  /** Runs `operation` unless the outage refuses the call. */
  async run<T>(operation: () => Promise<T>): Promise<T> {
    this.check();

    return operation();
  }
}

/** When, around the write, a failing order store fails. */
export type CommitFailure =
  /** The write never happens: nothing is stored. */
  | 'before-write'
  /** The write is stored but its answer is lost (a timeout). */
  | 'answer-lost';

/** An order store whose `create` fails during an outage. */
export class FailingOrderRepository implements OrderRepository {
  constructor(
    private readonly inner: OrderRepository,
    private readonly outage: Outage,
    private readonly when: CommitFailure = 'before-write',
  ) {}

  async create(
    draft: OrderDraft,
    estimate?: ReadyTimeEstimate,
  ): Promise<Order> {
    if (this.when === 'before-write') {
      return this.outage.run(() => this.inner.create(draft, estimate));
    }
    const order = await this.inner.create(draft, estimate);
    this.outage.check();

    return order;
  }

  get(orderId: string): Promise<Order | undefined> {
    return this.inner.get(orderId);
  }

  listByCaller(phone: string, limit: number): Promise<Order[]> {
    return this.inner.listByCaller(phone, limit);
  }

  listByStatus(
    businessDate: string,
    status: OrderStatus,
    page: PageRequest,
  ): Promise<OrderPage> {
    return this.inner.listByStatus(businessDate, status, page);
  }

  changeStatus(
    orderId: string,
    expected: OrderStatus,
    next: OrderStatus,
    at: Date,
  ): Promise<Order> {
    return this.inner.changeStatus(orderId, expected, next, at);
  }
}

/** A caller directory whose lookups fail during an outage. */
export class FailingCallerDirectory implements CallerDirectory {
  constructor(
    private readonly inner: CallerDirectory,
    private readonly outage: Outage,
  ) {}

  lookup(phone: string): Promise<CallerRecord> {
    return this.outage.run(() => this.inner.lookup(phone));
  }
}

/** A menu whose reads fail during an outage. */
export class FailingMenuRepository implements MenuRepository {
  constructor(
    private readonly inner: MenuRepository,
    private readonly outage: Outage,
  ) {}

  getMenu(): Promise<Menu> {
    return this.outage.run(() => this.inner.getMenu());
  }

  setAvailability(itemId: string, available: boolean): Promise<MenuItem> {
    return this.inner.setAvailability(itemId, available);
  }
}

/** A provider that records what it accepted and refuses during an outage. */
export class FailingProvider<M extends SmsMessage | EmailMessage> {
  /** Messages accepted, in order. */
  readonly accepted: M[] = [];
  /** Every attempt, refused ones included. */
  attempts = 0;

  constructor(private readonly outage: Outage) {}

  send(message: M): Promise<SentMessage> {
    this.attempts += 1;

    return this.outage.run(() => {
      this.accepted.push(message);

      return Promise.resolve({ messageId: `msg-${this.accepted.length}` });
    });
  }
}

/** A failing SMS provider. */
export function failingSmsSender(
  outage: Outage,
): FailingProvider<SmsMessage> & SmsSender {
  return new FailingProvider<SmsMessage>(outage);
}

/** A failing email provider. */
export function failingEmailSender(
  outage: Outage,
): FailingProvider<EmailMessage> & EmailSender {
  return new FailingProvider<EmailMessage>(outage);
}
