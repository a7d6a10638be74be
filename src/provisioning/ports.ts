/**
 * What provisioning a phone number needs from the outside world: Chime's
 * phone number inventory and SIP rules, a clock, a way to carry on in a
 * later invocation, and a log. Adapters live beside this file.
 */
import type { CustomResourceRequest, ResponseSender } from './custom-resource';

/** One number of an order and how far it got. */
export interface OrderedNumber {
  phoneNumber: string;
  /** Chime's status of the number: Processing, Acquired or Failed. */
  status: string;
}

/** A phone number order as Chime reports it. */
export interface PhoneNumberOrder {
  orderId: string;
  /** Chime's order status: Processing, Successful, Failed, Partial, ... */
  status: string;
  numbers: OrderedNumber[];
}

/** Where a SIP rule sends its calls. */
export interface SipRuleTarget {
  sipMediaApplicationId: string;
  awsRegion: string;
}

/** A SIP rule as this resource manages it: one number, one target. */
export interface SipRuleSettings {
  name: string;
  target: SipRuleTarget;
}

/** What Delete needs to know about an existing rule. */
export interface SipRuleState {
  sipRuleId: string;
  name: string;
  disabled: boolean;
}

/**
 * Chime's phone numbers and SIP rules. Lookups of something that no longer
 * exists answer `undefined`; deleting it again succeeds.
 */
export interface PhoneNumberInventory {
  /** A local number for sale in the country (and area code), if any. */
  findAvailableNumber(search: {
    country: string;
    areaCode?: string;
  }): Promise<string | undefined>;
  /** Orders one number for SIP media application dial-in. */
  orderNumber(phoneNumber: string): Promise<PhoneNumberOrder>;
  getOrder(orderId: string): Promise<PhoneNumberOrder | undefined>;
  /** Routes calls to `phoneNumber` to the target; answers the rule id. */
  createSipRule(
    phoneNumber: string,
    settings: SipRuleSettings,
  ): Promise<string>;
  /** Renames, re-targets (when `target` is given), enables or disables. */
  updateSipRule(
    sipRuleId: string,
    update: { name: string; disabled: boolean; target?: SipRuleTarget },
  ): Promise<void>;
  getSipRule(sipRuleId: string): Promise<SipRuleState | undefined>;
  deleteSipRule(sipRuleId: string): Promise<void>;
  /** Moves a number to Chime's deletion queue (released after 7 days). */
  releaseNumber(phoneNumber: string): Promise<void>;
}

/** A request handed to a later invocation while an order is processed. */
export type ContinuedRequest = CustomResourceRequest & {
  AwaitingOrder: AwaitingOrder;
};

/** The order a later invocation goes on waiting for. */
export interface AwaitingOrder {
  orderId: string;
  phoneNumber: string;
  /** When the order was placed (ISO 8601), for the overall wait limit. */
  since: string;
}

/** Starts another invocation of this function with `request`, now. */
export type Continue = (request: ContinuedRequest) => Promise<void>;

/** Milliseconds since the epoch, and a way to let time pass. */
export interface Clock {
  now(): number;
  sleep(milliseconds: number): Promise<void>;
}

/** Fixed messages with fields, as Powertools logs them. */
export interface ProvisioningLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** How patiently an order is awaited. */
export interface OrderTiming {
  /** Between two GetPhoneNumberOrder calls. */
  pollIntervalMs: number;
  /**
   * Kept free at the end of an invocation for creating the SIP rule and
   * answering CloudFormation (or handing over to the next invocation).
   */
  reserveMs: number;
  /** Longest wait for one order, across invocations, before giving up. */
  maxOrderWaitMs: number;
}

/** Everything the use case is given. */
export interface ProvisioningDependencies {
  inventory: PhoneNumberInventory;
  sendResponse: ResponseSender;
  continueLater: Continue;
  clock: Clock;
  log: ProvisioningLog;
  timing: OrderTiming;
}
