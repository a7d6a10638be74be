import { InvalidConfiguration } from '../../src/config/config';
import {
  loadDeliverySettings,
  loadEmailSettings,
  loadEventSettings,
  loadSmsSettings,
} from '../../src/config/notification-settings';

describe('notification settings', () => {
  it('reads the bus and the source', () => {
    expect(
      loadEventSettings({
        SERVICE_NAME: 'phone-orders',
        EVENT_BUS_NAME: 'orders-dev',
      }),
    ).toEqual({
      source: 'phone-orders',
      eventBusName: 'orders-dev',
      region: 'us-east-1',
    });
  });

  it('defaults to End User Messaging, empty settings left out', () => {
    expect(loadSmsSettings({ SMS_ORIGINATION_IDENTITY: '' })).toEqual({
      driver: 'end-user-messaging',
      originationIdentity: undefined,
      configurationSetName: undefined,
      pinpointApplicationId: undefined,
      outboxPath: '.local-data/sms-outbox.jsonl',
      region: 'us-east-1',
    });
  });

  it('needs an application for the pinpoint driver, naming the variable', () => {
    const act = () => loadSmsSettings({ SMS_DRIVER: 'pinpoint' });

    expect(act).toThrow(InvalidConfiguration);
    expect(act).toThrow(
      'PINPOINT_APPLICATION_ID is required when SMS_DRIVER is pinpoint',
    );
  });

  it('refuses an unknown driver, naming the variable', () => {
    expect(() => loadSmsSettings({ SMS_DRIVER: 'carrier-pigeon' })).toThrow(
      /SMS_DRIVER/,
    );
  });

  it('needs a sender address for email', () => {
    expect(() => loadEmailSettings({})).toThrow(/EMAIL_FROM_ADDRESS/);
    expect(
      loadEmailSettings({
        EMAIL_FROM_ADDRESS: 'orders@tonys.example',
        SES_ENDPOINT: 'http://127.0.0.1:8005',
      }),
    ).toEqual({
      fromAddress: 'orders@tonys.example',
      configurationSetName: undefined,
      endpoint: 'http://127.0.0.1:8005',
      region: 'us-east-1',
    });
  });

  it('keeps records three days and locks a send for 30 seconds by default', () => {
    expect(loadDeliverySettings({})).toEqual({
      recordTtlDays: 3,
      lockSeconds: 30,
    });
  });
});
