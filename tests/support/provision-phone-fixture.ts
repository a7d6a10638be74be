/**
 * A test bench for the `Custom::PhoneNumber` use case: the real Chime
 * adapter over a Chime SDK Voice client whose `send` is scripted per
 * command, a clock that only moves when the code sleeps, and recorders for
 * the CloudFormation answer and the hand-over to a new invocation.
 */
import {
  ChimeSDKVoiceClient,
  NotFoundException,
} from '@aws-sdk/client-chime-sdk-voice';
import { answerPhoneNumberRequest } from '../../src/provisioning/answer-phone-number-request';
import { ChimePhoneNumberInventory } from '../../src/provisioning/chime-phone-number-inventory';
import type { CustomResourceResponse } from '../../src/provisioning/custom-resource';
import type {
  ContinuedRequest,
  ProvisioningDependencies,
} from '../../src/provisioning/ports';

/** What a scripted command answers: a value, or an error to throw. */
type Reply = unknown;

/** One command the client was sent: its class name and exact input. */
export interface SentCommand {
  command: string;
  input: unknown;
}

/** Chime's answer for something that does not exist (any more). */
export function notFound(): NotFoundException {
  return new NotFoundException({ message: 'Not found', $metadata: {} });
}

/**
 * Chime SDK Voice client whose replies are queued per command name; the
 * last reply of a queue repeats. An error as reply is thrown.
 */
export class ScriptedChime {
  readonly client = new ChimeSDKVoiceClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  readonly sent: SentCommand[] = [];
  private readonly replies = new Map<string, Reply[]>();

  constructor() {
    const send = (command: { input: unknown }) => {
      const name = command.constructor.name;
      this.sent.push({ command: name, input: command.input });
      const queue = this.replies.get(name) ?? [];
      const reply = queue.length > 1 ? queue.shift() : queue[0];
      if (reply instanceof Error) return Promise.reject(reply);

      return Promise.resolve(reply ?? {});
    };
    // Every send, whatever its command, goes to the script.
    const scripted: unknown = send;
    this.client.send = scripted as ChimeSDKVoiceClient['send'];
  }

  /** Queues replies for `command` (e.g. `CreateSipRuleCommand`). */
  on(command: string, ...replies: Reply[]): this {
    this.replies.set(command, replies);

    return this;
  }

  /** The names of the commands sent, in order. */
  commands(): string[] {
    return this.sent.map((sent) => sent.command);
  }

  /** The inputs sent with `command`, in order. */
  inputsOf(command: string): unknown[] {
    return this.sent
      .filter((sent) => sent.command === command)
      .map((sent) => sent.input);
  }
}

/** 2026-12-03 17:00 UTC, when every test's deployment starts. */
export const START = Date.parse('2026-12-03T17:00:00.000Z');

/** The function's timeout, as serverless.yml sets it. */
export const FUNCTION_TIMEOUT_MS = 300_000;

export const STACK_ID =
  'arn:aws:cloudformation:us-east-1:123456789012:stack/phone-orders-ci/1f2e3d4c';
export const RESPONSE_URL =
  'https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/answer?X-Amz-Signature=abc';

/** The properties serverless.yml gives the resource for stage ci. */
export const PROPERTIES = {
  ServiceToken:
    'arn:aws:lambda:us-east-1:123456789012:function:phone-orders-ci-provisionPhone',
  SipMediaApplicationId: '5e1d2c3b-sma0-4000-8000-000000000001',
  AwsRegion: 'us-east-1',
  RuleName: 'phone-orders-ci',
  Country: 'US',
  AreaCode: '206',
  ExistingPhoneNumber: '',
};

/** A CloudFormation request of `type` for the `PhoneNumber` resource. */
export function cloudFormationRequest(
  type: 'Create' | 'Update' | 'Delete',
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    RequestType: type,
    ServiceToken: PROPERTIES.ServiceToken,
    ResponseURL: RESPONSE_URL,
    StackId: STACK_ID,
    RequestId: `${type.toLowerCase()}-request-1`,
    LogicalResourceId: 'PhoneNumber',
    ResourceType: 'Custom::PhoneNumber',
    ResourceProperties: PROPERTIES,
    ...fields,
  };
}

/** The use case on the scripted client, with fake time and recorders. */
export class ProvisioningBench {
  readonly chime = new ScriptedChime();
  readonly answers: { url: string; response: CustomResourceResponse }[] = [];
  readonly handedOver: ContinuedRequest[] = [];
  now = START;
  readonly dependencies: ProvisioningDependencies = {
    inventory: new ChimePhoneNumberInventory(this.chime.client),
    sendResponse: (url, response) => {
      this.answers.push({ url, response });

      return Promise.resolve();
    },
    continueLater: (request) => {
      // What Lambda delivers is the JSON of the payload.
      this.handedOver.push(
        JSON.parse(JSON.stringify(request)) as ContinuedRequest,
      );

      return Promise.resolve();
    },
    clock: {
      now: () => this.now,
      sleep: (milliseconds) => {
        this.now += milliseconds;

        return Promise.resolve();
      },
    },
    log: { info: jest.fn(), warn: jest.fn(), error: jest.fn() },
    timing: {
      pollIntervalMs: 10_000,
      reserveMs: 30_000,
      maxOrderWaitMs: 45 * 60_000,
    },
  };

  /** One invocation with a whole timeout ahead of it. */
  async invoke(event: unknown): Promise<void> {
    const deadline = this.now + FUNCTION_TIMEOUT_MS;
    await answerPhoneNumberRequest(event, this.dependencies, {
      remainingTimeMs: () => deadline - this.now,
    });
  }

  /** The only answer sent to CloudFormation. */
  answer(): CustomResourceResponse {
    expect(this.answers).toHaveLength(1);

    return this.answers[0]!.response;
  }
}
