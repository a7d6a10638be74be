/**
 * What sending notifications needs from the outside: a way to send texts
 * and emails, a place to remember what was sent (so a duplicate event
 * sends nothing), a place to record each send on its order, and a log.
 * Adapters live in ./adapters and src/storage.
 */

/** A channel a customer is reached on. */
export type Channel = 'SMS' | 'EMAIL';

/** A text to one phone number (E.164). */
export interface SmsMessage {
  to: string;
  body: string;
}

/** An email to one address, in HTML and plain text. */
export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** The provider's id of an accepted message. */
export interface SentMessage {
  messageId: string;
}

/** Sends texts. Throws when the provider did not accept the message. */
export interface SmsSender {
  send(message: SmsMessage): Promise<SentMessage>;
}

/** Sends emails. Throws when the provider did not accept the message. */
export interface EmailSender {
  send(message: EmailMessage): Promise<SentMessage>;
}

/** One send, as recorded on its order. */
export interface SendRecord {
  channel: Channel;
  /** Which message was sent, e.g. `order-placed`. */
  template: string;
  messageId: string;
  /** ISO-8601 UTC. */
  at: string;
}

/** Names one message: one event on one channel. */
export interface DeliveryKey {
  eventId: string;
  channel: Channel;
  orderId: string;
}

/** What taking the idempotency record of a message came to. */
export type Claim =
  /** Ours: go ahead and send. */
  | { kind: 'claimed' }
  /** Sent before; here is how. */
  | { kind: 'sent'; record: SendRecord }
  /** Another delivery of the same event is sending it right now. */
  | { kind: 'in-progress' };

/**
 * Idempotency records, one per message. Taken before sending, marked sent
 * after, released when the send failed so that a retry can send.
 */
export interface DeliveryClaims {
  claim(key: DeliveryKey): Promise<Claim>;
  markSent(key: DeliveryKey, record: SendRecord): Promise<void>;
  release(key: DeliveryKey): Promise<void>;
}

/** Records sends on their order, each message at most once. */
export interface SendLedger {
  record(key: DeliveryKey, record: SendRecord): Promise<void>;
}

/** A structured logger: fixed messages, fields, never a phone or email. */
export interface Log {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Who a message goes to, as the restaurant knows them. */
export interface CustomerLookup {
  get(
    phone: string,
  ): Promise<{ email?: string; smsOptOut?: boolean } | undefined>;
}
