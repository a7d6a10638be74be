/** The send-email function's dependencies. */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Config } from '../config/config';
import type {
  DeliverySettings,
  EmailSettings,
} from '../config/notification-settings';
import { SesEmailSender } from '../notifications/adapters/ses-email-sender';
import {
  type EmailNotifierDependencies,
  notifyByEmail,
} from '../notifications/notify-by-email';
import type { EmailSender } from '../notifications/ports';
import { type ConsumerResources, tableDependencies } from './deliveries';
import {
  orderEventConsumer,
  type OrderEventConsumer,
} from './order-event-consumer';

/** SES v2, or an SES-compatible API at SES_ENDPOINT with dummy keys. */
export function sesClient(settings: EmailSettings): SESv2Client {
  const endpoint = settings.endpoint;

  return new SESv2Client({
    region: settings.region,
    ...(endpoint === undefined
      ? {}
      : {
          endpoint,
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }),
  });
}

/** The SES sender the settings describe. */
export function emailSender(
  settings: EmailSettings,
  client: SESv2Client = sesClient(settings),
): EmailSender {
  return new SesEmailSender({
    client,
    fromAddress: settings.fromAddress,
    configurationSetName: settings.configurationSetName,
  });
}

/** Everything emailing runs on. */
export function emailDependencies(
  config: Config,
  settings: { email: EmailSettings; delivery: DeliverySettings },
  resources: ConsumerResources,
  sender: EmailSender = emailSender(settings.email),
): EmailNotifierDependencies {
  return {
    ...tableDependencies(resources, settings.delivery),
    restaurant: {
      name: config.restaurant.name,
      address: config.restaurant.address,
      timeZone: config.restaurant.timeZone,
    },
    sender,
  };
}

/** The send-email handler. */
export function emailConsumer(
  dependencies: EmailNotifierDependencies,
): OrderEventConsumer {
  return orderEventConsumer((event) => notifyByEmail(event, dependencies));
}
