import { InvalidConfiguration } from '../../src/config/config';
import type {
  SmsDriver,
  SmsSettings,
} from '../../src/config/notification-settings';
import { EndUserMessagingSmsSender } from '../../src/notifications/adapters/end-user-messaging-sms-sender';
import { PinpointSmsSender } from '../../src/notifications/adapters/pinpoint-sms-sender';
import { OutboxSmsSender } from '../../src/notifications/adapters/sms-outbox';
import { endUserMessagingDriver } from '../../src/wiring/end-user-messaging-driver';
import { pinpointDriver } from '../../src/wiring/pinpoint-driver';
import { smsSender } from '../../src/wiring/send-sms';

function settings(driver: SmsDriver): SmsSettings {
  return {
    driver,
    pinpointApplicationId: '4f1c2a9e8b7d4c6e9a0b1c2d3e4f5a6b',
    outboxPath: '/tmp/sms-outbox.jsonl',
    region: 'us-east-1',
  };
}

describe('smsSender', () => {
  it('sends through End User Messaging from the entry point that carries it', () => {
    const sender = smsSender(
      settings('end-user-messaging'),
      endUserMessagingDriver,
    );

    expect(sender).toBeInstanceOf(EndUserMessagingSmsSender);
  });

  it('sends through Pinpoint from the entry point that carries it', () => {
    const sender = smsSender(settings('pinpoint'), pinpointDriver);

    expect(sender).toBeInstanceOf(PinpointSmsSender);
  });

  it.each([
    ['end-user-messaging', endUserMessagingDriver],
    ['pinpoint', pinpointDriver],
    ['no AWS driver', undefined],
  ])('writes to the local outbox, carrying %s', (_, carried) => {
    const sender = smsSender(settings('outbox'), carried);

    expect(sender).toBeInstanceOf(OutboxSmsSender);
  });

  it('refuses a driver the entry point does not carry, naming SMS_DRIVER and the param', () => {
    const act = () => smsSender(settings('pinpoint'), endUserMessagingDriver);

    expect(act).toThrow(InvalidConfiguration);
    expect(act).toThrow(
      'SMS_DRIVER is pinpoint, but this function carries ' +
        'end-user-messaging only: deploy it with the smsDriver param ' +
        'pinpoint, which sets both',
    );
  });

  it('refuses every AWS driver when none is carried', () => {
    const act = () => smsSender(settings('end-user-messaging'));

    expect(act).toThrow(
      'SMS_DRIVER is end-user-messaging, but this function carries the ' +
        'outbox only',
    );
  });
});
