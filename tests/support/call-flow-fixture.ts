import { handleCallEvent } from '../../src/call-flow/handle-call-event';
import type {
  CallerDirectory,
  CallFlowDependencies,
  CallFlowSettings,
  CallMetric,
} from '../../src/call-flow/types';
import { parseOpeningHours } from '../../src/config/opening-hours';
import { RepositoryCallerDirectory } from '../../src/customers/caller-directory';
import { InMemoryCustomerRepository } from '../../src/customers/in-memory-customer-repository';
import { InMemoryMenuRepository } from '../../src/menu/in-memory-menu-repository';
import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';
import type { OrderRepository } from '../../src/orders/model';
import { InMemoryOrderRepository } from '../../src/orders/in-memory-order-repository';
import { placeOrder } from '../../src/orders/place-order';
import type { CustomerRepository } from '../../src/customers/model';
import type { MenuRepository } from '../../src/menu/model';
import type { BotEngine } from '../../src/local/bot-engine';
import type { CallRecord } from '../../src/local/call-record';
import {
  parseCallerScript,
  type CallerAction,
  type CallerInput,
} from '../../src/local/caller-input';
import {
  PhoneSimulator,
  type PhoneSimulatorOptions,
} from '../../src/local/phone-simulator';
import { parseInvocationEvent } from '../../src/telephony/events';

/** A Tuesday at 6 p.m. in New York: the sample restaurant is open. */
export const OPEN_TIME = new Date('2026-12-01T23:00:00Z');

export const RESTAURANT_NUMBER = '+12065550100';
export const CALLER_NUMBER = '+12065550142';
/** The staff line a test configures with `staffPhoneNumber`. */
export const STAFF_NUMBER = '+12065550177';

export const SETTINGS: CallFlowSettings = {
  restaurantName: "Tony's Pizzeria",
  address: '12 Main Street',
  timeZone: 'America/New_York',
  openingHours: parseOpeningHours('mon-sat 11:00-22:00; sun closed'),
  taxRatePercent: 8.875,
  currency: 'USD',
  voice: { VoiceId: 'Joanna', Engine: 'neural' },
};

export interface FlowFixture {
  dependencies: CallFlowDependencies;
  orders: OrderRepository;
  customers: CustomerRepository;
  menu: MenuRepository;
  metrics: CallMetric[];
  logs: { level: string; message: string; fields?: Record<string, unknown> }[];
  invoke: (event: unknown) => Promise<unknown>;
  /** A simulated Chime calling the flow from CALLER_NUMBER by default. */
  phone: (options?: PhoneOptions) => PhoneSimulator;
  /** Places one call with a caller script such as `'1 1 2 hangup'`. */
  call: (
    caller: CallerInput | string,
    options?: PhoneOptions,
  ) => Promise<CallRecord>;
}

/** Chime's behaviour for a simulated call, and who calls. */
export interface PhoneOptions extends PhoneSimulatorOptions {
  from?: string;
}

export interface FlowFixtureOptions {
  settings?: Partial<CallFlowSettings>;
  now?: Date;
  orders?: OrderRepository;
  customers?: CustomerRepository;
  menu?: MenuRepository;
  /** Who is calling; by default read from `customers` and `orders`. */
  callers?: CallerDirectory;
  /**
   * Plays Lex for StartBotConversation (see tests/support/voice-fixture.ts);
   * `settings.bot` makes the main menu offer ordering by voice.
   */
  botEngine?: BotEngine;
}

/** The call flow on in-memory adapters, invoked as the sma function is. */
export function flowFixture(options: FlowFixtureOptions = {}): FlowFixture {
  const now = () => options.now ?? OPEN_TIME;
  const menu =
    options.menu ?? new InMemoryMenuRepository(parseMenu(sampleMenu));
  const orders =
    options.orders ?? new InMemoryOrderRepository({ clock: now, menu });
  // The in-memory order store records customers in its own repository: the
  // caller directory must read that one to know who ordered before.
  const customers =
    options.customers ??
    (orders instanceof InMemoryOrderRepository
      ? orders.customers
      : new InMemoryCustomerRepository());
  const metrics: CallMetric[] = [];
  const logs: FlowFixture['logs'] = [];
  const settings = { ...SETTINGS, ...options.settings };
  const log =
    (level: string) => (message: string, fields?: Record<string, unknown>) => {
      logs.push({ level, message, fields });
    };
  const dependencies: CallFlowDependencies = {
    settings,
    menu,
    callers:
      options.callers ?? new RepositoryCallerDirectory(customers, orders),
    placeOrder: (request) =>
      placeOrder(request, {
        orders,
        timeZone: settings.timeZone,
        kitchen: { prepBaseMinutes: 15, prepMinutesPerOpenOrder: 4 },
        now,
      }),
    metrics: { count: (metric) => metrics.push(metric) },
    log: { info: log('info'), warn: log('warn'), error: log('error') },
    now,
  };

  const invoke = (event: unknown) =>
    handleCallEvent(parseInvocationEvent(event), dependencies);
  const phone = ({ from, ...chime }: PhoneOptions = {}) =>
    new PhoneSimulator({
      invoke,
      from: from ?? CALLER_NUMBER,
      to: RESTAURANT_NUMBER,
      // A caller left in silence hangs up at once: tests do not wait 10 s.
      silenceTimeoutMs: 1,
      ...(options.botEngine === undefined
        ? {}
        : { botEngine: options.botEngine }),
      ...chime,
    });

  return {
    dependencies,
    orders,
    customers,
    menu,
    metrics,
    logs,
    invoke,
    phone,
    call: (caller, callOptions) => phone(callOptions).call(caller),
  };
}

/** The texts the caller heard, in order. */
export function heardTexts(record: CallRecord): string[] {
  return record.transcript.flatMap((entry) =>
    entry.kind === 'heard' ? [entry.text] : [],
  );
}

/** Something to do between two of the caller's actions, such as a change. */
export type Interlude = () => Promise<unknown>;

/**
 * A scripted caller whose script can stop for an interlude: `callerWith('1 2',
 * () => menu.setAvailability('cola', false), '1')` presses 1 and 2, lets the
 * change happen, then presses 1. When the script runs out the caller hangs up.
 */
export function callerWith(...parts: (string | Interlude)[]): CallerInput {
  const steps = parts.flatMap((part): (CallerAction | Interlude)[] =>
    typeof part === 'string' ? parseCallerScript(part) : [part],
  );

  return {
    async next() {
      for (let step = steps.shift(); step !== undefined; step = steps.shift()) {
        if (typeof step !== 'function') return step;
        await step();
      }

      return { kind: 'hangup' };
    },
  };
}
