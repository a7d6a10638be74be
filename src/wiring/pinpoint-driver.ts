/**
 * The pinpoint SMS driver (an Amazon Pinpoint application). Only
 * functions/send-sms-pinpoint.ts imports it, so only that bundle carries
 * the client.
 */
import { PinpointClient } from '@aws-sdk/client-pinpoint';
import { PinpointSmsSender } from '../notifications/adapters/pinpoint-sms-sender';
import type { SmsDriverWiring } from './send-sms';

/** Texts through the Pinpoint application's SendMessages. */
export const pinpointDriver: SmsDriverWiring = {
  driver: 'pinpoint',
  sender: (settings) =>
    new PinpointSmsSender({
      client: new PinpointClient({ region: settings.region }),
      // The settings refuse the pinpoint driver without an application.
      applicationId: settings.pinpointApplicationId ?? '',
      originationNumber: settings.originationIdentity,
    }),
};
