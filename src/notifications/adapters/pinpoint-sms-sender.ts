/**
 * Texts through an Amazon Pinpoint application (SendMessages), for
 * accounts whose numbers are set up there. Pinpoint answers 200 even when
 * the text was refused: the verdict is the address's DeliveryStatus.
 */
import {
  type MessageResult,
  type PinpointClient,
  SendMessagesCommand,
} from '@aws-sdk/client-pinpoint';
import type { SentMessage, SmsMessage, SmsSender } from '../ports';
import { reasonOf, SmsNotSent } from '../send-errors';

/** Constructor arguments of {@link PinpointSmsSender}. */
export interface PinpointSmsSenderOptions {
  client: PinpointClient;
  applicationId: string;
  /** The number to send from; else Pinpoint picks one. */
  originationNumber?: string;
}

const DRIVER = 'pinpoint';

/** {@link SmsSender} on an Amazon Pinpoint application. */
export class PinpointSmsSender implements SmsSender {
  constructor(private readonly options: PinpointSmsSenderOptions) {}

  /** Sends one transactional text; throws {@link SmsNotSent}. */
  async send(message: SmsMessage): Promise<SentMessage> {
    const result = await this.sendMessages(message);
    if (result?.DeliveryStatus !== 'SUCCESSFUL') {
      throw new SmsNotSent(
        DRIVER,
        `${result?.DeliveryStatus ?? 'no result'} ` +
          `(status code ${String(result?.StatusCode)})`,
      );
    }
    if (result.MessageId === undefined) {
      throw new SmsNotSent(DRIVER, 'no MessageId');
    }

    return { messageId: result.MessageId };
  }

  private async sendMessages(
    message: SmsMessage,
  ): Promise<MessageResult | undefined> {
    try {
      const { MessageResponse } = await this.options.client.send(
        new SendMessagesCommand({
          ApplicationId: this.options.applicationId,
          MessageRequest: {
            Addresses: { [message.to]: { ChannelType: 'SMS' } },
            MessageConfiguration: {
              SMSMessage: {
                Body: message.body,
                MessageType: 'TRANSACTIONAL',
                OriginationNumber: this.options.originationNumber,
              },
            },
          },
        }),
      );

      return MessageResponse?.Result?.[message.to];
    } catch (error) {
      throw new SmsNotSent(DRIVER, reasonOf(error));
    }
  }
}
