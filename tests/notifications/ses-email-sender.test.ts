import {
  MessageRejected,
  SendEmailCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import { SesEmailSender } from '../../src/notifications/adapters/ses-email-sender';
import { EmailNotSent } from '../../src/notifications/send-errors';

const EMAIL = {
  to: 'sam@example.com',
  subject: 'Your order #12',
  html: '<p>Hi</p>',
  text: 'Hi',
};

describe('SesEmailSender', () => {
  it('sends SendEmail with simple content in HTML and text', async () => {
    // Prepare
    const send = jest.fn(() => Promise.resolve({ MessageId: 'ses-1' }));
    const sender = new SesEmailSender({
      client: { send } as unknown as SESv2Client,
      fromAddress: 'orders@tonys.example',
      configurationSetName: 'orders',
    });

    // Act
    const sent = await sender.send(EMAIL);

    // Assess
    expect(sent).toEqual({ messageId: 'ses-1' });
    const [[command]] = send.mock.calls as unknown as [[SendEmailCommand]];
    expect(command).toBeInstanceOf(SendEmailCommand);
    expect(command.input).toEqual({
      FromEmailAddress: 'orders@tonys.example',
      Destination: { ToAddresses: ['sam@example.com'] },
      Content: {
        Simple: {
          Subject: { Data: 'Your order #12', Charset: 'UTF-8' },
          Body: {
            Text: { Data: 'Hi', Charset: 'UTF-8' },
            Html: { Data: '<p>Hi</p>', Charset: 'UTF-8' },
          },
        },
      },
      ConfigurationSetName: 'orders',
    });
  });

  it('turns a rejection into EmailNotSent, without the address', async () => {
    // Prepare
    const rejection = new MessageRejected({
      message: 'Email address is not verified: sam@example.com',
      $metadata: { httpStatusCode: 400 },
    });
    const send = jest.fn(() => Promise.reject(rejection));
    const sender = new SesEmailSender({
      client: { send } as unknown as SESv2Client,
      fromAddress: 'orders@tonys.example',
    });

    // Act
    const act = sender.send(EMAIL);

    // Assess
    await expect(act).rejects.toThrow(EmailNotSent);
    await expect(act).rejects.toThrow(
      'email not sent: MessageRejected (HTTP 400)',
    );
  });
});
