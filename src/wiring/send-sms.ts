/** The send-sms function's dependencies, chosen by SMS_DRIVER. */
import { PinpointClient } from '@aws-sdk/client-pinpoint';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { Config } from '../config/config';
import type {
  DeliverySettings,
  SmsSettings,
} from '../config/notification-settings';
import { EndUserMessagingSmsSender } from '../notifications/adapters/end-user-messaging-sms-sender';
import { PinpointSmsSender } from '../notifications/adapters/pinpoint-sms-sender';
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

/** The SMS driver the settings name. */
export function smsSender(settings: SmsSettings): SmsSender {
  switch (settings.driver) {
    case 'end-user-messaging':
      return new EndUserMessagingSmsSender({
        client: new PinpointSMSVoiceV2Client({ region: settings.region }),
        originationIdentity: settings.originationIdentity,
        configurationSetName: settings.configurationSetName,
      });
    case 'pinpoint':
      return new PinpointSmsSender({
        client: new PinpointClient({ region: settings.region }),
        // The settings refuse the pinpoint driver without an application.
        applicationId: settings.pinpointApplicationId ?? '',
        originationNumber: settings.originationIdentity,
      });
    case 'outbox':
      return new OutboxSmsSender({ path: settings.outboxPath });
  }
}

/** Everything texting runs on; `sender` replaces the configured driver. */
export function smsDependencies(
  config: Config,
  settings: { sms: SmsSettings; delivery: DeliverySettings },
  resources: ConsumerResources,
  sender: SmsSender = smsSender(settings.sms),
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
