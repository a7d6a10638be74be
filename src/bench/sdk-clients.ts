/**
 * The AWS SDK clients each function constructs on its deployed path, read
 * off src/wiring/ (send-sms with serverless.yml's default SMS driver, End
 * User Messaging). The list defines each function's floor bundle, and the
 * check that no bundle carries a client its function never builds. A new
 * client in the wiring belongs here too, or the check reports it; a
 * function not listed constructs none.
 */

/** A client package, by its name under `@aws-sdk/`. */
export type SdkClient =
  | 'client-dynamodb'
  | 'client-eventbridge'
  | 'client-pinpoint-sms-voice-v2'
  | 'client-sesv2'
  | 'client-chime-sdk-voice'
  | 'client-lambda';

/** How a floor bundle imports and constructs each client. */
export const CLIENT_CODE: Record<
  SdkClient,
  { imports: string; construct: string }
> = {
  // The functions talk to DynamoDB through the document client.
  'client-dynamodb': {
    imports:
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n" +
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    construct: 'DynamoDBDocumentClient.from(new DynamoDBClient({}))',
  },
  'client-eventbridge': {
    imports: "import { EventBridgeClient } from '@aws-sdk/client-eventbridge';",
    construct: 'new EventBridgeClient({})',
  },
  'client-pinpoint-sms-voice-v2': {
    imports:
      "import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';",
    construct: 'new PinpointSMSVoiceV2Client({})',
  },
  'client-sesv2': {
    imports: "import { SESv2Client } from '@aws-sdk/client-sesv2';",
    construct: 'new SESv2Client({})',
  },
  'client-chime-sdk-voice': {
    imports:
      "import { ChimeSDKVoiceClient } from '@aws-sdk/client-chime-sdk-voice';",
    construct: 'new ChimeSDKVoiceClient({})',
  },
  'client-lambda': {
    imports: "import { LambdaClient } from '@aws-sdk/client-lambda';",
    construct: 'new LambdaClient({})',
  },
};

/** Function key in serverless.yml to the clients its path constructs. */
export const CLIENTS_ON_PATH: Record<string, SdkClient[]> = {
  sma: ['client-dynamodb'],
  lexHook: ['client-dynamodb'],
  staffApi: ['client-dynamodb'],
  orderEvents: ['client-eventbridge'],
  sendSms: ['client-dynamodb', 'client-pinpoint-sms-voice-v2'],
  sendEmail: ['client-dynamodb', 'client-sesv2'],
  provisionPhone: ['client-chime-sdk-voice', 'client-lambda'],
};

/** The floor's name for a set of clients, shared by functions alike. */
export function floorName(clients: readonly SdkClient[]): string {
  return `floor-${clients.map((client) => client.slice(7)).join('+')}`;
}

/** Clients in a bundle that its function's path never constructs. */
export function unusedClients(
  inBundle: readonly string[],
  onPath: readonly SdkClient[],
): string[] {
  return inBundle
    .map((name) => name.replace(/^@aws-sdk\//, ''))
    .filter((name) => !onPath.some((client) => client === name));
}
