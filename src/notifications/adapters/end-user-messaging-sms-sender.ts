/**
 * Texts through AWS End User Messaging SMS (the `pinpoint-sms-voice-v2`
 * API's SendTextMessage): the default driver.
 */
import {
  type PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { SentMessage, SmsMessage, SmsSender } from '../ports';
import { reasonOf, SmsNotSent } from '../send-errors';

/** Constructor arguments of {@link EndUserMessagingSmsSender}. */
export interface EndUserMessagingSmsSenderOptions {
  client: PinpointSMSVoiceV2Client;
  /** Phone number, sender id or pool (or their ARN); else the account's. */
  originationIdentity?: string;
  configurationSetName?: string;
}

const DRIVER = 'end-user-messaging';

/** {@link SmsSender} on End User Messaging SMS. */
export class EndUserMessagingSmsSender implements SmsSender {
  constructor(private readonly options: EndUserMessagingSmsSenderOptions) {}

  /** Sends one transactional text; throws {@link SmsNotSent}. */
  async send(message: SmsMessage): Promise<SentMessage> {
    let messageId: string | undefined;
    try {
      ({ MessageId: messageId } = await this.options.client.send(
        new SendTextMessageCommand({
          DestinationPhoneNumber: message.to,
          OriginationIdentity: this.options.originationIdentity,
          MessageBody: message.body,
          MessageType: 'TRANSACTIONAL',
          ConfigurationSetName: this.options.configurationSetName,
        }),
      ));
    } catch (error) {
      throw new SmsNotSent(DRIVER, reasonOf(error));
    }
    if (messageId === undefined) throw new SmsNotSent(DRIVER, 'no MessageId');

    return { messageId };
  }
}
