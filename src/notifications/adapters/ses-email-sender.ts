/** Emails through Amazon SES v2 (SendEmail, simple content). */
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { EmailMessage, EmailSender, SentMessage } from '../ports';
import { EmailNotSent, reasonOf } from '../send-errors';

/** Constructor arguments of {@link SesEmailSender}. */
export interface SesEmailSenderOptions {
  client: SESv2Client;
  /** A verified identity of the account. */
  fromAddress: string;
  configurationSetName?: string;
}

const UTF8 = 'UTF-8';

/** {@link EmailSender} on SES v2. */
export class SesEmailSender implements EmailSender {
  constructor(private readonly options: SesEmailSenderOptions) {}

  /** Sends one email as HTML and text; throws {@link EmailNotSent}. */
  async send(message: EmailMessage): Promise<SentMessage> {
    let messageId: string | undefined;
    try {
      ({ MessageId: messageId } = await this.options.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.options.fromAddress,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: UTF8 },
              Body: {
                Text: { Data: message.text, Charset: UTF8 },
                Html: { Data: message.html, Charset: UTF8 },
              },
            },
          },
          ConfigurationSetName: this.options.configurationSetName,
        }),
      ));
    } catch (error) {
      throw new EmailNotSent(reasonOf(error));
    }
    if (messageId === undefined) throw new EmailNotSent('no MessageId');

    return { messageId };
  }
}
