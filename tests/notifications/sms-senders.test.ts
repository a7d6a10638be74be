import {
  type PinpointClient,
  SendMessagesCommand,
  type SendMessagesCommandOutput,
} from '@aws-sdk/client-pinpoint';
import {
  type PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
  ValidationException,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { EndUserMessagingSmsSender } from '../../src/notifications/adapters/end-user-messaging-sms-sender';
import { PinpointSmsSender } from '../../src/notifications/adapters/pinpoint-sms-sender';
import { SmsNotSent } from '../../src/notifications/send-errors';

const TEXT = { to: '+12065550142', body: "Tony's Pizzeria: order #12 ..." };

describe('EndUserMessagingSmsSender', () => {
  it('sends one transactional SendTextMessage', async () => {
    // Prepare
    const send = jest.fn(() => Promise.resolve({ MessageId: 'eum-1' }));
    const sender = new EndUserMessagingSmsSender({
      client: { send } as unknown as PinpointSMSVoiceV2Client,
      originationIdentity: 'pool-0123456789abcdef',
      configurationSetName: 'orders',
    });

    // Act
    const sent = await sender.send(TEXT);

    // Assess
    expect(sent).toEqual({ messageId: 'eum-1' });
    const [[command]] = send.mock.calls as unknown as [
      [SendTextMessageCommand],
    ];
    expect(command).toBeInstanceOf(SendTextMessageCommand);
    expect(command.input).toEqual({
      DestinationPhoneNumber: '+12065550142',
      OriginationIdentity: 'pool-0123456789abcdef',
      MessageBody: "Tony's Pizzeria: order #12 ...",
      MessageType: 'TRANSACTIONAL',
      ConfigurationSetName: 'orders',
    });
  });

  it('leaves out the identity and configuration set when not set', async () => {
    // Prepare
    const send = jest.fn(() => Promise.resolve({ MessageId: 'eum-2' }));
    const sender = new EndUserMessagingSmsSender({
      client: { send } as unknown as PinpointSMSVoiceV2Client,
    });

    // Act
    await sender.send(TEXT);

    // Assess
    const [[command]] = send.mock.calls as unknown as [
      [SendTextMessageCommand],
    ];
    expect(command.input.OriginationIdentity).toBeUndefined();
    expect(command.input.ConfigurationSetName).toBeUndefined();
  });

  it('turns a refusal into SmsNotSent, without the message text', async () => {
    // Prepare
    const refusal = new ValidationException({
      message: 'Invalid destination +12065550142',
      $metadata: { httpStatusCode: 400 },
      Reason: 'INVALID_PARAMETER',
    });
    const send = jest.fn(() => Promise.reject(refusal));
    const sender = new EndUserMessagingSmsSender({
      client: { send } as unknown as PinpointSMSVoiceV2Client,
    });

    // Act
    const act = sender.send(TEXT);

    // Assess
    await expect(act).rejects.toThrow(SmsNotSent);
    await expect(act).rejects.toThrow(
      'text not sent through end-user-messaging: ValidationException (HTTP 400)',
    );
  });
});

describe('PinpointSmsSender', () => {
  function answering(result: object) {
    const output: Partial<SendMessagesCommandOutput> = {
      MessageResponse: {
        ApplicationId: 'app-1',
        Result: { '+12065550142': result as never },
      },
    };
    const send = jest.fn(() => Promise.resolve(output));
    const sender = new PinpointSmsSender({
      client: { send } as unknown as PinpointClient,
      applicationId: 'app-1',
      originationNumber: '+12065550100',
    });

    return { send, sender };
  }

  it('sends SendMessages to the number as an SMS address', async () => {
    // Prepare
    const { send, sender } = answering({
      DeliveryStatus: 'SUCCESSFUL',
      StatusCode: 200,
      MessageId: 'pp-1',
    });

    // Act
    const sent = await sender.send(TEXT);

    // Assess
    expect(sent).toEqual({ messageId: 'pp-1' });
    const [[command]] = send.mock.calls as unknown as [[SendMessagesCommand]];
    expect(command).toBeInstanceOf(SendMessagesCommand);
    expect(command.input).toEqual({
      ApplicationId: 'app-1',
      MessageRequest: {
        Addresses: { '+12065550142': { ChannelType: 'SMS' } },
        MessageConfiguration: {
          SMSMessage: {
            Body: "Tony's Pizzeria: order #12 ...",
            MessageType: 'TRANSACTIONAL',
            OriginationNumber: '+12065550100',
          },
        },
      },
    });
  });

  it.each([
    ['PERMANENT_FAILURE', 400],
    ['OPT_OUT', 400],
    ['THROTTLED', 429],
    ['TEMPORARY_FAILURE', 500],
  ])(
    'treats %s as a failure though the call succeeded',
    async (status, code) => {
      // Prepare
      const { sender } = answering({
        DeliveryStatus: status,
        StatusCode: code,
      });

      // Act
      const act = sender.send(TEXT);

      // Assess
      await expect(act).rejects.toThrow(SmsNotSent);
      await expect(act).rejects.toThrow(`${status} (status code ${code})`);
    },
  );

  it('treats a missing result for the number as a failure', async () => {
    // Prepare
    const send = jest.fn(() =>
      Promise.resolve({ MessageResponse: { ApplicationId: 'app-1' } }),
    );
    const sender = new PinpointSmsSender({
      client: { send } as unknown as PinpointClient,
      applicationId: 'app-1',
    });

    // Act
    const act = sender.send(TEXT);

    // Assess
    await expect(act).rejects.toThrow('no result');
  });
});
