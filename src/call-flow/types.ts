import type { OpeningHours } from '../config/opening-hours';
import type { Customer } from '../customers/model';
import type { Menu, MenuRepository } from '../menu/model';
import type { Order } from '../orders/model';
import type { OrderRequest, PlacedOrder } from '../orders/place-order';
import type { VoiceSettings } from '../telephony/actions';
import type { CallState, Step } from './state';

/** The restaurant's settings the call flow speaks from. */
export interface CallFlowSettings {
  restaurantName: string;
  address?: string;
  timeZone: string;
  openingHours: OpeningHours;
  /** Where a caller who asks for a person is bridged; none, no transfer. */
  staffPhoneNumber?: string;
  taxRatePercent: number;
  currency: string;
  voice: VoiceSettings;
  /** The Lex bot for voice orders; none, no "order by voice" option. */
  bot?: { aliasArn: string; localeId: string };
}

/** What is known of a caller before they press a key. */
export interface CallerRecord {
  customer?: Customer;
  lastOrder?: Order;
}

export interface CallerDirectory {
  lookup(phone: string): Promise<CallerRecord>;
}

export type CallMetric =
  | 'Calls'
  | 'ClosedHoursCalls'
  | 'OrdersPlaced'
  | 'AbandonedCalls'
  | 'Transfers'
  | 'Reprompts'
  | 'OrderFailures'
  | 'VoiceConversations'
  | 'VoiceFallbacks';

export interface CallMetrics {
  count(metric: CallMetric): void;
}

/** A structured logger: a fixed message and fields, never a phone number. */
export interface CallLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The ports and settings the call flow runs on. */
export interface CallFlowDependencies {
  settings: CallFlowSettings;
  menu: MenuRepository;
  callers: CallerDirectory;
  placeOrder: (request: OrderRequest) => Promise<PlacedOrder>;
  metrics: CallMetrics;
  log: CallLog;
  now: () => Date;
}

/** One invocation's view of the call. */
export interface Turn {
  dependencies: CallFlowDependencies;
  menu: Menu;
  callId: string;
  transactionId: string;
  callerNumber: string;
  /** The restaurant's number the caller dialled; caller id on transfers. */
  restaurantNumber: string;
}

/** What a step decides: ask the next question, or end the call. */
export type Outcome =
  | { kind: 'ask'; state: CallState; say?: string }
  | { kind: 'bot'; state: CallState; say?: string }
  | { kind: 'hangup'; state: CallState; say: string }
  | { kind: 'transfer'; state: CallState; say: string };

export interface Prompt {
  text: string;
  /** The keys this question accepts, such as "123*". */
  keys: string;
}

/** One question of the IVR: what it asks, and what each key does. */
export interface StepHandler {
  prompt(state: CallState, turn: Turn): Prompt;
  onKey(key: string, state: CallState, turn: Turn): Outcome | Promise<Outcome>;
}

export type AskingStep = Exclude<Step, 'TRANSFERRED' | 'ENDED' | 'VOICE'>;

/** Moves to a step and asks its question, with an optional lead-in. */
export function ask(state: CallState, step: AskingStep, say?: string): Outcome {
  return { kind: 'ask', state: { ...state, step, tries: 0 }, say };
}
