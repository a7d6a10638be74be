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

export interface CustomerRepository {
  get(phone: string): Promise<Customer | undefined>;
}
