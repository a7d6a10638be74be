/**
 * The send-sms function's dependencies. Each entry point carries the one
 * AWS SMS driver serverless.yml deployed it for (src/wiring/
 * end-user-messaging-driver.ts or pinpoint-driver.ts), so that its bundle
 * holds that driver's client and no other; the local outbox comes along
 * for `npm start`.
 */
import { type Config, InvalidConfiguration } from '../config/config';
import type {
  DeliverySettings,
  SmsDriver,
  SmsSettings,
} from '../config/notification-settings';
import { OutboxSmsSender } from '../notifications/adapters/sms-outbox';
import {
  notifyBySms,
  type SmsNotifierDependencies,
} from '../notifications/notify-by-sms';
import type { SmsSender } from '../notifications/ports';
import { type ConsumerResources, tableDependencies } from './deliveries';
import {
  orderEventConsumer,
  type OrderEventConsumer,
} from './order-event-consumer';

/** The SMS drivers that send through AWS, each with its own entry point. */
export type AwsSmsDriver = Exclude<SmsDriver, 'outbox'>;

/** How an entry point builds the sender of the AWS driver it carries. */
export interface SmsDriverWiring {
  driver: AwsSmsDriver;
  sender: (settings: SmsSettings) => SmsSender;
}

/**
 * The sender SMS_DRIVER names: the outbox, or the AWS driver `carried`.
 * Any other driver's client is not in this bundle: that configuration is
 * refused with {@link InvalidConfiguration}, at cold start.
 */
export function smsSender(
  settings: SmsSettings,
  carried?: SmsDriverWiring,
): SmsSender {
  if (settings.driver === 'outbox') {
    return new OutboxSmsSender({ path: settings.outboxPath });
  }
  if (settings.driver !== carried?.driver) {
    const inBundle = carried?.driver ?? 'the outbox';
    throw new InvalidConfiguration([
      `SMS_DRIVER is ${settings.driver}, but this function carries ` +
        `${inBundle} only: deploy it with the smsDriver param ` +
        `${settings.driver}, which sets both`,
    ]);
  }

  return carried.sender(settings);
}

/** Everything texting runs on. */
export function smsDependencies(
  config: Config,
  settings: { delivery: DeliverySettings },
  resources: ConsumerResources,
  sender: SmsSender,
): SmsNotifierDependencies {
  return {
    ...tableDependencies(resources, settings.delivery),
    restaurant: {
      name: config.restaurant.name,
      timeZone: config.restaurant.timeZone,
    },
    sender,
  };
}

/** The send-sms handler. */
export function smsConsumer(
  dependencies: SmsNotifierDependencies,
): OrderEventConsumer {
  return orderEventConsumer((event) => notifyBySms(event, dependencies));
}
