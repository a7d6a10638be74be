/**
 * The end-user-messaging SMS driver (AWS End User Messaging SMS), the
 * default. Only functions/send-sms.ts imports it, so only that bundle
 * carries the client.
 */
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { EndUserMessagingSmsSender } from '../notifications/adapters/end-user-messaging-sms-sender';
import type { SmsDriverWiring } from './send-sms';

/** Texts through End User Messaging's SendTextMessage. */
export const endUserMessagingDriver: SmsDriverWiring = {
  driver: 'end-user-messaging',
  sender: (settings) =>
    new EndUserMessagingSmsSender({
      client: new PinpointSMSVoiceV2Client({ region: settings.region }),
      originationIdentity: settings.originationIdentity,
      configurationSetName: settings.configurationSetName,
    }),
};
