/** A caller the restaurant knows, keyed by phone number (E.164). */
export interface Customer {
  phone: string;
  name?: string;
  email?: string;
  deliveryAddress?: string;
  /** Set when the customer replied STOP to a text message. */
  smsOptOut?: boolean;
  lastOrderId?: string;
  orderCount: number;
  createdAt: string;
  updatedAt: string;
}

/** The profile fields staff may correct; absent fields stay as they are. */
export interface CustomerChanges {
  name?: string;
  email?: string;
  deliveryAddress?: string;
}

export interface CustomerRepository {
  get(phone: string): Promise<Customer | undefined>;
  /**
   * Applies `changes` to the profile of `phone` and returns it, creating
   * the profile (with no orders) when the restaurant has none yet.
   */
  update(phone: string, changes: CustomerChanges): Promise<Customer>;
}

/** Thrown when the restaurant has no profile for a phone number. */
export class CustomerNotFound extends Error {
  // The number stays out of the message, which may end up in a log.
  constructor(readonly phone: string) {
    super('customer not found');
    this.name = 'CustomerNotFound';
  }
}
